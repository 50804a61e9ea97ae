"""The bytes a key hashes of its parts (core.keyparts): different parts, different bytes."""

from __future__ import annotations

from markupsafe import Markup

from soteneg.core.keyparts import key_bytes


def test_no_field_runs_into_the_next() -> None:
    parts = [
        ("ab", "c"),
        ("a", "bc"),
        ("a", "b", "c"),
        ("abc",),
        ("a", None),
        ("a", "None"),
        ("a", 1),
        ("a", "1"),
        ("a", 1.0),
        ("a", True),
        ("a", ()),
        ("a", ("",)),
        [("a", [("b", 2)])],
        [("a", [("b", 2), ("b", 2)])],
    ]
    assert len({key_bytes(p) for p in parts}) == len(parts)


def test_markup_is_its_text_and_other_types_their_repr() -> None:
    # A heading's text from a fresh parse and from the cache are the same key.
    assert key_bytes(("h", Markup("x <b>"))) == key_bytes(("h", "x <b>"))

    class Odd:
        def __repr__(self) -> str:
            return "Odd(1)"

    assert key_bytes([Odd()]) == key_bytes(["Odd(1)"])
    assert key_bytes([Odd()]) != key_bytes([Odd.__name__])
