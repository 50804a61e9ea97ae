"""What keeping a page's internal links deflated costs and saves, over a built output.

    PYTHONPATH=. .venv/bin/python bench/page_links.py OUT [--repeat 5]

Reads the internal links of every page record in OUT's build cache (written by this
checkout) and times, per page, keeping them as before (a msgpack string, read back with
msgspec) and as now (page_records.later_text, deflated; read back by internal_links):
CPU seconds of all pages, the median of --repeat rounds, and the bytes kept.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import msgspec

from soteneg.build.cache import codec
from soteneg.build.cache.disk import BUILD_DIR, BUILD_FILE
from soteneg.build.output import cache_dir
from soteneg.site.page_records import PageLinks, later_text


def texts(out: Path) -> list[str]:
    folder = cache_dir(out)
    key = msgspec.msgpack.decode((folder / BUILD_FILE).read_bytes())["key"]
    index = codec.decode_index((folder / BUILD_FILE).read_bytes(), key)
    found = []
    for name, token in index.items():
        shard = codec.decode_shard(
            (folder / BUILD_DIR / f"{name}.msgpack").read_bytes(), key, token
        )
        for record in shard.records.values():
            if record.links is not None:
                links = record.links.internal_links()
                assert links is not None
                found.append("\x1e".join("\x1f".join(link) for link in links))
    return found


def fields(text: str) -> list[list[str]]:
    """What internal_links makes of the text, as main's did after its msgpack decode."""
    return [r.split("\x1f") for r in text.split("\x1e")] if text else []


def cpu(work) -> float:  # type: ignore[no-untyped-def]
    started = time.process_time()
    work()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pages = texts(args.out)
    encoder, decoder = msgspec.msgpack.Encoder(), msgspec.msgpack.Decoder(str)
    before = [encoder.encode(t) for t in pages]
    after = [later_text(t) for t in pages]
    rows = {
        "keep, before (msgpack)": lambda: [encoder.encode(t) for t in pages],
        "keep, now (deflated)": lambda: [later_text(t) for t in pages],
        "read, before (msgpack)": lambda: [fields(decoder.decode(b)) for b in before],
        "read, now (inflated)": lambda: [PageLinks("", b).internal_links() for b in after],
    }
    print(
        f"{len(pages)} pages; kept before {sum(map(len, before)) / 2**20:.1f} MiB, "
        f"now {sum(map(len, after)) / 2**20:.1f} MiB"
    )
    for name, work in rows.items():
        runs = [cpu(work) for _ in range(args.repeat)]
        print(f"| {name} | {statistics.median(runs):.3f} |")


if __name__ == "__main__":
    main()
