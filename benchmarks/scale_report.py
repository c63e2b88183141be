"""Print the scale benchmark's figures and judge its targets."""

from __future__ import annotations

from statistics import mean
from typing import Any

LINEAR_TARGET = 1.25  # s/play at the largest size over s/play at the smallest
FLOOR_TARGET = 2.0  # build s/page over the one-entry-nav MkDocs s/page


def _verdict(value: float, target: float) -> str:
    return f"target <= {target}: {'met' if value <= target else 'NOT met'}"


def report(results: list[dict[str, Any]]) -> bool:
    """Print the figures and the targets (judged on wall-clock time); return whether they are met."""
    first = results[0]["build"]
    print(f"\nOutputs included: {', '.join(first['outputs']) or 'none'}; excluded: {', '.join(first['excluded']) or 'none'}"
          " (PDFs have their own benchmark)")  # fmt: skip
    for r in results:
        b, f, plays = r["build"], r["floor"], r["build"]["plays"]
        print(f"\n{plays:,} plays, {b['pages']:,} pages{'':17}wall s    cpu s  wall ms/play  cpu ms/play")
        stages = sorted(b["stages"].items(), key=lambda item: -item[1][0])
        rows = [("build (all stages)", b["seconds"], b["cpu"])]
        rows += [(f"  {name}", wall, cpu) for name, (wall, cpu) in stages if wall >= 0.005]
        rows += [("  other (folders, theme, swap)", b["seconds"] - sum(w for w, _ in b["stages"].values()), None)]
        for name, wall, cpu in rows:
            cpu_total, cpu_per_play = (f"{cpu:8.1f}", f"{cpu / plays * 1000:12.2f}") if cpu is not None else (" " * 8, "")
            print(f"  {name:<44} {wall:8.1f} {cpu_total} {wall / plays * 1000:12.2f} {cpu_per_play}")
        print(f"  {'floor: MkDocs alone, one-entry nav':<44} {f['seconds']:8.1f} {f['cpu']:8.1f}"
              f"   ms/page: build {b['seconds'] / b['pages'] * 1000:.2f} wall, {b['cpu'] / b['pages'] * 1000:.2f} cpu;"
              f" floor {f['seconds'] / f['pages'] * 1000:.2f} wall, {f['cpu'] / f['pages'] * 1000:.2f} cpu")  # fmt: skip
        page_kb, floor_kb = b["html_bytes"] / b["html_files"] / 1e3, f["html_bytes"] / b["html_files"] / 1e3
        site_mb, site_kb = b["site_bytes"] / 1e6, b["site_bytes"] / plays / 1e3
        print(f"  site bytes       {site_mb:8.1f} MB  = {site_kb:.1f} KB/play ({b['site_files']:,} files)")
        print(f"  HTML per page    {page_kb:8.1f} KB  (floor {floor_kb:.1f} KB); play page {b['play_page_bytes'] / 1e3:.1f} KB")
        print(f"  search (Pagefind) {b['search_index_bytes'] / 1e6:7.1f} MB  = {b['search_index_bytes'] / plays / 1e3:.1f} KB/play")
        print(f"  peak memory      {b['peak_mb']:8.0f} MB  build"
              f" ({f['peak_mb']:.0f} MB floor, {r['generated']['peak_mb']:.0f} MB writing the catalogue)")  # fmt: skip
    return judge(results)


def _per(runs: list[dict[str, Any]], step: str, clock: str, unit: str) -> float:
    """Mean seconds per play or per page over the runs of one size."""
    return mean(r[step][clock] / r["build"][unit] for r in runs)


def judge(results: list[dict[str, Any]]) -> bool:
    """Print both targets, judged on wall-clock time over the mean of each size's runs; True when both are met."""
    sizes: dict[int, list[dict[str, Any]]] = {}
    for r in results:
        sizes.setdefault(r["size"], []).append(r)
    ok = True
    print()
    if len(sizes) > 1:
        small, large = sizes[min(sizes)], sizes[max(sizes)]
        ratio = _per(large, "build", "seconds", "plays") / _per(small, "build", "seconds", "plays")
        cpu_ratio = _per(large, "build", "cpu", "plays") / _per(small, "build", "cpu", "plays")
        runs = f" ({len(small)} runs)" if len(small) > 1 else ""
        ok &= ratio <= LINEAR_TARGET
        print(f"Linear growth: s/play at {max(sizes):,} / s/play at {min(sizes):,}{runs} = {ratio:.2f} wall, {cpu_ratio:.2f} cpu; "
              + _verdict(ratio, LINEAR_TARGET))  # fmt: skip
    for size, runs in sorted(sizes.items()):
        ratio = _per(runs, "build", "seconds", "pages") / _per(runs, "floor", "seconds", "pages")
        cpu_ratio = _per(runs, "build", "cpu", "pages") / _per(runs, "floor", "cpu", "pages")
        mkdocs = mean(r["build"]["stages"]["mkdocs"][1] / r["floor"]["cpu"] for r in runs)
        ok &= ratio <= FLOOR_TARGET
        print(f"Floor at {size:,}: build s/page / floor s/page = {ratio:.2f} wall, {cpu_ratio:.2f} cpu "
              f"(MkDocs stage alone {mkdocs:.2f} cpu); " + _verdict(ratio, FLOOR_TARGET))  # fmt: skip
    return ok
