#!/usr/bin/env bash
# The real binary's start to first screen, in a 120x40 tmux pane.
#
#     cargo build --release
#     benches/desk_start.sh /tmp/bench100k.db [OPERATOR] [RUNS]
#
# Each run starts `xinfang --db DB --as OPERATOR` in a fresh detached tmux
# session and polls `tmux capture-pane` until the first frame is on the pane
# (the operator's name in the header and the key hints on the last row).
# The same is done with a shell that prints those two rows at once, to give
# what tmux and the polling cost by themselves; the difference is the desk.
# BIN overrides the binary (default: $CARGO_TARGET_DIR or target, release).
# Uses a private tmux server (-L) and stops only that.
set -euo pipefail

db=${1:?usage: desk_start.sh LEDGER.db [OPERATOR] [RUNS]}
runs=${3:-10}
bin=${BIN:-${CARGO_TARGET_DIR:-$(dirname "$0")/../target}/release/xinfang}
[ -x "$bin" ] || { echo "no binary at $bin: cargo build --release" >&2; exit 1; }
if [ -n "${2:-}" ]; then
    operator=$2
else
    # The first clerk of the ledger.
    operator=$(sqlite3 -readonly "$db" \
        "SELECT name FROM operators WHERE role = 'clerk' AND active ORDER BY name LIMIT 1" 2>/dev/null) ||
        { echo "no sqlite3 to pick an operator: name one" >&2; exit 1; }
fi

sock=xinfang-bench-$$
tmx() { tmux -L "$sock" -u "$@"; }
trap 'tmx kill-server 2>/dev/null || true; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"' EXIT
# Keep the server up, so no run pays for starting it.
tmx new-session -d -s hold -x 120 -y 40 'sleep 3600'

now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }

# Milliseconds from launching $1 in a new session until its first frame.
one() {
    local cmd=$1 name=run$RANDOM t0 t1 pane
    t0=$(now_us)
    tmx new-session -d -s "$name" -x 120 -y 40 "$cmd"
    for _ in $(seq 1 2000); do
        pane=$(tmx capture-pane -p -t "$name" 2>/dev/null || true)
        if [[ $(head -n 1 <<<"$pane") == *"$operator"* && -n $(tail -n 1 <<<"$pane" | tr -d ' ') ]]; then
            break
        fi
    done
    t1=$(now_us)
    tmx kill-session -t "$name" 2>/dev/null || true
    # Let the desk close the ledger before the next one opens it.
    sleep 0.3
    echo $(((t1 - t0) / 1000))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " (min " a[1] ", max " a[NR] ")"}'; }

baseline="printf '%s' '$operator'; printf '\\033[40;1Hq'; sleep 60"
desk="'$bin' --db '$db' --as '$operator'"

echo "ledger $db, operator $operator, $runs runs each, 120x40"
b=$(for _ in $(seq "$runs"); do one "$baseline"; done | median)
d=$(for _ in $(seq "$runs"); do one "$desk"; done | median)
echo "tmux + polling alone (shell printing two rows): median $b ms"
echo "xinfang start to first screen:                  median $d ms"
