#!/usr/bin/env python3
"""Issue 19's tables (BENCHMARKS.md) from one or more `benches/sizes.sh` logs.

    benches/sizes.sh 5 /tmp/p10k.db /tmp/e10k.db ... > run1.log   # and run2.log, run3.log
    python3 benches/sizes_table.py run1.log run2.log run3.log

Each figure is the median over the runs of each run's median, and the same of each run's
p99 (one log: that run's figures). Ledgers are named p|e + 10k|100k|1m, as sizes.sh expects.
Fifteen logs of `sizes.sh 1` each (rounds) give ratios that the machine's drift moves less
than three of `sizes.sh 5`: each round runs the plaintext and the encrypted ledger in turn.
"""
import re
import statistics
import sys

def parse(path):
    out = {}; cur = None; section = None
    for line in open(path):
        m = re.match(r'######## (?:\S*/)?(\w+)\.db', line)
        if m: cur = m.group(1); out[cur] = {}; section = 'leader'; continue
        if cur is None: continue
        d = out[cur]
        m = re.match(r'report, (month|year), whole process \(\S+\) median ([\d.]+)\s+p99 ([\d.]+).*peak RSS (\d+)', line)
        if m: d['rep_'+m.group(1)] = (m.group(2), m.group(3)); d['rss_'+m.group(1)] = int(m.group(4))//1024; continue
        m = re.match(r'desk, leader.keys: start to first screen \(ms\): median (\S+)\s+p99 (\S+)', line)
        if m: d['start'] = (m.group(1), m.group(2)); continue
        m = re.match(r'desk, leader.keys: peak RSS after every screen \(KB\): median (\d+)\s+p99 (\d+)', line)
        if m: d['desk_rss'] = (round(int(m.group(1))/1024,1), round(int(m.group(2))/1024,1)); continue
        m = re.match(r'== (\w+)\.keys', line)
        if m: section = m.group(1); continue
        m = re.match(r'all keys: \d+\s+median (\S+)\s+p99 (\S+)', line)
        if m: d[section+'_all'] = (m.group(1), m.group(2)); continue
        m = re.match(r'(r \*3|t|esc|y|tab \*4|left|right|J|ctrl-s)\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)$', line.strip())
        if m:
            k = section + ':' + m.group(1)
            if k not in d: d[k] = (m.group(3), m.group(4))
    return out


def med(vals):
    m = statistics.median(float(v) for v in vals)
    return '%g' % round(m, 3)


runs = [parse(p) for p in sys.argv[1:]]
if not runs:
    sys.exit(__doc__)
data = {}
for led in runs[0]:
    data[led] = {}
    for key in runs[0][led]:
        vs = [r[led][key] for r in runs if led in r and key in r[led]]
        if isinstance(vs[0], tuple):
            data[led][key] = (med(v[0] for v in vs), med(v[1] for v in vs))
        else:
            data[led][key] = med(vs)
rows = [('`report --period 2026-11`, whole process', 'rep_month', '≤ 50'), ('`report --period 2026`, whole process', 'rep_year', '≤ 200'),
 ('report screen, this month (`y`)', 'leader:y', '≤ 50'), ('report screen, other kinds (`Tab` ×4; the p99 is the year)', 'leader:tab *4', '≤ 50'),
 ('report screen, a period back (`←`)', 'leader:left', '≤ 50'), ('report screen, a period on (`→`)', 'leader:right', '≤ 50'),
 ('charts (`t`)', 'leader:t', '≤ 20'), ('dashboard reload (`r`)', 'leader:r *3', 'p99 ≤ 4'), ('back to the dashboard (`Esc`)', 'leader:esc', 'p99 ≤ 4'),
 ('积案 screen (`J`)', 'leader:J', '–'), ('queue, every key (`queue.keys`, 1,584 keys)', 'queue_all', 'p99 ≤ 4'),
 ('search as you type, every key (`search.keys`, 820)', 'search_all', 'p99 ≤ 4'), ('the visitor\'s form, every key (`form.keys`, 1,228)', 'form_all', 'p99 ≤ 4'),
 ('durable intake + register, each `Ctrl-S` (40)', 'intake:ctrl-s', 'p99 ≤ 5'), ('start to first screen, leader, warm (in process)', 'start', '–'),
 ('desk peak RSS after every screen (MB, median / max of 5)', 'desk_rss', '≤ 48')]
for size in ['10k', '100k', '1m']:
    p, e = data.get('p'+size, {}), data.get('e'+size, {})
    print(f"\n### {size}\n\n| figure (ms, median / p99) | target at 1M | plaintext | encrypted | encrypted ÷ plaintext (median) |\n|---|---|---|---|---|")
    for label, key, target in rows:
        a, b = p.get(key), e.get(key)
        fmt = lambda v: f"{v[0]} / {v[1]}" if v else "–"
        ratio = "–"
        try:
            ratio = f"{float(b[0])/float(a[0]):.2f}×"
        except Exception: pass
        print(f"| {label} | {target} | {fmt(a)} | {fmt(b)} | {ratio} |")
    print(f"| peak RSS of `report`, month / year (MB) | – | {p.get('rss_month','–')} / {p.get('rss_year','–')} | {e.get('rss_month','–')} / {e.get('rss_year','–')} | – |")
