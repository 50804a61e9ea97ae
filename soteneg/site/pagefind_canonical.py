"""Pagefind's bundle rewritten in a canonical order, so that the same pages give the
same bytes in every build (docs/search.md, "Reproducibility").

Pagefind keeps filters and sort keys in hash maps seeded at random in every process, so
the values in each filter file, and the filter and sort lists of the metadata file, come
out in a different order each run, and with them the content-hash file names. No option
or environment variable fixes the seed; those few files are rewritten here in sorted
order, under the names Pagefind itself gives that content.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
import zlib
from typing import Any

import cbor2

from soteneg.site.pagefind_service import NothingToIndex, SearchError

SIGNATURE = b"pagefind_dcd"  # begins every decompressed .pf_* file


# A filter file is CBOR [name, [[value, [page, ...]], ...]]; the metadata file is
# [version, pages, index chunks, [[filter, file hash], ...], [[sort key, pages], ...], ...];
# pagefind-entry.json maps each language to its metadata hash. File names are Pagefind's:
# "<lang>_" and the start of the SHA-1 of the uncompressed CBOR, each byte in unpadded hex.


def canonicalise(files: dict[str, bytes]) -> None:
    """Rewrite, in `files`, what Pagefind wrote in hash-map order."""
    entry = json.loads(files["pagefind-entry.json"])
    languages: dict[str, dict[str, Any]] = entry["languages"]
    if not sum(language["page_count"] for language in languages.values()):
        # What the command line says, and fails with; the service leaves it to its user.
        raise NothingToIndex(
            "Pagefind was not able to build an index: the site has no HTML page to index"
        )
    for lang in sorted(languages):
        meta_file = f"pagefind.{languages[lang]['hash']}.pf_meta"
        meta = _read(files, meta_file)
        filters = {name: _read(files, f"filter/{digest}.pf_filter") for name, digest in meta[3]}
        for _, digest in meta[3]:  # all first: a new name may be an old one's
            del files[f"filter/{digest}.pf_filter"]
        meta[3] = []
        for name in sorted(filters):
            filter_name, values = filters[name]
            data = _cbor([filter_name, sorted(values, key=lambda value: value[0])])
            digest = _short(lang, data, {digest for _, digest in meta[3]})
            files[f"filter/{digest}.pf_filter"] = _gzip(data)
            meta[3].append([name, digest])
        meta[4] = sorted(meta[4], key=lambda sort: sort[0])
        data = _cbor(meta)
        del files[meta_file]
        meta_hash = f"{lang}_{_pagefind_hash(data)[: len(lang) + 8]}"
        files[f"pagefind.{meta_hash}.pf_meta"] = _gzip(data)
        languages[lang]["hash"] = meta_hash
    entry["languages"] = {lang: languages[lang] for lang in sorted(languages)}
    # serde_json's compact form, as Pagefind writes it.
    files["pagefind-entry.json"] = json.dumps(
        entry, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def _pagefind_hash(data: bytes) -> str:
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def _short(lang: str, data: bytes, taken: set[str]) -> str:
    """Pagefind's file name for `data`: seven hex digits, more if a sibling has them."""
    full = f"{lang}_{_pagefind_hash(data)}"
    name = full[: len(lang) + 8]
    while name in taken and len(name) < len(full):
        name = full[: len(name) + 1]
    return name


def _read(files: dict[str, bytes], name: str) -> Any:
    """A Pagefind file's CBOR, checked to encode back to the same bytes, so that what is
    rewritten keeps everything this reader does not know about."""
    if name not in files:
        raise SearchError(f"pagefind's bundle has no {name}")
    try:
        raw = gzip.decompress(files[name])
    except (OSError, EOFError) as err:
        raise SearchError(f"{name}: {err}") from err
    if not raw.startswith(SIGNATURE):
        raise SearchError(f"{name}: not a Pagefind index file")
    data = raw[len(SIGNATURE) :]
    try:
        value = cbor2.loads(data)
    except (cbor2.CBORDecodeError, ValueError) as err:
        raise SearchError(f"{name}: {err}") from err
    if _cbor(value) != data:
        raise SearchError(f"{name}: a Pagefind format this soteneg does not know")
    return value


def _gzip(data: bytes) -> bytes:
    """Gzip as Pagefind writes it: best compression, and a header with no time and no
    operating system (zlib's own header would name the one Python was built for)."""
    body = SIGNATURE + data
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", zlib.crc32(body), len(body) & 0xFFFFFFFF)
    return header + deflate.compress(body) + deflate.flush() + trailer


def _cbor(value: Any) -> bytes:
    # cbor2 writes lengths in their shortest form, as Pagefind's minicbor does; _read
    # checks that round trip on every file before anything is rewritten.
    return cbor2.dumps(value)
