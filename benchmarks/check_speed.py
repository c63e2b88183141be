"""`playbook check` time at 1,000 and 10,000 plays (a figure to read, never a test).

    .venv/bin/python -m benchmarks.check_speed [PLAYS ...]

Each size is written once by benchmarks.synthetic into a temporary folder and
checked in a fresh process, so no cache of an earlier run helps.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_catalogue

SIZES = (1_000, 10_000)


def time_check(root: Path) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds (the check and its workers) of one `playbook check` of `root`, and its exit status."""
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(root)], capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, done.returncode


def main(argv: list[str] | None = None) -> int:
    """Print one line per catalogue size."""
    sizes = [int(a) for a in (argv if argv is not None else sys.argv[1:])] or list(SIZES)
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            write_catalogue(root, size)
            wall, cpu, status = time_check(root)
            load = os.getloadavg()[0]
            print(f"playbook check, {size:,} plays: {wall:.2f}s wall, {cpu:.2f}s CPU (exit {status}; load average {load:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
