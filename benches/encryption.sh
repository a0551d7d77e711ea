#!/usr/bin/env bash
# What encryption costs (issue 13): the same code on the same data, once on a
# plaintext ledger through a `plaintext-bench` build (no PRAGMA key) and once on
# the same ledger converted by `xinfang encrypt`, through the normal build.
#
#     cargo build --release --features plaintext-bench && cp target/release/xinfang /tmp/xf-plain
#     cargo bench --bench operations --no-run --features plaintext-bench   # note the binary: OPS_PLAIN
#     cargo build --release && cp target/release/xinfang /tmp/xf-enc
#     cargo bench --bench operations --no-run                              # note the binary: OPS_ENC
#     /tmp/xf-plain demo --db /tmp/p100k.db --cases 100000
#     OPS_PLAIN=… OPS_ENC=… benches/encryption.sh /tmp/p100k.db [RUNS]
#
# It makes LEDGER.enc.db beside the plaintext LEDGER (once), gives 赵建国 and
# 李娜 the same passphrase on both (argon2id at the office's strength, so that
# signing in costs the same on both sides), then, RUNS times, alternating
# which goes first: the operations bench (open + first frame, queue, search,
# dashboard, monthly report, durable intake + register; divan medians) and
# the key replays (benches/replay.sh: median and p99 per key). Both ledgers
# gain the intakes the benches write (a few dozen cases).
set -euo pipefail
plain=${1:?usage: benches/encryption.sh PLAINTEXT_LEDGER [RUNS]}
runs=${2:-1}
here=$(cd "$(dirname "$0")" && pwd)
xf_plain=${XF_PLAIN:-/tmp/xf-plain}
xf_enc=${XF_ENC:-/tmp/xf-enc}
: "${OPS_PLAIN:?set OPS_PLAIN to the plaintext-bench operations bench binary}"
: "${OPS_ENC:?set OPS_ENC to the normal operations bench binary}"
enc=${plain%.db}.enc.db
secrets=$(mktemp -d)
trap 'rm -rf "$secrets"' EXIT
chmod 700 "$secrets"
printf 'demo\n' > "$secrets/demo"
printf 'bench-pass-1\n' > "$secrets/pass"
printf 'one-time-pass-1\n' > "$secrets/once"
recovery=$enc.recovery

# The same people with the same passphrase on both ledgers.
same_passphrases() { # BIN LEDGER LEADER_PASSFILE
    "$1" passwd --db "$2" --as 赵建国 --passphrase-file "$3" --for 李娜 \
        --new-passphrase-file "$secrets/once" > /dev/null
    "$1" passwd --db "$2" --as 李娜 --passphrase-file "$secrets/once" \
        --new-passphrase-file "$secrets/pass" > /dev/null
}

if [ ! -e "$enc" ]; then
    "$xf_enc" encrypt --db "$plain" --out "$enc" --as 赵建国 \
        --passphrase-file "$secrets/pass" > "$secrets/encrypt.out"
    # The recovery key opens the ledger for the operations bench; kept 0600
    # beside the bench ledger (a demo's, never an office's).
    (umask 077; grep -oE '([0-9A-Z]{4}-){13}[0-9A-Z]{4}' "$secrets/encrypt.out" > "$recovery")
    same_passphrases "$xf_enc" "$enc" "$secrets/pass"
    "$xf_plain" passwd --db "$plain" --as 赵建国 --passphrase-file "$secrets/demo" \
        --new-passphrase-file "$secrets/pass" > /dev/null
    same_passphrases "$xf_plain" "$plain" "$secrets/pass"
fi

ops() { # LABEL BIN LEDGER
    echo "== operations, $1"
    XINFANG_BENCH_DB=$3 XINFANG_BENCH_RECOVERY_KEY_FILE=$recovery "$2" --bench \
        open_first_frame queue search dashboard report intake 2>&1 | grep -v '^xinfang: benchmark build'
}
keys() { # LABEL BIN LEDGER
    echo "== replay, $1"
    XINFANG_BIN=$2 XINFANG_PASSPHRASE_FILE=$secrets/pass "$here/replay.sh" "$3" 李娜 1 2>&1 |
        grep -v '^xinfang: benchmark build'
}
for run in $(seq 1 "$runs"); do
    echo "#### run $run of $runs ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))"
    if [ $((run % 2)) -eq 1 ]; then
        ops plaintext "$OPS_PLAIN" "$plain"; ops encrypted "$OPS_ENC" "$enc"
        keys plaintext "$xf_plain" "$plain"; keys encrypted "$xf_enc" "$enc"
    else
        ops encrypted "$OPS_ENC" "$enc"; ops plaintext "$OPS_PLAIN" "$plain"
        keys encrypted "$xf_enc" "$enc"; keys plaintext "$xf_plain" "$plain"
    fi
done
