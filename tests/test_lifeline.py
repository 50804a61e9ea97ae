"""core/lifeline: a worker ends when the process it works for is gone, however it went,
also where there is no pidfd and when that process's id has been taken by another.
(Builds killed in the middle of rendering and printing: test_faults.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from soteneg.core import lifeline

# A worker: holds a lifeline to the process named on its command line, then waits.
WORKER = """
import os, sys, time
from soteneg.core import lifeline
if sys.argv[3] == "no-pidfd":
    del os.pidfd_open
lifeline.hold(lifeline.Lifeline(int(sys.argv[1]), sys.argv[2] or None))
print("holding", flush=True)
time.sleep(60)
"""

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads /proc")


def _worker(line: lifeline.Lifeline, how: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(line.pid), line.started or "", how],
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("how", ["pidfd", "no-pidfd"])
def test_a_worker_ends_when_its_build_is_killed(how: str) -> None:
    build = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        line = lifeline.Lifeline(build.pid, lifeline.start_time(build.pid))
        worker = _worker(line, how)
        assert worker.stdout is not None and worker.stdout.readline() == "holding\n"
        assert worker.poll() is None  # alive while the build is
        build.kill()
        build.wait()
        assert worker.wait(timeout=10) == lifeline.ORPHANED
    finally:
        build.kill()
        build.wait()


def test_a_worker_whose_build_is_gone_before_it_starts_ends_at_once() -> None:
    build = subprocess.Popen([sys.executable, "-c", "pass"])
    line = lifeline.Lifeline(build.pid, lifeline.start_time(build.pid))
    build.wait()
    assert _worker(line, "pidfd").wait(timeout=30) == lifeline.ORPHANED


def test_a_process_that_took_the_build_s_id_is_not_the_build() -> None:
    """The id of a process that ended is given to a later one: the start time tells
    them apart. This process stands in for the later one, with another start time."""
    me = lifeline.this_process()
    assert me.started is not None and me.started == lifeline.start_time(os.getpid())
    other = lifeline.Lifeline(me.pid, str(int(me.started) + 1))
    assert _worker(other, "pidfd").wait(timeout=30) == lifeline.ORPHANED
    assert _worker(other, "no-pidfd").wait(timeout=30) == lifeline.ORPHANED


def test_the_start_time_is_read_after_a_command_name_with_parentheses(tmp_path: Path) -> None:
    script = tmp_path / "a) b (c"
    script.write_text("import time; time.sleep(30)\n")
    os.symlink(sys.executable, tmp_path / "x) 1 2 (y")
    process = subprocess.Popen([str(tmp_path / "x) 1 2 (y"), str(script)])
    try:
        time.sleep(0.2)
        with open(f"/proc/{process.pid}/stat", "rb") as handle:
            stat = handle.read()
        assert b"(x) 1 2 (y)" in stat  # the command name that would fool a split on ")"
        found = lifeline.start_time(process.pid)
        assert found is not None and found.isdigit()
        assert found == stat.rsplit(b")", 1)[1].split()[19].decode()
    finally:
        process.kill()
        process.wait()
