#!/usr/bin/env bash
# Two builds' demos, alternated: `benches/demo-ab.sh BIN_A BIN_B CASES ROUNDS`.
# Each run writes a new encrypted demo ledger of CASES cases into /tmp (a new ledger asks
# for no passphrase) and prints "name user sys wall maxrss_kb" (GNU time), then removes it.
set -euo pipefail
a=$1 b=$2 n=$3 rounds=$4
for _ in $(seq "$rounds"); do
    for bin in "$a" "$b"; do
        db="/tmp/demo-ab-$(basename "$bin").db"
        rm -f "$db" "$db".*
        /usr/bin/time -f "$(basename "$bin") %U %S %e %M" \
            "$bin" demo --db "$db" --cases "$n" 2>&1 >/dev/null | tail -1
        rm -f "$db" "$db".*
    done
done
