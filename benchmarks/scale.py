"""Scale benchmark: build synthetic catalogues of growing size and check that cost per play stays flat.

Run from the repository root:

    .venv/bin/python -m benchmarks.scale                 # 1,000 and 10,000 plays
    .venv/bin/python -m benchmarks.scale --sizes 300 1000

Each step runs in its own child process, so peak memory (ru_maxrss) is
measured per size and per step: writing the catalogue, the real build
(`generator.build.build`, split into its stages) and the floor, MkDocs alone
over the same generated pages with a one-entry nav. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.scale_report import report

OUT = Path(__file__).resolve().parent / "out"


def _output_name(output: Callable[..., Any]) -> str:
    return f"{getattr(output, '__module__', '?')}.{getattr(output, '__qualname__', type(output).__name__)}"


def site_outputs() -> tuple[list[Any], list[str], list[str]]:
    """The build outputs the site benchmark includes: all but PDFs, which have their own benchmark."""
    from generator import build

    included = [o for o in build.OUTPUTS if "pdf" not in _output_name(o).lower()]
    excluded = [_output_name(o) for o in build.OUTPUTS if o not in included]
    return included, [_output_name(o) for o in included], excluded


class Clock:
    """Wall and CPU seconds since it was made: CPU time is what other processes on the machine disturb least."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        """(wall, cpu) seconds elapsed."""
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def _timed(stages: dict[str, list[float]], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        clock = Clock()
        try:
            return function(*args, **kwargs)
        finally:
            wall, cpu = clock.read()
            total = stages.setdefault(name, [0.0, 0.0])
            total[0] += wall
            total[1] += cpu

    return wrapper


def _listing(function: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *args, **kwargs: list(function(*args, **kwargs))


def _folder_bytes(folder: Path, pattern: str = "*") -> tuple[int, int]:
    files = [p for p in folder.rglob(pattern) if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def _usage() -> dict[str, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # ru_maxrss is in kilobytes on Linux.
    return {"peak_mb": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime}


def child_generate(root: Path, plays: int) -> dict[str, Any]:
    """Write the synthetic catalogue."""
    from benchmarks.synthetic import write_catalogue

    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    counts = write_catalogue(root, plays)
    return {"seconds": time.perf_counter() - started, "plays": counts.plays, "vignettes": counts.vignettes, "toolkit": counts.toolkit}


def child_build(root: Path) -> dict[str, Any]:
    """The real build, with its stages timed by wrapping the functions build() calls."""
    from generator import build, validate

    stages: dict[str, list[float]] = {}
    validate.load_catalogue = _timed(stages, "check: load", validate.load_catalogue)  # type: ignore[assignment]
    for index, rule in enumerate(validate.RULES):
        # Rules are generators: time them as check() consumes them, by listing inside the timer.
        listed = _listing(rule)
        validate.RULES[index] = _timed(stages, f"check: rule {rule.__name__}", listed)
    build.write_pages = _timed(stages, "render + write pages", build.write_pages)  # type: ignore[assignment]
    outputs, names, excluded = site_outputs()
    outputs = [_timed(stages, f"output {name}", o) for o, name in zip(outputs, names, strict=True)]
    build.build_site = _timed(stages, "mkdocs", build.build_site)  # type: ignore[assignment]
    clock = Clock()
    result = build.build(root, outputs=outputs)
    seconds, cpu = clock.read()
    site = root / "site"
    site_bytes, site_files = _folder_bytes(site)
    play_bytes, _ = _folder_bytes(site / "plays", "index.html")
    html_bytes, html_files = _folder_bytes(site, "*.html")
    return {
        "seconds": seconds,
        "cpu": cpu,
        "stages": stages,
        "pages": result.pages,
        "plays": len(result.catalogue.plays),
        "outputs": names,
        "excluded": excluded,
        "site_bytes": site_bytes,
        "site_files": site_files,
        "html_bytes": html_bytes,
        "html_files": html_files,
        "play_page_bytes": play_bytes / max(1, len(result.catalogue.plays)),
        "search_index_bytes": _folder_bytes(site / "pagefind")[0],
        "peak_mb": _usage()["peak_mb"],
    }


def child_floor(root: Path) -> dict[str, Any]:
    """MkDocs alone over the same generated pages, with a one-entry nav: Material's own floor."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    level = logger.level
    # Pages left out of the one-entry nav are reported at info level; keep them quiet as the real build does.
    logger.setLevel(logging.ERROR)
    site = root / "floor-site"
    try:
        config = load_config(
            config_file=str(root / "build" / "mkdocs.yml"),  # the configuration the build wrote
            docs_dir=str(root / "build" / "docs"),
            site_dir=str(site),
            nav=[{"Home": "index.md"}],
            strict=False,
        )
        clock = Clock()
        build(config)
        seconds, cpu = clock.read()
    finally:
        logger.setLevel(level)
    pages = sum(1 for _ in (root / "build" / "docs").rglob("*.md"))
    html_bytes, _ = _folder_bytes(site, "*.html")
    shutil.rmtree(site, ignore_errors=True)
    return {"seconds": seconds, "cpu": cpu, "pages": pages, "html_bytes": html_bytes, "peak_mb": _usage()["peak_mb"]}


