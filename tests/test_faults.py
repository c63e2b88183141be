"""Faults of the machine, not the content: a killed build, two builds at once, a read-only or full disk.

Each leaves the published site/ as it was, ends in one line and exit code 3
(never a traceback), and leaves nothing behind that the next build does not
clear. Mounting small file systems needs root; without it those cases are
skipped with a message saying so.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import serve
from generator.cli import main
from generator.environment import EXIT_ENVIRONMENT
from generator.exchange import exchange
from generator.write import swap_in

OLD_PAGE = "<h1>The site readers have now</h1>\n"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _publish(site: Path) -> dict[str, bytes]:
    site.mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text(OLD_PAGE, encoding="utf-8")
    return _snapshot(site)


def _leftovers(*folders: Path) -> list[str]:
    return sorted(p.name for folder in folders if folder.is_dir() for p in folder.iterdir() if ".new-" in p.name or ".old-" in p.name)


@contextlib.contextmanager
def _mounted(target: Path, options: str) -> Iterator[Path]:
    """A small tmpfs at `target`, unmounted afterwards; skips the test where mounting is not allowed."""
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or 'not root'}); read-only and full-disk cases not run")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def _remount_read_only(target: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(target)], check=True)


def test_a_read_only_site_folder_gets_one_line_and_its_own_exit_code(
    mini_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _mounted(tmp_path / "ro", "size=1m") as mount:
        published = _publish(mount / "site")
        _remount_read_only(mount)
        status = main(["build", "--no-pdf", "--root", str(mini_root), "--site-dir", str(mount / "site")])
        err = capsys.readouterr().err
        assert status == EXIT_ENVIRONMENT
        pattern = rf"playbook: error: {re.escape(str(mount))}/\.site\.new-\w+: the file system is read-only "
        pattern += r"\(build into a writable folder, e\.g\. --site-dir\); nothing was replaced\n"
        assert re.fullmatch(pattern, err), err
        assert _snapshot(mount / "site") == published


def test_a_read_only_build_folder_gets_one_line(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with _mounted(mini_root / "build", "size=1m,ro"):
        status = main(["build", "--no-pdf", "--root", str(mini_root)])
        err = capsys.readouterr().err
    assert status == EXIT_ENVIRONMENT
    expected = f"playbook: error: {mini_root}/build/.lock: the file system is read-only (build into a writable folder, e.g. --site-dir)"
    assert err == expected + "; nothing was replaced\n"
    assert not (mini_root / "site").exists()


def test_a_full_disk_leaves_the_old_site_and_no_leftovers(mini_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with _mounted(tmp_path / "small", "size=256k") as mount:
        published = _publish(mount / "site")
        status = main(["build", "--no-pdf", "--root", str(mini_root), "--site-dir", str(mount / "site")])
        err = capsys.readouterr().err
        assert status == EXIT_ENVIRONMENT
        assert err.startswith("playbook: error: ") and err.count("\n") == 1, err
        assert "no space left on the disk (free some space and build again); nothing was replaced" in err
        assert "Traceback" not in err
        assert _snapshot(mount / "site") == published
        assert _leftovers(mount) == []


def test_a_taken_port_gets_one_line(mini_root: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--root", str(mini_root), "--dev-addr", f"127.0.0.1:{port}"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == EXIT_ENVIRONMENT, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last == "playbook: error: the address is already in use (stop the other server or pick another --dev-addr); nothing was replaced"
    assert "Traceback" not in done.stderr


def test_the_preview_survives_an_environment_error_and_rebuilds_once_it_is_gone(
    mini_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    serve.generate(mini_root, outputs=serve.PREVIEW_OUTPUTS)
    real = serve.generate
    calls: list[str] = []

    def flaky(root: Path, outputs: object = None) -> object:
        calls.append("call")
        if len(calls) <= 2:  # the disk is full for the first two tries
            raise OSError(28, "No space left on device", str(root / "build" / "docs"))
        return real(root, outputs=serve.PREVIEW_OUTPUTS)

    monkeypatch.setattr(serve, "generate", flaky)
    before = serve.content_state(mini_root)
    play = mini_root / "plays" / "host-info-night.yml"
    play.write_text(play.read_text(encoding="utf-8").replace("information night", "evening"), encoding="utf-8")
    os.utime(play, (time.time() + 5, time.time() + 5))
    stop = threading.Event()
    watcher = threading.Thread(target=serve._watch, args=(mini_root, stop, 0.01, before), daemon=True)
    watcher.start()
    page = mini_root / "build" / "docs" / "plays" / "host-info-night.md"
    for _ in range(3000):  # waits for the outcome, at most a minute; no timing is asserted
        if "# Host an admissions evening" in page.read_text(encoding="utf-8"):
            break
        time.sleep(0.02)
    stop.set()
    watcher.join()
    err = capsys.readouterr().err
    assert "# Host an admissions evening" in page.read_text(encoding="utf-8")
    assert len(calls) == 3 and watcher.is_alive() is False
    assert err.count("playbook: not regenerated: ") == 2
    assert "no space left on the disk (free some space and build again); trying again every second" in err
    assert re.search(r"Regenerated \d+ pages", err)


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "which").write_text("a", encoding="utf-8")
    (tmp_path / "b" / "which").write_text("b", encoding="utf-8")
    if not exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available on this system or file system")
    assert (tmp_path / "a" / "which").read_text(encoding="utf-8") == "b"
    assert (tmp_path / "b" / "which").read_text(encoding="utf-8") == "a"


def test_swap_in_replaces_the_site_keeping_its_place(tmp_path: Path) -> None:
    site, new = tmp_path / "site", tmp_path / ".site.new-1"
    _publish(site)
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    swap_in(new, site)
    assert _snapshot(site) == {"index.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def _children(pid: int) -> set[int]:
    """Every living descendant of `pid`, from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _build_process(root: Path, *extra: str) -> subprocess.Popen[str]:
    # Output goes to a file, not a pipe: a worker that outlived the build would hold a pipe open.
    log = (root.parent / f"build-{time.monotonic_ns()}.log").open("w+", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", "--root", str(root), *extra], stdout=log, stderr=log, text=True)
    log.close()
    return process


def _wait_for(condition: object, process: subprocess.Popen[str]) -> bool:
    for _ in range(6000):  # at most two minutes; the moment, not its timing, is what matters
        if condition():  # type: ignore[operator]
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.02)
    return False


