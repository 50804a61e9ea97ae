"""Positioned YAML: every key and item keeps its line and column; hostile YAML is refused."""

from __future__ import annotations

import datetime as dt

from soteneg.yamlpos import MAX_DEPTH, parse_yaml


def test_positions_of_keys_values_and_list_items() -> None:
    text = "title: Otsikko\nthemes:\n  - saatavuus\n  - integraatio\nnested: {a: [1, 2]}\n"
    doc, problems = parse_yaml(text, "f.md", line_offset=1)
    assert problems == []
    assert doc.value == {
        "title": "Otsikko",
        "themes": ["saatavuus", "integraatio"],
        "nested": {"a": [1, 2]},
    }
    assert doc.keys[("title",)] == (2, 1)
    assert doc.values[("title",)] == (2, 8)
    assert doc.values[("themes", 1)] == (5, 5)
    assert doc.values[("nested", "a", 1)] == (6, 17)
    # An unknown path falls back to the nearest known parent.
    assert doc.position(("themes", 7)) == doc.values[("themes",)]
    assert doc.position(("title",), prefer_key=True) == (2, 1)


def test_duplicate_key_is_a_problem_and_the_first_value_is_kept() -> None:
    doc, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("duplicate-key", 3, 1)]
    assert "first is on line 1" in problems[0].message
    assert doc.value == {"a": 1, "b": 2}


def test_dates_are_real_dates() -> None:
    doc, problems = parse_yaml("d: 2018-10-01\n", "f.yaml")
    assert doc.value == {"d": dt.date(2018, 10, 1)} and problems == []
    _, problems = parse_yaml("d: 2018-02-30\n", "f.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("invalid-date", 1, 4)]


def test_aliases_are_refused_before_any_expansion() -> None:
    laughs = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    _, problems = parse_yaml(laughs, "f.yaml")
    assert [p.code for p in problems] == ["yaml-alias"]
    assert problems[0].line == 2


def test_deep_nesting_is_refused_without_recursion() -> None:
    _, problems = parse_yaml("[" * 100_000 + "]" * 100_000, "f.yaml")
    assert [p.code for p in problems] == ["yaml-too-deep"]
    assert problems[0].column == MAX_DEPTH + 1


def test_tabs_get_a_helpful_message() -> None:
    _, problems = parse_yaml("a:\n\t- b\n", "f.yaml")
    assert problems[0].code == "yaml-syntax"
    assert "tab" in problems[0].message and "spaces" in (problems[0].suggestion or "")


def test_python_tags_are_refused() -> None:
    _, problems = parse_yaml("a: !!python/object/apply:os.system [ls]\n", "f.yaml")
    assert [p.code for p in problems] == ["yaml-syntax"]
    _, problems = parse_yaml("a: !!python/name:os.system ''\n", "f.yaml")
    assert [p.code for p in problems] == ["yaml-syntax"]


def test_control_characters_are_located() -> None:
    _, problems = parse_yaml("a: ok\nb: x\x07y\n", "f.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("yaml-syntax", 2, 5)]
    assert "U+0007" in problems[0].message
