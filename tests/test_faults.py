"""Faults through the real command line: a killed build, two builds at once, a full disk,
a read-only output and a damaged cache never cost the previous site."""

from __future__ import annotations

import contextlib
import os
import random
import re
import resource
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import bundled_copy, run_cli
from test_site import GOLDEN_SITE, NOW, build, project

from soteneg.build import cache as build_cache
from soteneg.build.output import cache_dir

ENV = {"COLUMNS": "200"}


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _start(
    root: Path, out: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "soteneg",
            "build",
            "--root",
            str(root),
            "--out",
            str(out),
            "--lang",
            "en",
            "--now",
            NOW,
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **ENV, **(env or {})},
        # A group of its own, so that a test can kill the build with all its workers
        # (killpg on a process that leads no group killed nothing).
        start_new_session=True,
    )


def test_a_build_killed_at_any_point_leaves_a_whole_site(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out, pdf=True).returncode == 0
    before = _snapshot(out)
    doc = root / "content/kierrokset/2018-syksy/uusimaa.md"
    doc.write_text(doc.read_text().replace("lähes kaikkialla", "melkein kaikkialla"))
    rng = random.Random(7)
    for signum in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGKILL, signal.SIGKILL):
        process = _start(root, out, "--jobs", "2")
        time.sleep(rng.uniform(0.2, 2.5))
        _kill_group(process.pid, signum)
        process.wait(timeout=60)
        time.sleep(0.5)  # let workers see their parent go
        _kill_group(process.pid, signal.SIGKILL)  # no printing worker outlives the test
        # The site is the previous one or, if the build got that far, the new one; a
        # build killed while moving changed files in leaves a journal instead, and the
        # next build replaces the whole site.
        assert (out / "index.html").is_file() or list(tmp_path.glob(".out.old-*"))
        if (out / "index.html").is_file():
            current = _snapshot(out)
            assert (
                current == before
                or "melkein" in (out / "kierrokset/2018-syksy/uusimaa/index.html").read_text()
                or build_cache.journal(out).exists()
            )
            pages = {name for name in current if not name.startswith("pagefind/")}
            assert pages == {name for name in before if not name.startswith("pagefind/")}
    result = build(root, out, pdf=True)
    assert result.returncode == 0, result.stdout
    assert "melkein" in (out / "kierrokset/2018-syksy/uusimaa/index.html").read_text()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith((".out.new", ".out.old"))]
    assert leftovers == []


