"""`playbook check` time at 1,000 and 10,000 plays (a figure to read, never a test).

    .venv/bin/python -m benchmarks.check_speed [PLAYS ...]

Each size is written once by benchmarks.synthetic into a temporary folder and
checked in a fresh process, so no cache of an earlier run helps.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_catalogue

SIZES = (1_000, 10_000)


def time_check(root: Path) -> tuple[float, int]:
    """Seconds one `playbook check` of `root` takes in a new process, and its exit status."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(root)], capture_output=True, check=False)
    return time.perf_counter() - started, done.returncode


def main(argv: list[str] | None = None) -> int:
    """Print one line per catalogue size."""
    sizes = [int(a) for a in (argv if argv is not None else sys.argv[1:])] or list(SIZES)
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            write_catalogue(root, size)
            seconds, status = time_check(root)
            print(f"playbook check, {size:,} plays: {seconds:.2f}s (exit {status})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