def run_child(step: str, root: Path, plays: int = 0) -> dict[str, Any]:
    """Run one step in a fresh Python process and return what it reported."""
    command = [sys.executable, "-m", "benchmarks.scale", "--child", step, "--root", str(root), "--plays", str(plays)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent, check=False)
    if done.returncode != 0:
        sys.exit(f"step {step} for {root} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure(size: int, out: Path) -> dict[str, Any]:
    """Generate, build and floor-build one size."""
    root = out / f"catalogue-{size}"
    print(f"\n== {size:,} plays ({root})", flush=True)
    generated = run_child("generate", root, size)
    print(f"   wrote {generated['plays']:,} plays, {generated['vignettes']:,} vignettes, {generated['toolkit']:,} toolkit items "
          f"in {generated['seconds']:.1f}s", flush=True)  # fmt: skip
    built = run_child("build", root)
    print(f"   built {built['pages']:,} pages in {built['seconds']:.1f}s", flush=True)
    floor = run_child("floor", root)
    print(f"   floor (MkDocs, one-entry nav) {floor['pages']:,} pages in {floor['seconds']:.1f}s", flush=True)
    return {"size": size, "generated": generated, "build": built, "floor": floor}


def main() -> int:
    """Parse options, run each size, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--out", type=Path, default=OUT, help="work folder (default: benchmarks/out)")
    parser.add_argument("--keep", action="store_true", help="keep the generated catalogues and sites")
    parser.add_argument(
        "--bracket",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="measure the smallest size again at the end, so slow drift in machine load weighs on both sides (default: on)",
    )
    parser.add_argument("--child", choices=("generate", "build", "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--plays", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.child == "generate":
            result = {**child_generate(args.root, args.plays), **_usage()}
        else:
            result = child_build(args.root) if args.child == "build" else child_floor(args.root)
        print(json.dumps(result))
        return 0
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    plan = args.sizes + ([min(args.sizes)] if args.bracket and len(args.sizes) > 1 else [])
    print(f"Scale benchmark: runs {', '.join(f'{s:,}' for s in plan)} plays; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
    results = [measure(size, out) for size in plan]
    if not args.keep:
        for size in args.sizes:
            shutil.rmtree(out / f"catalogue-{size}", ignore_errors=True)
    ok = report(results)
    load = os.getloadavg()[0]
    print(f"\nLoad average at the end {load:.2f} on {os.cpu_count()} CPUs. Targets {'met' if ok else 'NOT met'} (wall clock).")
    if load > (os.cpu_count() or 1):
        print("The machine was busy with other work: wall-clock ratios are unreliable; the CPU ratios are the better guide.")
    (out / "last-run.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
