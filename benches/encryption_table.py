#!/usr/bin/env python3
"""The table BENCHMARKS.md quotes from `benches/encryption.sh` output: per figure,
the median over the runs of plaintext and encrypted, and encrypted / plaintext.

    benches/encryption.sh /tmp/p100k.db 3 > run.txt; benches/encryption_table.py run.txt
"""
import re
import statistics
import sys
from collections import defaultdict

UNITS = {"ns": 1e-6, "µs": 1e-3, "ms": 1.0, "s": 1000.0}
# divan's rows: the operations this issue prices, by their bench names.
OPS = [
    ("open + first frame, clerk", "open_first_frame", "clerk"),
    ("open + first frame, leader", "open_first_frame", "leader"),
    ("queue: PgDn ×100", "queue_page_down_x100", None),
    ("search: 拆 (last key to frame)", "search_as_you_type", "拆"),
    ("search: 王伟", "search_as_you_type", "王伟"),
    ("search: 138", "search_as_you_type", "138"),
    ("search: a case number", "search_case_number", None),
    ("dashboard reload", "dashboard_reload", None),
    ("monthly report", "report", "month"),
    ("yearly report", "report", "year"),
    ("durable intake + register", "intake_and_register", None),
]


def show(v):
    return f"{v / 1000:.2f} s" if abs(v) >= 1000 else f"{v:.3g} ms"


def ms(text):
    num, unit = text.split()
    return float(num) * UNITS[unit]


def parse(lines):
    """{(side, figure): [ms per run]}"""
    got = defaultdict(list)
    side = kind = parent = keys = None
    for line in lines:
        m = re.match(r"== (operations|replay), (plaintext|encrypted)", line)
        if m:
            kind, side = m.groups()
            continue
        if kind == "operations":
            row = re.sub(r"^[│├╰─ ]+", "", line.rstrip("\n"))
            cells = row.split("│")
            name = cells[0].split()[0] if cells[0].split() else ""
            if len(cells) < 3 or not name:
                continue
            median = cells[2].strip()
            if not median:
                parent = name
                continue
            for label, bench, arg in OPS:
                if (arg is None and name == bench) or (arg == name and parent == bench):
                    got[(side, label)].append(ms(median))
        elif kind == "replay":
            m = re.match(r"== (\w+)\.keys .*first screen \(ms\): (.*)", line)
            if m:
                keys = m.group(1)
                starts = [float(x) for x in m.group(2).split()]
                got[(side, f"replay {keys}: start to first screen")].append(statistics.median(starts))
                continue
            m = re.match(r"all keys: \d+\s+median (\S+)\s+p99 (\S+)", line)
            if m and keys:
                got[(side, f"replay {keys}: key median")].append(float(m.group(1)))
                got[(side, f"replay {keys}: key p99")].append(float(m.group(2)))
            m = re.match(r"ctrl-s\s+\d+\s+(\S+)\s+(\S+)", line)
            if m and keys == "intake":
                got[(side, "replay intake: Ctrl-S (commit) median")].append(float(m.group(1)))
                got[(side, "replay intake: Ctrl-S (commit) p99")].append(float(m.group(2)))
    return got


def main():
    lines = [l for f in sys.argv[1:] for l in open(f, encoding="utf-8")]
    got = parse(lines)
    seen = list(dict.fromkeys(label for _, label in got))
    figures = [label for label, _, _ in OPS if label in seen] + [f for f in seen if f.startswith("replay")]
    print("| figure | plaintext | encrypted | encrypted / plaintext | runs |")
    print("|---|---|---|---|---|")
    for label in figures:
        p, e = got.get(("plaintext", label)), got.get(("encrypted", label))
        if not p or not e:
            continue
        pm, em = statistics.median(p), statistics.median(e)
        runs = min(len(p), len(e))
        sign = "+" if em >= pm else "−"
        print(f"| {label} | {show(pm)} | {show(em)} | {em / pm:.2f}x ({sign}{show(abs(em - pm))}) | {runs} |")


if __name__ == "__main__":
    main()