MOMENTS = {
    "writing the docs": lambda root: any(p.name.startswith(".docs.new-") for p in (root / "build").glob(".*")),
    "laying out PDFs": None,  # the moment the PDF workers are up
    "running MkDocs": lambda root: any(p.name.startswith(".site.new-") and any(p.iterdir()) for p in root.glob(".site.new-*")),
}


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_a_build_killed_midway_keeps_the_old_site_and_the_next_cleans_up(mini_root: Path, moment: str) -> None:
    published = _publish(mini_root / "site")
    process = _build_process(mini_root, *(["--no-pdf"] if moment == "running MkDocs" else []))
    seen = MOMENTS[moment]
    condition = (lambda: len(_children(process.pid)) >= 2) if seen is None else (lambda: seen(mini_root))
    reached = _wait_for(condition, process)
    workers = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    if not reached:
        pytest.skip(f"the build finished before the moment '{moment}' was seen")
    assert _snapshot(mini_root / "site") == published
    for _ in range(500):  # workers notice their parent's death within moments
        if not any(_alive(pid) for pid in workers):
            break
        time.sleep(0.02)
    assert [pid for pid in workers if _alive(pid)] == [], "a worker outlived the killed build"
    assert main(["build", "--no-pdf", "--root", str(mini_root)]) == 0
    assert _leftovers(mini_root, mini_root / "build") == []
    assert (mini_root / "site" / "index.html").read_text(encoding="utf-8") != OLD_PAGE


def test_two_builds_of_one_folder_at_once_both_succeed(mini_root: Path) -> None:
    first, second = _build_process(mini_root, "--no-pdf"), _build_process(mini_root, "--no-pdf")
    assert [first.wait(timeout=300), second.wait(timeout=300)] == [0, 0]
    logs = [path.read_text(encoding="utf-8") for path in sorted(mini_root.parent.glob("build-*.log"))]
    assert len(logs) == 2 and all(re.match(r"Built \d+ pages", log) or "waiting for it to finish" in log for log in logs), logs
    assert all("Traceback" not in log for log in logs)
    assert _leftovers(mini_root, mini_root / "build") == []
    assert (mini_root / "site" / "index.html").is_file()


def test_a_second_build_waits_for_the_first_and_says_so(mini_root: Path) -> None:
    from generator.exclusive import exclusive

    published = _publish(mini_root / "site")
    with exclusive(mini_root / "build"):  # this test is "the first build"
        process = _build_process(mini_root, "--no-pdf")
        (log,) = mini_root.parent.glob("build-*.log")
        said = _wait_for(lambda: "another build of" in log.read_text(encoding="utf-8"), process)
        assert said, log.read_text(encoding="utf-8")
        assert _snapshot(mini_root / "site") == published  # nothing moves while the lock is held
    assert process.wait(timeout=300) == 0
    assert log.read_text(encoding="utf-8").startswith(f"playbook: another build of {mini_root} is running; waiting for it to finish\n")
    assert (mini_root / "site" / "index.html").read_text(encoding="utf-8") != OLD_PAGE
