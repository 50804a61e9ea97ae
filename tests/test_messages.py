"""Problem messages in Finnish, Swedish and English: one catalogue, nothing missing.

The catalogue (soteneg/core/messages) is held to its rules here: every entry in all three
languages with the same placeholders, every key the code names present, every code
documented. Then the languages as editors meet them: `check --lang`, the site's default
language, the stable code in json and GitHub output, and the preview's page language.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import MINIMAL, REPO, TESTS, bundled_copy, run_cli

from soteneg.core.formats import PLURAL_CATEGORIES
from soteneg.core.messages import CATALOGUE
from soteneg.core.names import LANGS
from soteneg.core.problems import problem
from soteneg.core.text import counted, placeholders, say

# Entries whose text is rightly the same in two languages: a bare format or a loanword.
SAME_AS_ENGLISH: set[tuple[str, str]] = {
    # The output error's detail is an `@output.` phrase, translated itself.
    ("output-error.failed", "fi"),
    ("output-error.failed", "sv"),
    # Two counts, each already in its language ("1 virhe, 0 varoitusta").
    ("@summary", "fi"),
    ("@summary", "sv"),
    # A packet and its count of cells, the count already in its language.
    ("@packet-cells", "fi"),
    ("@packet-cells", "sv"),
    # Swedish says "1 cell" as English does.
    ("@cells#one", "sv"),
    # Swedish says "Status" too (the follow-up's, in the browser editor).
    ("@cms.field.status", "sv"),
}


def _named_keys() -> dict[str, list[str]]:
    """Every literal key passed to problem() (third argument), say() (first) or
    counted() (first: the key of each plural form, `key#one` and `key#other`), by file."""
    found: dict[str, list[str]] = {}
    for path in sorted((REPO / "soteneg").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if getattr(getattr(node.func, "value", None), "id", None) == "i18n":
                continue  # the interface's own catalogue (tests/test_i18n.py)
            index = {"problem": 2, "say": 0, "counted": 0}.get(name or "")
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            where = f"{path.relative_to(REPO)}:{node.lineno}"
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                forms = _plural_keys(arg.value) if name == "counted" else [arg.value]
                for key in forms:
                    found.setdefault(key, []).append(where)
            else:
                # A computed key would escape this test: the code names keys literally.
                found.setdefault(f"<computed at {where}>", []).append(where)
    return found


def _plural_keys(key: str) -> list[str]:
    categories = dict.fromkeys(c for lang in LANGS for c in PLURAL_CATEGORIES[lang])
    return [f"{key}#{category}" for category in categories]


def test_every_counted_phrase_has_every_plural_form_and_counts_n() -> None:
    """A count is said in the form its language takes for the number (core.formats):
    `key#one` and `key#other` both exist, and both show the number `{n}`."""
    bases = {key.partition("#")[0] for key in CATALOGUE if "#" in key}
    assert {"@errors", "@warnings", "@documents", "@days", "@pages"} <= bases
    for base in bases:
        for key in _plural_keys(base):
            assert key in CATALOGUE, key
            assert "n" in placeholders(CATALOGUE[key]["en"]), key
    assert [k for k in CATALOGUE if "#" in k and k.partition("#")[2] not in ("one", "other")] == []


def test_a_count_takes_its_language_s_plural_form() -> None:
    one, six, thousands = counted("@errors", 1), counted("@errors", 6), counted("@errors", 20000)
    assert (one.fi, one.sv, one.en) == ("1 virhe", "1 fel", "1 error")
    assert (six.fi, six.sv, six.en) == ("6 virhettä", "6 fel", "6 errors")
    assert (thousands.fi, thousands.en) == ("20\u00a0000 virhettä", "20,000 errors")
    zero = counted("@warnings", 0)
    assert (zero.fi, zero.sv, zero.en) == ("0 varoitusta", "0 varningar", "0 warnings")


def test_numbers_in_messages_are_written_by_rule() -> None:
    """A quantity is grouped with a no-break space and a fraction takes a decimal comma in
    Finnish and Swedish, whoever wrote the call; a position (a line, a row) is not
    grouped."""
    big = say("yaml-too-large", limit=20000)
    assert big.fi == "yli 20\u00a0000 YAML-arvoa" and big.en == "more than 20,000 YAML values"
    table = say("table-too-long", rows=2500, limit=2000, row=2001)
    assert "2\u00a0500 riviä" in table.fi and "rivi 2001" in table.fi
    assert "rad 2001" in table.sv and "row 2001" in table.en
    assert say("@search.timeout", seconds=0.5).fi == "Pagefind ei valmistunut 0,5 sekunnissa"


def test_every_entry_speaks_every_language_with_the_same_placeholders() -> None:
    assert len(CATALOGUE) > 50
    for key, entry in CATALOGUE.items():
        assert sorted(entry) == sorted(LANGS), key
        for lang in LANGS:
            assert entry[lang].strip(), f"{key}: empty in {lang}"
        wanted = placeholders(entry["en"])
        for lang in LANGS:
            assert placeholders(entry[lang]) == wanted, f"{key}: placeholders differ in {lang}"


def test_no_translation_is_the_english_copied() -> None:
    copied = [
        (key, lang)
        for key, entry in CATALOGUE.items()
        for lang in ("fi", "sv")
        if entry[lang] == entry["en"] and len(entry["en"]) > 4
    ]
    assert sorted(set(copied) - SAME_AS_ENGLISH) == []


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    named = _named_keys()
    computed = [k for k in named if k.startswith("<computed")]
    assert computed == [], "keys must be written literally"
    missing = {k: v for k, v in named.items() if k not in CATALOGUE}
    assert missing == {}


def test_every_entry_is_used() -> None:
    named = set(_named_keys())
    unused = [
        key
        for key in CATALOGUE
        if key not in named and not (key.endswith(":hint") and key.removesuffix(":hint") in named)
    ]
    assert unused == []


def test_every_hint_belongs_to_a_message() -> None:
    orphans = [k for k in CATALOGUE if k.endswith(":hint") and k[: -len(":hint")] not in CATALOGUE]
    assert orphans == []


def test_every_code_is_documented() -> None:
    documented = (REPO / "docs/problems.md").read_text(encoding="utf-8")
    codes = {k.split(":")[0].split(".")[0] for k in CATALOGUE if not k.startswith("@")}
    assert sorted(c for c in codes if f"`{c}`" not in documented) == []


def test_a_problem_carries_every_language_and_its_code() -> None:
    found = problem("x.md", (3, 1), "missing-field", field="title", name="title")
    assert found.code == "missing-field"
    assert {found.message_in(lang) for lang in LANGS} == {
        say("missing-field", field="title", name="title").in_(lang) for lang in LANGS
    }
    assert len({found.message_in(lang) for lang in LANGS}) == 3


def _broken(tmp_path: Path, case: str) -> Path:
    root = tmp_path / "site"
    shutil.copytree(MINIMAL, root)
    shutil.copytree(TESTS / "broken" / case / "files", root, dirs_exist_ok=True)
    return root


def _headlines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "error[" in line or "warning[" in line]


def test_check_speaks_the_chosen_language(tmp_path: Path) -> None:
    root = _broken(tmp_path, "unknown-field")
    said = {lang: run_cli("check", "--root", root, "--lang", lang) for lang in LANGS}
    assert {r.returncode for r in said.values()} == {1}
    lines = {lang: _headlines(r.stdout) for lang, r in said.items()}
    assert "unknown field 'titel' (did you mean 'title'?)" in lines["en"][0]
    assert "tuntematon kenttä" in lines["fi"][0] and "tarkoititko 'title'?" in lines["fi"][0]
    assert "okänt fält" in lines["sv"][0] and "menade du 'title'?" in lines["sv"][0]
    # The place and the code are the same in every language; only the words change.
    for lang in ("fi", "sv"):
        assert [line.split(": ", 2)[:2] for line in lines[lang]] == [
            line.split(": ", 2)[:2] for line in lines["en"]
        ]
    assert said["sv"].stdout.splitlines()[-1] == "2 fel, 0 varningar"
    assert said["fi"].stdout.splitlines()[-1] == "2 virhettä, 0 varoitusta"


def test_without_lang_check_speaks_the_site_s_default_language(tmp_path: Path) -> None:
    root = _broken(tmp_path, "unknown-field")
    finnish = run_cli("check", "--root", root, lang=None)
    assert "tuntematon kenttä" in finnish.stdout
    config = root / "site.yaml"
    text = config.read_text(encoding="utf-8")
    assert "default_lang" not in text or "default_lang: fi" in text
    config.write_text(re.sub(r"(?m)^default_lang: fi\n", "", text) + "default_lang: sv\n")
    swedish = run_cli("check", "--root", root, lang=None)
    assert "okänt fält" in swedish.stdout, swedish.stdout + swedish.stderr


def test_json_and_github_keep_the_code_and_translate_the_words(tmp_path: Path) -> None:
    root = _broken(tmp_path, "unknown-field")
    body = json.loads(run_cli("check", "--root", root, "--format", "json", "--lang", "sv").stdout)
    assert body["lang"] == "sv"
    first = body["problems"][0]
    assert first["code"] == "unknown-field"
    assert first["message"] == "okänt fält 'titel'"
    assert first["suggestion"] == "menade du 'title'?"
    github = run_cli("check", "--root", root, "--format", "github", "--lang", "fi").stdout
    assert "title=unknown-field::tuntematon kenttä 'titel'" in github


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_broken_sites_in_finnish_and_swedish(lang: str, tmp_path: Path) -> None:
    """The English headlines of tests/broken are checked through the CLI
    (test_broken_sites); here each case's headlines in `lang` are a golden file too,
    `expected.<lang>.txt` beside `expected.txt`, for a reviewer to read the translations."""
    from conftest import UPDATE_GOLDEN

    from soteneg import pipeline
    from soteneg.core.problems import format_human

    for case in sorted(p for p in (TESTS / "broken").iterdir() if p.is_dir()):
        root = tmp_path / case.name
        shutil.copytree(MINIMAL, root)
        if (case / "files").is_dir():
            shutil.copytree(case / "files", root, dirs_exist_ok=True)
        if (case / "delete.txt").is_file():
            for rel in (case / "delete.txt").read_text().split():
                (root / rel).unlink()
        result = pipeline.check(root, pdf=True)
        actual = _headlines(format_human(result.problems, lambda _f, _n: None, lang))
        expected = case / f"expected.{lang}.txt"
        if UPDATE_GOLDEN:
            expected.write_text("\n".join(actual) + "\n", encoding="utf-8")
        assert expected.is_file(), f"{expected} is missing; run `make golden`, review it"
        assert actual == expected.read_text(encoding="utf-8").splitlines(), case.name
        english = (case / "expected.txt").read_text(encoding="utf-8").splitlines()[1:]
        assert len(actual) == len(english), case.name


def test_the_preview_shows_problems_in_the_page_s_language() -> None:
    from soteneg.editors import problem_page, serve

    found = problem("content/a.md", (2, 1), "missing-field", field="title", name="title")
    texts = {"content/a.md": "---\ntype: x\n"}
    state = problem_page.State(problems=[found], failed=True, texts=texts)
    pages = {lang: problem_page.problem_page(state, lang) for lang in LANGS}
    for lang in LANGS:
        assert f'<html lang="{lang}">' in pages[lang]
        assert found.message_in(lang).replace("'", "&#x27;") in pages[lang]
        assert "<code>missing-field</code>" in pages[lang]
    assert found.message_in("en").replace("'", "&#x27;") not in pages["sv"]
    # The page's language is its address's: /sv/… in Swedish, the rest in Finnish.
    preview = serve.Preview.__new__(serve.Preview)
    preview.state, preview.lock = state, __import__("threading").Lock()
    reply = preview.find("/sv/kierrokset/")
    assert b'<html lang="sv">' in reply.body


def _swedish_default(root: Path) -> None:
    config = root / "site.yaml"
    text = re.sub(r"(?m)^default_lang: .*\n", "", config.read_text(encoding="utf-8"))
    config.write_text(text + "default_lang: sv\n", encoding="utf-8")


def test_build_says_what_it_did_in_the_chosen_language(tmp_path: Path) -> None:
    root, out = bundled_copy(tmp_path), tmp_path / "out"
    _swedish_default(root)
    build = ("build", "--root", root, "--out", out, "--no-pdf", "--no-search")
    first = run_cli(*build, "--lang", "fi")
    assert first.returncode == 0, first.stdout + first.stderr
    last = first.stdout.splitlines()[-1]  # after the bundled site's one warning
    assert last.startswith("koottu "), first.stdout
    assert ", poistettu 0)" in last
    # Seconds with a decimal comma, in Finnish as in Swedish.
    assert re.search(r" \d+,\d sekunnissa ", last), first.stdout
    # Nothing changed: site.yaml is not read again, the language is the one recorded.
    again = run_cli(*build, lang=None)
    assert again.stdout.splitlines()[-1].startswith("inget har ändrats: "), again.stdout


def test_the_preview_keeps_the_site_s_language_when_nothing_changed(tmp_path: Path) -> None:
    import datetime as dt

    from soteneg.editors import serve

    root = bundled_copy(tmp_path)
    _swedish_default(root)
    preview = serve.Preview(root, tmp_path / "out", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    first, second = preview.rebuild(), preview.rebuild()
    assert second.result is not None and second.result.unchanged
    assert (first.lang, second.lang) == ("sv", "sv")


def test_a_failed_search_index_is_said_in_every_language_with_pagefind_s_words_quoted() -> None:
    from soteneg.site.pagefind_service import SearchError

    failed = problem("_site", None, "search-error", detail=SearchError("bundle broken").text)
    assert failed.message_in("en") == "the search index failed: bundle broken"
    assert failed.message_in("fi") == (
        "hakuindeksin luominen epäonnistui: Pagefind ilmoitti: bundle broken"
    )
    missing = SearchError(say("@search.no-binary")).text
    assert missing.in_("sv") == "programmet Pagefind saknas: installera `pagefind[extended]`"
