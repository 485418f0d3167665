#!/usr/bin/env python3
"""Where the CPU of one endpoint goes, from a JFR recording of Keycloak (BENCH_JFR=true).

    jfr print --events jdk.ExecutionSample --stack-depth 200 bench/target/results/keycloak.jfr \\
      | bench/jfr-breakdown.py 'LicenseResource.lambda$heartbeat' io.coditect Signature.sign hibernate

Takes the CPU samples whose stack contains the first argument (the endpoint's frame) and prints,
for each method seen in them, the share of those samples it is on the stack of (inclusive),
keeping only methods that contain one of the other arguments (all when none is given).
JFR samples Java threads on CPU only: time spent waiting on Redis or the database is not in it.
"""
import collections
import re
import sys

FRAME = re.compile(r'^([\w$.<>/]+)\(.*\)\s+line:')


def samples(lines):
    current = None
    for line in lines:
        line = line.strip()
        if line.startswith('jdk.ExecutionSample'):
            if current is not None:
                yield current
            current = set()
        elif current is not None:
            match = FRAME.match(line)
            if match:
                current.add(match.group(1))
    if current is not None:
        yield current


def main():
    root, patterns = sys.argv[1], sys.argv[2:]
    total = 0
    selected = []
    for frames in samples(sys.stdin):
        total += 1
        if any(root in f for f in frames):
            selected.append(frames)
    print(f"{len(selected)} of {total} CPU samples are in {root}")
    if not selected:
        return
    inclusive = collections.Counter(f for frames in selected for f in frames)
    for method, count in inclusive.most_common():
        if not patterns or any(p in method for p in patterns):
            print(f"{100.0 * count / len(selected):5.1f}%  {method}")


if __name__ == '__main__':
    main()
