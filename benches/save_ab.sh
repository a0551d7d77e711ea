#!/usr/bin/env bash
# The durable save alone, plaintext and encrypted in turn: each round replays
# benches/replay/intake.keys (ten intakes and their registrations, twenty Ctrl-S) once on
# each ledger given, and the medians of the Ctrl-S key-to-frame times are compared over the
# rounds (the median of the rounds' medians, and the median of the rounds' ratios, since the
# save's wall time is mostly three fsyncs whose latency drifts with the host's disk).
#
#     benches/save_ab.sh 20 /tmp/p1m.db /tmp/e1m.db /tmp/p10k.db /tmp/e10k.db
#
# Ledgers come in pairs, plaintext then encrypted; p*.db is opened by $XF_PLAIN (a
# `--features plaintext-bench` build), any other by $XF_ENC (benches/sizes.sh says how
# to build both and write the demo ledgers). It WRITES to the ledgers: bench ledgers only.
set -euo pipefail
rounds=${1:?usage: benches/save_ab.sh ROUNDS PLAIN ENC [PLAIN ENC]...}
shift
here=$(cd "$(dirname "$0")" && pwd)
pass=${PASS_FILE:-/tmp/pw}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for _ in $(seq "$rounds"); do
    for db in "$@"; do
        case $(basename "$db") in
            p*) bin=${XF_PLAIN:-/tmp/xf-plain} ;;
            *) bin=${XF_ENC:-/tmp/xf-enc} ;;
        esac
        "$bin" replay --db "$db" --keys "$here/replay/intake.keys" --as 刘晓燕 \
            --passphrase-file "$pass" --json 2>/dev/null > "$out/run.json"
        printf '%s ' "$(basename "$db")"
        jq -r '[.keys[] | select(.step == "ctrl-s") | .ms] | sort
               | .[((length - 1) / 2) | floor]' "$out/run.json"
    done
done | python3 -c '
import collections, statistics, sys
runs = collections.OrderedDict()
for line in sys.stdin:
    name, ms = line.split()
    runs.setdefault(name, []).append(float(ms))
names = list(runs)
for plain, enc in zip(names[::2], names[1::2]):
    p, e = runs[plain], runs[enc]
    ratios = [b / a for a, b in zip(p, e)]
    print(f"{plain} {statistics.median(p):.2f} ms, {enc} {statistics.median(e):.2f} ms: "
          f"ratio of medians {statistics.median(e) / statistics.median(p):.3f}, "
          f"median of the rounds ratios {statistics.median(ratios):.3f} ({len(p)} rounds)")
'
