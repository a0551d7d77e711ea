#!/usr/bin/env bash
# Issue 19's tables: for each ledger given, the leader's side (benches/leader.sh:
# the month and year reports as whole processes, the desk's leader screens) and
# the clerk's keys (benches/replay.sh: queue, search, form, durable intake), with
# the binary that opens it: a plaintext ledger (p*.db) through the
# `plaintext-bench` build, any other through the normal one.
#
#     cargo build --release --features plaintext-bench && cp target/release/xinfang /tmp/xf-plain
#     cargo build --release && cp target/release/xinfang /tmp/xf-enc
#     /tmp/xf-plain demo --db /tmp/p1m.db --cases 1000000     # and p10k, p100k
#     /tmp/xf-enc demo --db /tmp/e1m.db --cases 1000000       # and e10k, e100k
#     printf 'demo\n' > /tmp/pw && chmod 600 /tmp/pw
#     benches/sizes.sh 5 /tmp/p10k.db /tmp/e10k.db /tmp/p100k.db /tmp/e100k.db /tmp/p1m.db /tmp/e1m.db
#
# For the ratios, run it with RUNS 1 fifteen times (into run1.log … run15.log) and combine
# them with benches/sizes_table.py: each round then runs both builds in turn, so that the
# machine's drift over minutes falls on both (BENCHMARKS.md, sixth pass).
#
# The demo writes both from the same seed over the two years before it is run;
# every operator's passphrase is `demo` (the demo's weak key derivation on both
# sides). The desk and intake.keys write to the ledgers (views, ten intakes a
# run): bench ledgers only. COLD=1 drops the page cache before each run (root).
set -euo pipefail
runs=${1:?usage: benches/sizes.sh RUNS LEDGER...}
shift
here=$(cd "$(dirname "$0")" && pwd)
pass=${PASS_FILE:-/tmp/pw}
for db in "$@"; do
    case $(basename "$db") in
        p*) bin=${XF_PLAIN:-/tmp/xf-plain} ;;
        *) bin=${XF_ENC:-/tmp/xf-enc} ;;
    esac
    echo "######## $db ($bin) $(date -u +%H:%M:%SZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
    BIN=$bin "$here/leader.sh" "$db" 孙丽 "$pass" "$runs" 2026-11 2026 2>&1 |
        grep -v '^xinfang: benchmark build'
    XINFANG_BIN=$bin XINFANG_PASSPHRASE_FILE=$pass "$here/replay.sh" "$db" 刘晓燕 2 2>&1 |
        grep -v '^xinfang: benchmark build'
done
