"""A prerendered body sent to another process (multiprocessing pickles it): decoded
first, since its loader reads this process's cache, and one whose rendering did not
read back goes as one that does not, never an error on the way."""

from __future__ import annotations

import pickle
from pathlib import Path

from soteneg.content.loader import parse_source
from soteneg.content.sources import SourceFile
from soteneg.markdown.prerendered import Prerendered

REPO = Path(__file__).resolve().parent.parent
DOCUMENT = "content/kierrokset/2018-syksy/uusimaa.md"


def _parsed() -> Prerendered:
    source = SourceFile(DOCUMENT, (REPO / DOCUMENT).read_bytes())
    found = parse_source(source, False, True, for_print=True)[1].prerendered
    assert found is not None and found.themes and found.readable()
    return found


def _sent(pre: Prerendered) -> Prerendered:
    back = pickle.loads(pickle.dumps(pre))
    assert isinstance(back, Prerendered)
    return back


def test_a_parsed_body_is_sent_whole() -> None:
    pre = _parsed()
    assert _sent(pre) == pre
    assert _sent(pre).print_html == pre.print_html


def test_a_lazy_body_is_decoded_and_sent_whole() -> None:
    pre = _parsed()
    loads: list[int] = []

    def load() -> object:
        loads.append(1)
        return pre.rendering

    lazy = Prerendered.later(pre.themes, pre.section_keys, load)  # type: ignore[arg-type]
    back = _sent(lazy)
    assert loads == [1]
    assert back == pre and back.readable()


def test_a_body_that_did_not_read_back_is_sent_as_one() -> None:
    pre = _parsed()
    for load in (lambda: None, lambda: pre.rendering._replace(sections=())):
        broken = Prerendered.later(pre.themes, pre.section_keys, load)
        back = _sent(broken)
        # What planning reads is there; the body is rendered from its text over there.
        assert (back.themes, back.section_keys) == (pre.themes, pre.section_keys)
        assert not back.readable() and not broken.readable()
        assert back == broken
