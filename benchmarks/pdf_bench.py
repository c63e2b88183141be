"""PDF benchmark: the whole-playbook PDF (and the other PDFs) for a synthetic catalogue.

Run from the repository root:

    .venv/bin/python -m benchmarks.pdf_bench                # 500 plays: the playbook PDF
    .venv/bin/python -m benchmarks.pdf_bench --plays 100 500 --all

Each measurement runs in its own child process. Its parts are laid out by
worker processes (one per core), so memory is reported as the largest sum
of resident memory of that process and its workers, sampled every 0.1 s
(interpreter and WeasyPrint included), beside each one's own peak. CPU
seconds are given too: on a shared machine wall time depends on the load.
Targets: the playbook PDF of 500 plays in under 60 s and 1 GiB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out"
TARGET_SECONDS = 60.0
TARGET_MB = 1024.0


def measure(root: Path, what: str, paper: str) -> dict[str, Any]:
    """In this process: load the catalogue, then make the PDFs named by `what`; seconds, pages and peak memory."""
    from pypdf import PdfReader

    from generator.build import messages_for
    from generator.pdf import PLAYBOOK_FILE, pdf_files, press
    from generator.validate import check

    catalogue, _ = check(root)
    sampler = _TreeMemory()
    sampler.start()
    started, cpu_started = time.perf_counter(), _cpu()
    sizes: dict[str, int] = {}
    pages = 0
    for name, data in pdf_files(catalogue, messages_for(catalogue), paper, only=(PLAYBOOK_FILE,) if what == "playbook" else None):
        sizes[name] = len(data)
        if name == PLAYBOOK_FILE:
            pages = len(PdfReader(_bytes_io(data)).pages)
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu_started
    sampler.stop()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # The parts are laid out in worker processes: their largest peak, and how many ran at once.
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "what": what,
        "plays": len(catalogue.plays),
        "seconds": round(seconds, 2),
        # CPU seconds too: wall time on a shared machine depends on its other work.
        "cpu_seconds": round(cpu, 2),
        # ru_maxrss is in kilobytes on Linux.
        "peak_mb": round(usage.ru_maxrss / 1024, 1),
        "worker_peak_mb": round(workers.ru_maxrss / 1024, 1),
        "workers": press.workers(),
        # What the machine held at once: this process and its workers, sampled while they ran.
        "tree_peak_mb": round(sampler.peak / 2**20, 1),
        "playbook_pages": pages,
        "files": len(sizes),
        "megabytes": round(sum(sizes.values()) / 2**20, 2),
    }


class _TreeMemory(threading.Thread):
    """Samples the resident memory of this process and all its descendants, keeping the largest sum."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            self.peak = max(self.peak, sum(_rss(pid) for pid in _tree(os.getpid())))

    def stop(self) -> None:
        self.done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            children += [int(child) for child in task.read_text().split()]
        except OSError:
            pass
    return [pid] + [descendant for child in children for descendant in _tree(child)]


def _rss(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/statm").read_text().split()
    except OSError:
        return 0
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")


def _cpu() -> float:
    """CPU seconds of this process and of its finished workers."""
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def _bytes_io(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


def run(plays: int, what: str, paper: str) -> dict[str, Any]:
    """Write a synthetic catalogue of `plays` plays and measure it in a child process."""
    from benchmarks.synthetic import write_catalogue

    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as folder:
        root = Path(folder) / "catalogue"
        write_catalogue(root, plays)
        command = [sys.executable, "-m", "benchmarks.pdf_bench", "--child", str(root), "--what", what, "--paper", paper]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"pdf_bench: the child failed for {plays} plays:\n{done.stderr}")
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return result


def main() -> int:
    """Measure each size; print a table and write benchmarks/out/pdf-last-run.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plays", type=int, nargs="+", default=[500], help="catalogue sizes (default: 500)")
    parser.add_argument("--all", action="store_true", help="also the toolkit, all play cards and one card per play")
    parser.add_argument("--paper", default="letter", choices=("letter", "a4"))
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--what", default="playbook", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.what, args.paper)))
        return 0
    results = []
    for plays in args.plays:
        for what in ("playbook", "all") if args.all else ("playbook",):
            result = run(plays, what, args.paper)
            results.append(result)
            print(
                f"{result['plays']:>6} plays  {what:<8}  {result['seconds']:>6.1f} s ({result['cpu_seconds']:.1f} s CPU)  "
                f"peak {result['tree_peak_mb']:.0f} MB (main {result['peak_mb']:.0f} MB, "
                f"{result['workers']} workers up to {result['worker_peak_mb']:.0f} MB each)  "
                f"{result['playbook_pages']:>5} playbook pages  {result['files']:>5} files  {result['megabytes']:.1f} MB"
            )
    OUT.mkdir(exist_ok=True)
    (OUT / "pdf-last-run.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    playbook = [r for r in results if r["what"] == "playbook" and r["plays"] >= 500]
    failed = [r for r in playbook if r["seconds"] > TARGET_SECONDS or r["tree_peak_mb"] > TARGET_MB]
    for r in failed:
        targets = f"targets {TARGET_SECONDS:.0f} s, {TARGET_MB:.0f} MB"
        print(f"over target: {r['plays']} plays took {r['seconds']} s and {r['tree_peak_mb']} MB ({targets})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
