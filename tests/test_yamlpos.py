"""Positioned YAML: every key and item keeps its line and column; hostile YAML is refused."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from soteneg.content import yamlpos
from soteneg.content.yamlpos import MAX_DEPTH, parse_yaml


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


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 999, 1001, 100_000])
def test_deep_nesting_is_refused_by_our_rule_whatever_the_parser(
    loader: str, depth: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libyaml's own nesting limit (1000 since PyYAML 6.0.2's wheels) must not decide."""
    if not hasattr(yaml, loader):
        pytest.skip(f"this PyYAML has no {loader}")  # pure-Python builds lack libyaml
    monkeypatch.setattr(yamlpos, "_Loader", getattr(yaml, loader))
    _, problems = parse_yaml("[" * depth + "]" * depth, "f.yaml")
    assert [p.code for p in problems] == ["yaml-too-deep"]
    assert problems[0].column == MAX_DEPTH + 1
    block = "a:\n" + "".join(" " * n + "- \n" for n in range(min(depth, 1001)))
    _, problems = parse_yaml(block, "f.yaml")
    assert [p.code for p in problems] == ["yaml-too-deep"]


def test_syntax_errors_read_the_same_with_and_without_libyaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = ["a: [1, 2\n", "a: b: c\n", "a:\n\t- b\n", "- a\nb: c\n", "a: 'x\n"]
    with_c = [parse_yaml(text, "f.yaml")[1] for text in broken]
    monkeypatch.setattr(yamlpos, "_Loader", yaml.SafeLoader)
    without = [parse_yaml(text, "f.yaml")[1] for text in broken]
    assert with_c == without
    assert all(len(found) == 1 and found[0].code == "yaml-syntax" for found in without)


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


def test_booleans_and_numbers_follow_yaml_1_2() -> None:
    """As editors' tools read them: yes/no/on/off are text, so `draft: yes` is refused
    by the model instead of passing as true."""
    text = "a: yes\nb: no\nc: on\nd: off\ne: True\nf: FALSE\ng: true\nh: tRUE\nyes: 1\n"
    doc, problems = parse_yaml(text, "f.yaml")
    assert problems == []
    assert doc.value == {
        "a": "yes",
        "b": "no",
        "c": "on",
        "d": "off",
        "e": True,
        "f": False,
        "g": True,
        "h": "tRUE",
        "yes": 1,
    }
    doc, _ = parse_yaml("a: 010\nb: 1:20\nc: 0o17\nd: 0x1F\ne: 1_000\nf: 1e3\ng: =\n", "f.yaml")
    assert doc.value == {
        "a": 10,
        "b": "1:20",
        "c": 15,
        "d": 31,
        "e": "1_000",
        "f": 1000.0,
        "g": "=",
    }
    _, problems = parse_yaml("a: !!bool yes\n", "f.yaml")
    assert [(p.code, p.message) for p in problems] == [
        ("invalid-value", "'yes' cannot be read as bool")
    ]


def test_only_the_documented_time_forms_are_timestamps() -> None:
    text = "a: 2018-12-01 09:00:00\nb: 2018-12-01T09:00:00+02:00\nc: 2018-12-01 9:00:00\n"
    doc, problems = parse_yaml(text + "d: 2018-12-01 09:00:00 +2\ne: 2018-12-01 09:00\n", "f")
    assert problems == []
    assert doc.value["a"] == dt.datetime(2018, 12, 1, 9)
    assert doc.value["b"] == dt.datetime(2018, 12, 1, 9, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert [doc.value[k] for k in "cde"] == [
        "2018-12-01 9:00:00",
        "2018-12-01 09:00:00 +2",
        "2018-12-01 09:00",
    ]
    _, problems = parse_yaml("a: 2018-12-01 24:00:00\n", "f.yaml")
    assert [p.code for p in problems] == ["invalid-date"]
