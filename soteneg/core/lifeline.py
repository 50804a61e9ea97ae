"""Worker processes end when the build that started them is gone.

A build killed with SIGKILL (a CI time-out, the OOM killer) runs no clean-up, and its
workers did not notice: render workers wait on a pool pipe whose write end they hold
themselves, and print workers come from a fork server, so their parent is that server,
not the build, and a parent-death signal would watch the wrong process. They went on
printing for minutes at gigabytes. So each worker watches the build itself: a thread
waits on a pidfd of the build's process (`os.pidfd_open`, Linux 5.3) and ends the
worker the moment it becomes readable, which the kernel does when that process exits,
however it dies. Where there is no pidfd the thread asks every half second.

A process id is reused once its process is gone, so the build is named by its id and
its start time (from /proc): a worker that starts after the build died, when another
process may hold the id, sees a different start time and ends at once.

The thread needs the interpreter's lock to end the process: a worker in the middle of
a C call that keeps the lock ends when that call returns (WeasyPrint's Pango and cairo
calls release it).
"""

from __future__ import annotations

import os
import select
import threading
import time
from dataclasses import dataclass

# What a worker exits with when its build is gone (like a shell's "killed by SIGKILL").
ORPHANED = 137
POLL_SECONDS = 0.5  # without a pidfd


@dataclass(frozen=True)
class Lifeline:
    """The process a worker lives for: its id and, where /proc tells, its start time."""

    pid: int
    started: str | None


def start_time(pid: int) -> str | None:
    """The start time of process `pid` in clock ticks since boot (/proc/PID/stat field
    22), or None where there is no /proc or no such process. The command name before
    it may hold spaces and parentheses: the fields are counted from its last ')'."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return None
    fields = stat[stat.rfind(b")") + 2 :].split()
    return fields[19].decode() if len(fields) > 19 else None


def this_process() -> Lifeline:
    """The lifeline to hand to workers started from here."""
    pid = os.getpid()
    return Lifeline(pid, start_time(pid))


def _alive(line: Lifeline) -> bool:
    try:
        os.kill(line.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process holds the id now; the start time tells
    return line.started is None or start_time(line.pid) == line.started


def hold(line: Lifeline) -> None:
    """In a worker, before any task: end this process as soon as `line`'s is gone
    (at once if it is gone already)."""
    fd: int | None = None
    try:
        fd = os.pidfd_open(line.pid)
    except ProcessLookupError:
        os._exit(ORPHANED)
    except (AttributeError, OSError):  # no pidfd here: ask now and then
        fd = None
    # The pidfd may have been opened on a later process with the same id.
    if not _alive(line):
        os._exit(ORPHANED)
    threading.Thread(target=_watch, args=(line, fd), name="soteneg-lifeline", daemon=True).start()


def _watch(line: Lifeline, fd: int | None) -> None:
    if fd is not None:
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        while not poller.poll():
            pass
    else:
        while _alive(line):
            time.sleep(POLL_SECONDS)
    os._exit(ORPHANED)