def _kill_group(group: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # the build had already finished
        os.killpg(group, signum)


def _marked(mark: str) -> dict[int, str]:
    """The live processes whose environment holds SOTENEG_TEST_MARK=`mark` (a build and
    everything it started, fork server included), with their command lines."""
    wanted = f"SOTENEG_TEST_MARK={mark}".encode()
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            environ = Path(entry.path, "environ").read_bytes()
            command = Path(entry.path, "cmdline").read_bytes()
        except OSError:  # gone meanwhile
            continue
        if wanted in environ.split(b"\0"):  # a zombie's environment reads empty
            found[int(entry.name)] = command.replace(b"\0", b" ").decode(errors="replace")
    return found


def _kill_the_build_alone_when(
    process: subprocess.Popen[str], mark: str, ready: Callable[[dict[int, str]], bool]
) -> dict[int, str]:
    """SIGKILL to the build's process only (not its group: a CI time-out or the OOM
    killer picks one process) once `ready` says its workers are at work; then the
    processes of the build still alive two seconds later."""
    deadline = time.monotonic() + 120
    while not ready(_marked(mark)):
        assert process.poll() is None, f"the build ended before it was killed: {process.stdout}"
        assert time.monotonic() < deadline, _marked(mark)
        time.sleep(0.02)
    workers = _marked(mark)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    try:
        settle = time.monotonic() + 2
        while _marked(mark) and time.monotonic() < settle:
            time.sleep(0.05)
        left = _marked(mark)
        assert len(workers) > 1, workers  # there were workers to end
        return left
    finally:
        _kill_group(process.pid, signal.SIGKILL)  # whatever is left does not outlive the test


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
def test_printing_workers_end_with_a_build_killed_alone(tmp_path: Path) -> None:
    """A build killed with SIGKILL left its fork server and printing workers running:
    after a 90 s time-out two of them printed for 15 more minutes at 2.6 GB. Killed in
    the middle of printing, nothing of the build is left two seconds later."""
    root = bundled_copy(tmp_path)
    mark = uuid.uuid4().hex
    process = _start(
        root, tmp_path / "out", "--jobs", "2", "--no-search", env={"SOTENEG_TEST_MARK": mark}
    )

    def printing(found: dict[int, str]) -> bool:  # the fork server and two printers
        return sum("forkserver" in command for command in found.values()) >= 3

    left = _kill_the_build_alone_when(process, mark, printing)
    assert left == {}, left


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
def test_rendering_workers_end_with_a_build_killed_alone(tmp_path: Path) -> None:
    """The same for the workers that parse and render pages (forked, from 200 files):
    they went on with their share of 100 documents, here several seconds of parsing."""
    root = bundled_copy(tmp_path)
    news = root / "content/tiedotteet"
    body = "Tekstiä *paljon* ja [linkki](https://example.fi/a) ja `koodi`.\n\n" * 600
    for n in range(300):
        (news / f"2018-11-{n:03d}-uutinen.md").write_text(
            f"---\ntitle: Uutinen {n}\ntype: news\ndate: 2018-11-20\n---\n\n{body}",
            encoding="utf-8",
        )
    mark = uuid.uuid4().hex
    process = _start(
        root,
        tmp_path / "out",
        "--jobs",
        "2",
        "--no-pdf",
        "--no-search",
        env={"SOTENEG_TEST_MARK": mark},
    )

    def rendering(found: dict[int, str]) -> bool:  # the build and two forks of it
        return len(found) >= 3

    left = _kill_the_build_alone_when(process, mark, rendering)
    assert left == {}, left


def test_two_builds_at_once_wait_for_each_other(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    first, second = _start(root, out, "--no-pdf"), _start(root, out, "--no-pdf")
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    reference = tmp_path / "reference"
    assert build(root, reference).returncode == 0
    ours = {k: v for k, v in _snapshot(out).items() if not k.startswith("pagefind/")}
    theirs = {k: v for k, v in _snapshot(reference).items() if not k.startswith("pagefind/")}
    assert ours == theirs


def _limit_file_size() -> None:
    # A "disk full": writes past 200 KiB fail with EFBIG instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200 * 1024, 200 * 1024))


def test_a_full_disk_is_a_clear_error_and_the_old_site_stays(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    before = _snapshot(out)
    big = root / "content/kierrokset/2018-syksy/liitteet/uusimaa-raportti.pdf"
    big.write_bytes(big.read_bytes() + b"%" * 400_000)  # the copy cannot be written
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "soteneg",
            "build",
            "--root",
            str(root),
            "--out",
            str(out),
            "--no-pdf",
            "--lang",
            "en",
            "--now",
            NOW,
        ],
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        env={**os.environ, **ENV},
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "error[output-error]" in result.stdout and "cannot write the site" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert _snapshot(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.new")]


def test_a_read_only_output_is_a_clear_error_and_the_old_site_stays(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    folder = tmp_path / "published"
    out = folder / "site"
    assert build(root, out).returncode == 0
    before = _snapshot(out)
    mounted = subprocess.run(
        ["mount", "--bind", str(folder), str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        if os.environ.get("CI"):
            raise RuntimeError(f"cannot bind-mount for the read-only test: {mounted.stderr}")
        pytest.skip("bind mounts are not allowed here")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        # Nothing to do writes nothing, so it succeeds even here.
        unchanged = run_cli(
            "build", "--root", root, "--out", out, "--no-pdf", "--now", NOW, env=ENV
        )
        assert unchanged.returncode == 0 and "nothing changed" in unchanged.stdout
        doc = root / "content/kierrokset/2018-syksy/uusimaa.md"
        doc.write_text(doc.read_text().replace("lähes kaikkialla", "melkein kaikkialla"))
        result = run_cli("build", "--root", root, "--out", out, "--no-pdf", "--now", NOW, env=ENV)
        assert result.returncode == 2
        assert "error[output-error]" in result.stdout and "Read-only file system" in result.stdout
        assert _snapshot(out) == before
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_damaged_shard_of_the_build_half_means_a_clean_build(tmp_path: Path) -> None:
    """The pages' records are kept in shards (build/): one that does not read back
    leaves the build unable to tell which files it wrote, so every page is written
    again, and the site is the one a clean build makes."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    first = build(root, out)
    assert first.returncode == 0
    files = int(re.search(r"\((\d+) written", first.stdout).group(1))
    shard = sorted((cache_dir(out) / "build").glob("*.msgpack"))[0]
    shard.write_bytes(shard.read_bytes()[:-3])
    doc = root / "content/tiedotteet/2018-11-26-uutinen.md"
    doc.write_text(doc.read_text() + "\nLisäys.\n")
    second = build(root, out)
    assert second.returncode == 0 and "Traceback" not in second.stderr
    assert f"({files} written" in second.stdout
    clean = tmp_path / "clean"
    assert build(root, clean).returncode == 0
    assert _snapshot(out) == _snapshot(clean)


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    first = build(root, out, pdf=True)
    assert first.returncode == 0
    # Every page and PDF the first build wrote ("built" counts the search index too).
    files = int(re.search(r"\((\d+) written", first.stdout).group(1))
    # What each page and each PDF was made from: unreadable, so all are made again.
    (cache_dir(out) / build_cache.BUILD_FILE).write_bytes(b"\x00{not msgpack")
    (cache_dir(out) / build_cache.PDFS_FILE).write_bytes(b"\x00{not msgpack")
    doc = root / "content/tiedotteet/2018-11-26-uutinen.md"
    doc.write_text(doc.read_text() + "\nLisäys.\n")  # something to do
    second = build(root, out, pdf=True)
    assert second.returncode == 0 and "0 unchanged" in second.stdout
    assert f"({files} written" in second.stdout
    # A cached PDF that was tampered with is printed again, not reused.
    pdf = out / "pdf/2018-syksy/uusimaa.pdf"
    pdf.write_bytes(b"%PDF-1.7 tampered")
    third = build(root, out, pdf=True)
    assert third.returncode == 0 and "PDFs: 1 printed" in third.stdout
    assert (out / "pdf/2018-syksy/uusimaa.pdf").read_bytes() != b"%PDF-1.7 tampered"
