#!/usr/bin/env bash
# The desk's key-to-frame times on a ledger, through `xinfang replay`
# (TestBackend, 120x40), for the key files in benches/replay/: queue
# browsing, search as you type, typing in the visitor's form, and a durable
# intake + registration. Prints, per line of each key file, the number of
# key presses, median, p99 and max in ms, and each run's start to first
# screen.
#
#     cargo build --release
#     benches/replay.sh /tmp/copy-of-ledger.db [OPERATOR] [RUNS]
#
# The operator signs in with the passphrase in the file XINFANG_PASSPHRASE_FILE
# names (a demo ledger's is `demo`: printf 'demo\n' > pw), never in argv.
#
# It WRITES to the ledger (intake.keys commits ten intakes and
# registrations): give it a copy. OPERATOR defaults to the demo's clerk
# 李娜; each file is replayed RUNS times (default 1) and the samples pooled.
set -euo pipefail
db=${1:?usage: benches/replay.sh LEDGER [OPERATOR] [RUNS]}
who=${2:-李娜}
runs=${3:-1}
here=$(cd "$(dirname "$0")" && pwd)
bin=${XINFANG_BIN:-${CARGO_TARGET_DIR:-$here/../target}/release/xinfang}
pass=()
if [ -n "${XINFANG_PASSPHRASE_FILE:-}" ]; then
    pass=(--passphrase-file "$XINFANG_PASSPHRASE_FILE")
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for keys in queue search form intake; do
    for run in $(seq 1 "$runs"); do
        "$bin" replay --db "$db" --keys "$here/replay/$keys.keys" --as "$who" "${pass[@]}" --json \
            > "$out/$keys.$run.json"
    done
    echo "== $keys.keys ($runs run(s)); start to first screen (ms):" \
        "$(jq -s -r 'map(.start_ms) | map(tostring) | join(" ")' "$out/$keys".*.json)"
    jq -s -r '
      map(.keys) | add | group_by(.step)
      | map({step: .[0].step, first: (map(.line) | min), ms: (map(.ms) | sort)})
      | sort_by(.first) | .[]
      | (.ms | length) as $n
      | [(.step | if length > 24 then .[0:24] + ".." else . end), $n, .ms[(($n - 1) / 2) | floor], .ms[(($n - 1) * 0.99) | round], .ms[-1]]
      | @tsv' "$out/$keys".*.json |
        awk -F'\t' 'BEGIN { printf "%-34s %6s %8s %8s %8s\n", "step", "keys", "median", "p99", "max" }
                    { printf "%-34s %6d %8.2f %8.2f %8.2f\n", $1, $2, $3, $4, $5 }'
    jq -s -r 'map(.keys) | add | map(.ms) | sort | length as $n
      | "all keys: \($n)  median \(.[(($n - 1) / 2) | floor])  p99 \(.[(($n - 1) * 0.99) | round])  max \(.[-1])"' \
        "$out/$keys".*.json
done
