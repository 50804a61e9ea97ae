"""Translation freshness: a translation records the version of its original it was made
from; the original's text changing makes it outdated, other fields do not."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import bundled_copy, run_cli
from test_site import build

from soteneg import pipeline
from soteneg.content.freshness import state_of, translations, version_of
from soteneg.editors.translations import StampError, stamped

ORIGINAL = """---
title: Uutinen
type: news
date: 2018-11-26
summary: Lyhyesti.
---

Teksti.
"""

TRANSLATION = """---
title: Nyhet
type: news
date: 2018-11-26
lang: sv
translation_of: tiedotteet/uutinen
{extra}---

Text.
"""


def _content(tmp_path: Path, original: str, translation: str, minimal: Path):  # type: ignore[no-untyped-def]
    news = minimal / "content" / "tiedotteet"
    news.mkdir(parents=True, exist_ok=True)
    (news / "uutinen.md").write_text(original, encoding="utf-8")
    (news / "uutinen.sv.md").write_text(translation, encoding="utf-8")
    result = pipeline.check(minimal, pdf=False)
    by_id = {d.id: d for d in result.content.documents}
    return by_id["tiedotteet/uutinen"], by_id.get("tiedotteet/uutinen.sv"), result


def test_the_version_follows_title_summary_and_body_only(tmp_path: Path, minimal: Path) -> None:
    original, _, _ = _content(tmp_path, ORIGINAL, TRANSLATION.format(extra=""), minimal)
    first = version_of(original)
    assert len(first) == 12 and int(first, 16) >= 0
    for old, new, changes in (
        ("date: 2018-11-26", "date: 2018-11-27", False),
        ("Teksti.\n", "Teksti.   \n\n", False),  # trailing blanks are no change of text
        ("Teksti.", "Teksti muuttui.", True),
        ("title: Uutinen", "title: Uusi otsikko", True),
        ("summary: Lyhyesti.", "summary: Toisin.", True),
    ):
        changed, _, _ = _content(
            tmp_path, ORIGINAL.replace(old, new), TRANSLATION.format(extra=""), minimal
        )
        assert (version_of(changed) != first) is changes, old


def test_states_up_to_date_outdated_unknown_and_missing(tmp_path: Path, minimal: Path) -> None:
    original, translation, _ = _content(tmp_path, ORIGINAL, TRANSLATION.format(extra=""), minimal)
    assert translation is not None and state_of(translation, original) == "unknown"
    current = version_of(original)
    extra = f"original_version: {current}\n"
    original, translation, result = _content(
        tmp_path, ORIGINAL, TRANSLATION.format(extra=extra), minimal
    )
    assert translation is not None and state_of(translation, original) == "up-to-date"
    edited = ORIGINAL.replace("Teksti.", "Uusi teksti.")
    original, translation, _ = _content(tmp_path, edited, TRANSLATION.format(extra=extra), minimal)
    assert translation is not None and state_of(translation, original) == "outdated"
    found = translations(result.content.documents, ("fi", "sv", "en"))
    news = [
        (t.original.id, t.lang, t.state) for t in found if t.original.id == "tiedotteet/uutinen"
    ]
    assert news == [
        ("tiedotteet/uutinen", "sv", "up-to-date"),
        ("tiedotteet/uutinen", "en", "missing"),
    ]


def test_a_version_that_is_not_twelve_hex_digits_is_refused(tmp_path: Path, minimal: Path) -> None:
    extra = "original_version: not-a-hash\n"
    _, translation, result = _content(tmp_path, ORIGINAL, TRANSLATION.format(extra=extra), minimal)
    assert translation is None
    assert any(p.file.endswith("uutinen.sv.md") for p in result.problems if p.is_error)


def test_stamping_changes_one_line_and_keeps_every_other_byte() -> None:
    text = TRANSLATION.format(extra="# a comment kept\n")
    once = stamped(text, "0123456789ab")
    assert once == text.replace(
        "translation_of: tiedotteet/uutinen\n",
        'translation_of: tiedotteet/uutinen\noriginal_version: "0123456789ab"\n',
    )
    again = stamped(once, "ba9876543210")
    assert again == once.replace("0123456789ab", "ba9876543210")
    body_line = "original_version: in the body stays\n"
    assert stamped(once + body_line, "ba9876543210").endswith(body_line)
    with_bom = "\ufeff" + text
    assert stamped(with_bom, "0123456789ab").startswith("\ufeff---\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no front matter\n", "does not start with front matter"),
        ("---\ntitle: x\n", "no closing"),
        ("---\ntitle: x\n---\n", "no translation_of line"),
    ],
)
def test_stamping_refuses_what_it_cannot_place(text: str, message: str) -> None:
    with pytest.raises(StampError, match=message):
        stamped(text, "0123456789ab")


# --- through the command line ------------------------------------------------------------


SV = "content/kierrokset/2018-syksy/uusimaa.sv.md"
FI = "content/kierrokset/2018-syksy/uusimaa.md"


def test_an_original_changed_after_the_stamp_gives_a_warning_until_stamped_again(
    tmp_path: Path,
) -> None:
    root = bundled_copy(tmp_path)
    assert "translation-outdated" not in run_cli("check", "--no-pdf", "--root", root).stdout
    original = root / FI
    original.write_text(original.read_text().replace("## Tilannekuva", "## Tilannekuva nyt"))
    checked = run_cli("check", "--no-pdf", "--root", root)
    assert checked.returncode == 0, checked.stdout  # a warning: the site still builds
    line = next(ln for ln in checked.stdout.splitlines() if "translation-outdated" in ln)
    at = (
        (root / SV)
        .read_text()
        .split("\n")
        .index(
            next(
                ln
                for ln in (root / SV).read_text().split("\n")
                if ln.startswith("original_version:")
            )
        )
    )
    assert line.startswith(f"{SV}:{at + 1}:19: warning[translation-outdated]: {FI} has changed")
    status = run_cli("status", "--translations", "--root", root, "--format", "json")
    rows = {(r["original"], r["lang"]): r["state"] for r in json.loads(status.stdout)}
    assert rows[(FI, "sv")] == "outdated"
    assert rows[("content/kierrokset/2018-syksy/pohjois-savo.md", "sv")] == "up-to-date"
    assert rows[("content/kierrokset/2018-syksy/lappi.md", "sv")] == "missing"
    before = (root / SV).read_text()
    stamped_now = run_cli("translated", SV, "--root", root)
    assert stamped_now.returncode == 0 and "translates" in stamped_now.stdout
    after = (root / SV).read_text()
    assert [a for a, b in zip(before.split("\n"), after.split("\n"), strict=True) if a != b] == [
        next(ln for ln in before.split("\n") if ln.startswith("original_version:"))
    ]
    assert "translation-outdated" not in run_cli("check", "--no-pdf", "--root", root).stdout


def test_translated_refuses_an_original_and_an_unknown_file(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    refused = run_cli("translated", FI, "--root", root)
    assert refused.returncode == 2 and "is not a translation" in refused.stderr
    missing = run_cli("translated", "content/ei-ole.sv.md", "--root", root)
    assert missing.returncode == 2 and "is not a valid document" in missing.stderr


def test_a_new_translation_is_never_stamped_until_translated(tmp_path: Path) -> None:
    """A skeleton translates nothing yet: it names its original, but `status` calls it
    never stamped (unknown) until `soteneg translated` says it now matches."""
    root = bundled_copy(tmp_path)
    made = run_cli(
        "new",
        "negotiation",
        "--round",
        "2018-syksy",
        "--region",
        "lappi",
        "--lang",
        "sv",
        "--root",
        root,
    )
    assert made.returncode == 0, made.stderr
    documents = {d.id: d for d in pipeline.check(root, pdf=False).content.documents}
    translation = documents["kierrokset/2018-syksy/lappi.sv"]
    assert translation.meta is not None
    assert translation.meta.translation_of == "kierrokset/2018-syksy/lappi"
    assert translation.meta.original_version is None
    status = run_cli("status", "--translations", "--root", root)
    assert "sv  never stamped  content/kierrokset/2018-syksy/lappi.md" in status.stdout
    stamped = run_cli("translated", "content/kierrokset/2018-syksy/lappi.sv.md", "--root", root)
    assert stamped.returncode == 0, stamped.stderr
    status = run_cli("status", "--translations", "--root", root)
    assert "sv  up to date     content/kierrokset/2018-syksy/lappi.md" in status.stdout
    documents = {d.id: d for d in pipeline.check(root, pdf=False).content.documents}
    translation = documents["kierrokset/2018-syksy/lappi.sv"]
    assert translation.meta is not None
    assert translation.meta.original_version == version_of(documents["kierrokset/2018-syksy/lappi"])


def test_the_translation_s_page_says_its_original_changed_until_it_is_stamped(
    tmp_path: Path,
) -> None:
    """Through incremental builds into one output: the notice appears when only the
    original changed, and goes when the translation is stamped."""
    root = bundled_copy(tmp_path)
    out = tmp_path / "out"
    page = out / "sv/kierrokset/2018-syksy/uusimaa/index.html"
    finnish = out / "kierrokset/2018-syksy/uusimaa/index.html"
    assert build(root, out).returncode == 0
    assert "notice-outdated" not in page.read_text()
    original = root / FI
    original.write_text(original.read_text().replace("## Tilannekuva", "## Tilannekuva nyt"))
    assert build(root, out).returncode == 0
    html = page.read_text()
    assert "notice-outdated" in html
    assert "Originaltexten har ändrats efter att den här översättningen gjordes." in html
    assert 'href="/kierrokset/2018-syksy/uusimaa/" lang="fi" hreflang="fi"' in html
    assert "notice-outdated" not in finnish.read_text()
    assert run_cli("translated", SV, "--root", root).returncode == 0
    assert build(root, out).returncode == 0
    assert "notice-outdated" not in page.read_text()


# --- found in review: what `translated` must not break ----------------------------------


def test_a_stamp_is_quoted_so_twelve_decimal_digits_stay_text() -> None:
    text = TRANSLATION.format(extra="")
    done = stamped(text, "430717861999")
    assert 'original_version: "430717861999"\n' in done
    front = yaml.safe_load(done.split("---")[1])
    assert front["original_version"] == "430717861999"


def test_crlf_line_ends_are_kept(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    path = root / SV
    text = path.read_text(encoding="utf-8")
    crlf = re.sub(r'original_version: "?[0-9a-f]+"?', 'original_version: "aaaaaaaaaaaa"', text)
    path.write_bytes(crlf.replace("\n", "\r\n").encode("utf-8"))
    assert run_cli("translated", SV, "--root", root).returncode == 0
    after = path.read_bytes()
    assert b"\r\n" in after and b"\n" not in after.replace(b"\r\n", b"")
    before_lines = crlf.replace("\n", "\r\n").encode().split(b"\r\n")
    changed = [b for a, b in zip(before_lines, after.split(b"\r\n"), strict=True) if a != b]
    assert len(changed) == 1 and changed[0].startswith(b"original_version: ")


def test_a_value_written_below_its_key_is_refused_not_split() -> None:
    text = "---\ntitle: x\ntranslation_of:\n  sivut/neuvottelut\n---\n"
    with pytest.raises(StampError, match="write translation_of's value on its own line"):
        stamped(text, "0123456789ab")


def test_file_names_with_control_characters_are_escaped_in_status(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    odd = root / "content/sivut" / "paha\x1b[2J\x1b]0;x\x07.md"
    odd.write_text("---\ntitle: x\ntype: page\ndate: 2018-10-01\n---\n", encoding="utf-8")
    status = run_cli("status", "--translations", "--root", root)
    assert "\x1b" not in status.stdout + status.stderr


def test_translated_takes_a_path_from_anywhere(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    absolute = run_cli("translated", str(root / SV), "--root", root)
    assert absolute.returncode == 0, absolute.stderr
    relative = run_cli("translated", f"project/{SV}", "--root", root, cwd=tmp_path)
    assert relative.returncode == 0, relative.stderr
