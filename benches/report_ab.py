#!/usr/bin/env python3
"""Whole-process `xinfang report` times of two builds on one ledger, alternated per period.

    benches/report_ab.py OLD_BIN NEW_BIN /tmp/e1m.db 2026-12 2026-11 2026

Each build runs each period ROUNDS times (15; env ROUNDS), as 孙丽 with the passphrase in
/tmp/pw (env PASS_FILE); prints the median and the slowest run in ms.
"""
import os
import statistics
import subprocess
import sys
import time


def times(binary, db, period, rounds, pass_file):
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(
            [binary, "report", "--db", db, "--period", period, "--as", "孙丽",
             "--passphrase-file", pass_file],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        out.append((time.perf_counter() - start) * 1000)
    return statistics.median(out), max(out)


def main():
    old, new, db, *periods = sys.argv[1:]
    rounds = int(os.environ.get("ROUNDS", "15"))
    pass_file = os.environ.get("PASS_FILE", "/tmp/pw")
    for period in periods:
        for name, binary in (("old", old), ("new", new)):
            median, slowest = times(binary, db, period, rounds, pass_file)
            print(f"{period} {name}: median {median:.1f} ms, slowest {slowest:.1f} ms")


if __name__ == "__main__":
    main()
