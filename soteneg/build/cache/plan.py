"""The cache's file of the last page plan (build.replan): each unit's fingerprint and the
documents whose text it read, under the structure key and each document's text key they
were made for, with the documents' shapes and the lines' far pairs. Data only, read with
the validating decoder of `codec`, and kept under a digest of its payload: a changed byte
(a document's id in a unit's reads, say) would keep a stale page, so a file whose payload
does not match its digest is no plan, and the next plan is whole.
"""

from __future__ import annotations

import hashlib

import msgspec

from soteneg.build.cache.codec import FORMAT, CacheDamaged, decode
from soteneg.build.replan import Ends, Planned


class _Plan(msgspec.Struct, array_like=True, frozen=True):
    structure: str
    texts: dict[str, str]  # document id -> key of its file's text
    units: dict[str, tuple[str, list[str]]]  # unit -> (fingerprint, documents read)
    pairs: dict[str, tuple[Ends, ...]]  # a line -> its far pairs (Replan.far_pairs)
    shapes: dict[str, str]  # a text key -> the shape of a document of that text (replan)


class _PlanFile(msgspec.Struct, frozen=True):
    format: int
    key: str
    digest: str  # of `payload`
    payload: bytes  # a _Plan


# Not in key order, as codec's: the plan's maps are made in the site's order, the same
# in every process (tests/test_cache_bytes.py), and sorting them cost 59 ms of CPU per
# save at 5000 documents, 1.4 ms without.
_ENCODER = msgspec.msgpack.Encoder()
_FILE = msgspec.msgpack.Decoder(_PlanFile)
_PLAN = msgspec.msgpack.Decoder(_Plan)


def _digest(payload: bytes) -> str:
    return hashlib.blake2b(payload, digest_size=32).hexdigest()


def encode_plan(key: str, planned: Planned) -> bytes:
    units = {unit: (fp, sorted(read)) for unit, (fp, read) in planned.units.items()}
    payload = _ENCODER.encode(
        _Plan(
            planned.structure, dict(planned.texts), units, dict(planned.pairs), dict(planned.shapes)
        )
    )
    return _ENCODER.encode(_PlanFile(FORMAT, key, _digest(payload), payload))


def decode_plan(data: bytes, key: str) -> Planned:
    """The plan, or codec.CacheDamaged."""
    found: _PlanFile = decode(_FILE, data, key)
    if _digest(found.payload) != found.digest:
        raise CacheDamaged("the plan does not match its digest")
    try:
        plan = _PLAN.decode(found.payload)
    except (msgspec.DecodeError, msgspec.ValidationError) as err:
        raise CacheDamaged(str(err)) from None
    read: dict[tuple[str, ...], frozenset[str]] = {(): frozenset()}
    units = {}
    for unit, (fp, ids) in plan.units.items():
        key_of = tuple(ids)
        found_read = read.get(key_of)
        if found_read is None:
            found_read = read[key_of] = frozenset(ids)
        units[unit] = (fp, found_read)
    return Planned(plan.structure, plan.texts, units, plan.shapes, plan.pairs)
