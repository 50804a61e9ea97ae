"""What loading the parsed cache of a build costs in a fresh process (issue 29).

    PYTHONPATH=CODE .venv/bin/python bench/parsed_cache.py OUT [--repeat 3]

OUT is the output of a `soteneg build` already run by CODE (its cache's format must be
CODE's). Each round runs `Disk.parsed()` in a new interpreter, the content models
imported first (a build imports them anyway), and prints its CPU seconds, the resident
memory it added, and the process's peak; for A/B, alternate two CODEs on two outputs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

_ONE = """
import gc, os, resource, sys, time
from pathlib import Path
import msgspec
from soteneg.build.cache import parsed
from soteneg.build.cache.disk import PARSED_DIR, Disk
from soteneg.build.output import cache_dir

gc.disable()  # as the build does
parsed._content_types()


def rss() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


out = Path(sys.argv[1]).resolve()
shard = next((cache_dir(out) / PARSED_DIR).iterdir())
key = msgspec.msgpack.decode(shard.read_bytes())["key"]
before, started = rss(), time.process_time()
found = Disk(out, key, "").parsed()
cpu = time.process_time() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
added = rss() - before
print(f"{len(found)} documents: {cpu:.3f} CPU s, RSS +{added:.0f} MiB, peak {peak:.0f} MiB")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for _ in range(args.repeat):
        subprocess.run([sys.executable, "-c", _ONE, args.out], check=True, env=os.environ)


if __name__ == "__main__":
    main()
