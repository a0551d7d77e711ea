#!/usr/bin/env bash
# The leader's side of one ledger (issue 19), with one binary: the CLI's month
# and year reports as whole processes, and the desk's leader screens through
# `xinfang replay` (benches/replay/leader.keys: dashboard, charts, the report
# through every kind, 积案, reception, queue). Prints medians and p99 in ms and
# each one's peak resident memory.
#
#     cargo build --release
#     printf 'demo\n' > /tmp/pw && chmod 600 /tmp/pw
#     benches/leader.sh /tmp/copy-of-ledger.db 孙丽 /tmp/pw [RUNS] [MONTH] [YEAR]
#
# BIN overrides the binary (a `plaintext-bench` build for a plaintext ledger,
# see benches/encryption.sh). MONTH defaults to last month, YEAR to this one.
# COLD=1 (root only) drops the page cache before every run, for the cold
# figures. Give it a copy of a ledger: the desk records what the leader viewed.
set -euo pipefail
db=${1:?usage: benches/leader.sh LEDGER LEADER PASSFILE [RUNS] [MONTH] [YEAR]}
who=${2:?name the leader}
pass=${3:?name the passphrase file}
runs=${4:-10}
month=${5:-$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)}
year=${6:-$(date +%Y)}
here=$(cd "$(dirname "$0")" && pwd)
bin=${BIN:-${CARGO_TARGET_DIR:-$here/../target}/release/xinfang}
[ -x "$bin" ] || { echo "no binary at $bin: cargo build --release" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cold() { if [ "${COLD:-0}" = 1 ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi; }

# median, p99 (nearest rank) and max of the numbers on stdin, and their count.
stats() {
    sort -n | awk '{a[NR]=$1} END {
        p = int((NR - 1) * 0.99 + 0.5) + 1
        printf "median %s  p99 %s  max %s  (n=%d)", a[int((NR+1)/2)], a[p], a[NR], NR }'
}

report() { # LABEL PERIOD
    : > "$out/ms"; : > "$out/kb"
    for _ in $(seq "$runs"); do
        cold
        # The wall time from the shell's clock in nanoseconds (time's %e counts in 10 ms
        # steps, too coarse for a 10–30 ms process); time's %M for the peak memory.
        t0=$(date +%s%N)
        /usr/bin/time -f '%M' -o "$out/t" "$bin" report --db "$db" --as "$who" \
            --passphrase-file "$pass" --period "$2" > /dev/null 2> "$out/err" ||
            { cat "$out/err" >&2; exit 1; }
        t1=$(date +%s%N)
        awk -v ns="$((t1 - t0))" 'BEGIN { printf "%.1f\n", ns / 1e6 }' >> "$out/ms"
        cat "$out/t" >> "$out/kb"
    done
    printf '%-34s %s ms; peak RSS %s KB\n' "$1 ($2)" "$(stats < "$out/ms")" "$(sort -n "$out/kb" | tail -1)"
}

echo "ledger $db as $who, $runs runs, $(date -u +%H:%M:%SZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
report "report, month, whole process" "$month"
report "report, year, whole process" "$year"

for run in $(seq "$runs"); do
    cold
    /usr/bin/time -f '%M' -o "$out/rss.$run" "$bin" replay --db "$db" --as "$who" \
        --passphrase-file "$pass" --keys "$here/replay/leader.keys" --json > "$out/replay.$run.json"
done
echo "desk, leader.keys: start to first screen (ms): $(jq -r '.start_ms' "$out"/replay.*.json | stats)"
echo "desk, leader.keys: peak RSS after every screen (KB): $(cat "$out"/rss.* | stats)"
jq -s -r '
  map(.keys) | add | group_by(.step)
  | map({step: .[0].step, first: (map(.line) | min), ms: (map(.ms) | sort)})
  | sort_by(.first) | .[]
  | (.ms | length) as $n
  | [.step, $n, .ms[(($n - 1) / 2) | floor], .ms[(($n - 1) * 0.99) | round], .ms[-1]]
  | @tsv' "$out"/replay.*.json |
    awk -F'\t' 'BEGIN { printf "%-14s %6s %8s %8s %8s\n", "key", "keys", "median", "p99", "max" }
                { printf "%-14s %6d %8.2f %8.2f %8.2f\n", $1, $2, $3, $4, $5 }'
