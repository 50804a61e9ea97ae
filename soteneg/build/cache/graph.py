"""The cache's file of the per-document checks and their dependency graph
(content.graph): each document file's key, outgoing links and problems, under the
digest of what every document shares; the site-wide rules' problems under the digest of
every front matter; the PDFs' print budgets' problems, and each document's links judged
against the built site's files, under the digests of what they read. Data only, read
with the validating decoder of `codec`: a file that does not decode exactly is no graph,
and the next check makes every document's problems again.
"""

from __future__ import annotations

import msgspec

from soteneg.build.cache.codec import FORMAT, decode
from soteneg.content.graph import Checked, Graph, Judged
from soteneg.core.problems import Problem


class _StoredChecked(msgspec.Struct, array_like=True, frozen=True):
    made_of: str
    links_to: list[str]
    problems: list[Problem]


class _StoredJudged(msgspec.Struct, array_like=True, frozen=True):
    made_of: str
    problems: list[Problem]
    fragments: bool


class _GraphFile(msgspec.Struct, frozen=True):
    format: int
    key: str
    context: str
    documents: dict[str, _StoredChecked]  # document file -> its checks
    fronts: str  # what the site-wide rules read
    site_wide: list[Problem]  # and what they found
    packets: str  # what the PDFs' print budgets read (packets.budgets)
    over_budget: list[Problem]  # and what they found
    links: str  # what the documents' links were judged against (build.content_links)
    judged: dict[str, _StoredJudged]  # document file -> its links' problems


_ENCODER = msgspec.msgpack.Encoder(order="deterministic")  # as codec's
_DECODER = msgspec.msgpack.Decoder(_GraphFile)


def encode_graph(key: str, graph: Graph) -> bytes:
    documents = {
        file: _StoredChecked(c.made_of, list(c.links_to), list(c.problems))
        for file, c in graph.documents.items()
    }
    stored = _GraphFile(
        FORMAT,
        key,
        graph.context,
        documents,
        graph.fronts,
        list(graph.site_wide),
        graph.packets,
        list(graph.over_budget),
        graph.links,
        {
            f: _StoredJudged(j.made_of, list(j.problems), j.fragments)
            for f, j in graph.judged.items()
        },
    )
    return _ENCODER.encode(stored)


def decode_graph(data: bytes, key: str) -> Graph:
    """The graph, or codec.CacheDamaged."""
    found: _GraphFile = decode(_DECODER, data, key)
    documents = {
        file: Checked(c.made_of, tuple(c.links_to), tuple(c.problems))
        for file, c in found.documents.items()
    }
    return Graph(
        found.context,
        documents,
        found.fronts,
        tuple(found.site_wide),
        found.packets,
        tuple(found.over_budget),
        found.links,
        {f: Judged(j.made_of, tuple(j.problems), j.fragments) for f, j in found.judged.items()},
    )
