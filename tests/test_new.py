"""Skeletons that cannot be published by mistake, and suggestions that lead somewhere.

`soteneg new` writes a draft dated within its round, with placeholders for the editor to
replace; `check` passes the skeleton as a draft and warns once it is not a draft while a
placeholder remains. Suggestions for an unknown region or theme are made among those
valid in the document's round, and by name too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BUNDLED_WARNING_FILE, bundled_copy, run_cli

from soteneg.content.front_matter import DOCUMENT_MODELS
from soteneg.content.yamlpos import parse_yaml
from soteneg.editors.frontmatter import front_matter
from soteneg.editors.scaffold import SKELETONS

NEW_DOC = "content/kierrokset/2018-syksy/keski-suomi.md"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return bundled_copy(tmp_path)


def _new(root: Path, *args: str) -> str:
    made = run_cli("new", *args, "--root", root)
    assert made.returncode == 0, made.stdout + made.stderr
    return made.stdout


def _warnings(root: Path) -> list[str]:
    result = run_cli("check", "--root", root, "--no-pdf")
    assert result.returncode == 0, result.stdout
    return [
        line
        for line in result.stdout.splitlines()
        if "warning[" in line and not line.startswith(BUNDLED_WARNING_FILE + ":")
    ]


def test_a_skeleton_is_a_draft_dated_within_its_round(root: Path) -> None:
    said = _new(root, "negotiation", "--round", "2018-syksy", "--region", "keski-suomi")
    assert said.splitlines()[0] == f"uusi asiakirja: {NEW_DOC}"
    text = (root / NEW_DOC).read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert "\ndraft: true\n" in front
    # 2018-syksy ran 2018-10-01 to 2018-11-30: today is after it, so its last day.
    assert "\ndate: 2018-11-30\n" in front
    assert front.startswith("title: Keski-Suomi – harjoitusneuvottelu, syksy 2018\n")
    assert "[Kirjoita tähän teemaa ”Palvelujen saatavuus” koskeva teksti.]" in text
    assert _warnings(root) == []  # a draft holds its placeholders without a word


def test_a_skeleton_made_public_with_its_placeholders_is_a_warning(root: Path) -> None:
    _new(root, "negotiation", "--round", "2018-syksy", "--region", "keski-suomi")
    path = root / NEW_DOC
    text = path.read_text(encoding="utf-8").replace("draft: true\n", "")
    path.write_text(text, encoding="utf-8")
    found = _warnings(root)
    assert len(found) == 5  # one per theme section
    assert found[0] == (
        f"{NEW_DOC}:18:1: warning[placeholder-text]: the document still holds the "
        "skeleton's text to replace: [Kirjoita tähän teemaa ”Tilannekuva” koskeva teksti.] "
        "(write the text in its place, or keep the document a draft (draft: true) until it "
        "is ready)"
    )
    filled = re.sub(r"\[Kirjoita tähän[^\]]*\]", "Neuvottelun teksti.", text)
    path.write_text(filled, encoding="utf-8")
    assert _warnings(root) == []


def test_a_swedish_skeleton_and_a_title_to_write(root: Path) -> None:
    _new(root, "news", "--slug", "forhandlingarna", "--lang", "sv", "--date", "2018-11-27")
    path = root / "content/tiedotteet/2018-11-27-forhandlingarna.sv.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "[Rubrik]"\ntype: news\ndate: 2018-11-27\nlang: sv\n')
    assert "\n[Skriv texten här.]\n" in text
    path.write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    found = _warnings(root)
    assert [line.split(": warning")[0] for line in found] == [
        "content/tiedotteet/2018-11-27-forhandlingarna.sv.md:2:8",
        "content/tiedotteet/2018-11-27-forhandlingarna.sv.md:8:1",
    ]
    assert "the title is still the skeleton's [Rubrik], to replace" in found[0]


def test_every_type_has_a_skeleton_in_every_kind_of_round(root: Path) -> None:
    kinds = {"practice", "statutory"}
    for doc_type in DOCUMENT_MODELS:
        if doc_type in ("news", "page"):
            assert (doc_type, None) in SKELETONS
        else:
            assert {k for t, k in SKELETONS if t == doc_type} == kinds, doc_type
    _new(root, "assessment", "--round", "2024-hva", "--region", "kainuu-hva")
    _new(root, "summary", "--round", "2024-hva")
    assessment = (root / "content/kierrokset/2024-hva/arviot/kainuu-hva.md").read_text()
    # The round's first expert body issues it unless --issuer says otherwise.
    assert assessment.startswith(
        '---\ntitle: "THL:n arvio: Kainuun hyvinvointialue, 2024"\ntype: assessment\n'
    )
    assert "\nissuer: thl\nregion: kainuu-hva\n" in assessment
    summary = (root / "content/kierrokset/2024-hva/yhteenveto.md").read_text()
    assert summary.startswith("---\ntitle: Neuvottelujen 2024 yhteenveto\n")
    assert _warnings(root) == []


def test_front_matter_reads_back_as_written() -> None:
    """Quotes only what YAML 1.2 would read as something else (tests/test_cms.py holds
    the exact form to the browser editor's)."""
    values = [
        "Uusimaa – harjoitusneuvottelu, syksy 2018",
        "THL:n arvio: Uusimaa",
        "[Otsikko]",
        "yes",
        "2018-10-15",
        "123",
        "- lista",
        "# ei kommentti",
        "It's",
        "a: b",
        "trailing ",
        "",
        "pitkä " * 40,
    ]
    text = front_matter([(f"k{n}", v) for n, v in enumerate(values)])
    doc, problems = parse_yaml(text.strip("-\n"), "x.md")
    assert problems == []
    read = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in doc.value.items()}
    assert read == {f"k{n}": v for n, v in enumerate(values)}
    assert "k0: Uusimaa – harjoitusneuvottelu, syksy 2018\n" in text


def test_a_region_is_suggested_among_those_of_the_round_and_by_name(root: Path) -> None:
    made = run_cli(
        "new", "negotiation", "--round", "2024-hva", "--region", "Lapin hyvinvointialue",
        "--root", root,
    )  # fmt: skip
    assert made.returncode == 2
    assert "(tarkoititko 'lappi-hva'?)" in made.stderr
    made = run_cli("new", "negotiation", "--round", "2024-hva", "--region", "lapi", "--root", root)
    assert "(tarkoititko 'lappi-hva'?)" in made.stderr  # not 'lappi', which ended in 2022
    doc = root / "content/kierrokset/2024-hva/helsinki.md"
    doc.write_text(doc.read_text().replace("region: helsinki", "region: helsingin-kaupunki"))
    checked = run_cli("check", "--root", root, "--no-pdf")
    assert "region 'helsingin-kaupunki' is not defined (did you mean 'helsinki'?)" in (
        checked.stdout
    )


def test_an_unknown_theme_gets_a_suggestion_or_the_round_s_themes(root: Path) -> None:
    doc = root / "content/kierrokset/2018-syksy/lappi.md"
    text = doc.read_text()
    text = text.replace("themes: [tilannekuva,", "themes: [digi,")
    doc.write_text(text.replace("{theme=rahoitus}", "{theme=talous}"))
    checked = run_cli("check", "--root", root, "--no-pdf")
    lines = [line for line in checked.stdout.splitlines() if "unknown-theme" in line]
    assert "theme 'digi' is not defined (did you mean 'digitalisuus'?)" in lines[0]
    assert (
        "theme 'talous' is not defined (the themes of round '2018-syksy': 'tilannekuva', "
        "'saatavuus', 'rahoitus', 'digitalisuus', 'integraatio')"
    ) in lines[1]


def test_an_assessment_by_another_expert_body_has_a_file_of_its_own(root: Path) -> None:
    """AVI assesses rescue services beside THL's assessment of the same unit: --issuer
    names it, in its title and file name; a body that is no expert of the round, or no
    party at all, is refused with what would be right."""
    _new(root, "assessment", "--round", "2024-hva", "--region", "kainuu-hva", "--issuer", "avi")
    avi = (root / "content/kierrokset/2024-hva/arviot/kainuu-hva-avi.md").read_text()
    assert avi.startswith('---\ntitle: "AVI:n arvio: Kainuun hyvinvointialue, 2024"\n')
    assert "\nissuer: avi\n" in avi
    _new(root, "assessment", "--round", "2024-hva", "--region", "kainuu-hva", "--lang", "sv")
    sv = (root / "content/kierrokset/2024-hva/arviot/kainuu-hva.sv.md").read_text()
    assert sv.startswith('---\ntitle: "THL:s bedömning: Kajanalands välfärdsområde, 2024"\n')
    assert _warnings(root) == []
    # A practice round names no experts: no issuer is written, THL's title stays.
    _new(root, "assessment", "--round", "2018-syksy", "--region", "kainuu")
    practice = (root / "content/kierrokset/2018-syksy/arviot/kainuu.md").read_text()
    assert "issuer:" not in practice and practice.startswith('---\ntitle: "THL:n arvio: Kainuu')
    for issuer, said in (
        ("stm", "'stm' ei ole kierroksen '2024-hva' asiantuntija"),
        ("avii", "(tarkoititko 'avi'?)"),
    ):
        made = run_cli(
            "new",
            "assessment",
            "--round",
            "2024-hva",
            "--region",
            "lappi-hva",
            "--issuer",
            issuer,
            "--root",
            root,
        )
        assert made.returncode == 2 and said in made.stderr, made.stderr
    made = run_cli("new", "summary", "--round", "2024-hva", "--issuer", "avi", "--root", root)
    assert made.returncode == 2 and "--issuer koskee vain arvioita" in made.stderr


def test_a_statutory_negotiation_offers_its_fields_and_the_follow_up_as_comments(
    root: Path,
) -> None:
    """Issue 26: the statutory fields for a statutory round. Nothing of the meeting or
    the follow-up is known when the file is made, so the skeleton offers them commented
    out, the follow-up with the ids of the unit's previous recommendations; with the
    `#` removed and the statuses written, check has nothing left to say about them."""
    later = root / "content/kierrokset/2025-hva/paijat-hame-hva.md"
    later.unlink()
    for page in ("neuvottelut.md", "neuvottelut.sv.md"):  # they link the 2025 document
        path = root / "content/sivut" / page
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("2025-hva/paijat-hame-hva.md", "2024-hva/paijat-hame-hva.md"))
    _new(root, "negotiation", "--round", "2025-hva", "--region", "paijat-hame-hva")
    text = later.read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    assert "\n# diary_number: VN/…/2025\n# document_type: minutes\n" in front
    assert "\n# meeting:\n#   start: " in front
    assert (
        "# Kierroksen Hyvinvointialueneuvottelut 2024 suositukset: kerro kunkin tila (status).\n"
        "# follow_up:\n#   - id: 2024-1  # saatavuus, 2025-06-30\n"
        "#     status:  # done | under_way | not_started | dropped\n"
    ) in front
    said = [w for w in _warnings(root) if "paijat-hame-hva.md" in w and "2025-hva" in w]
    assert len(said) == 1 and "recommendation-not-followed" in said[0], said
    # The editor fills the follow-up in: check is content with it.
    lines = []
    for line in text.split("\n"):
        if line.startswith(("# follow_up:", "#   - id: 2024-", "#     status:")):
            line = line[2:].split("  #")[0] + (" done" if "status:" in line else "")
        lines.append(line)
    later.write_text("\n".join(lines), encoding="utf-8")
    assert [w for w in _warnings(root) if "2025-hva/paijat-hame-hva.md" in w] == []
    # A practice round has none of it, nor has a translation (its original holds it).
    _new(root, "negotiation", "--round", "2018-syksy", "--region", "keski-suomi")
    assert "\n# " not in (root / NEW_DOC).read_text(encoding="utf-8")
    _new(root, "negotiation", "--round", "2025-hva", "--region", "paijat-hame-hva", "--lang", "sv")
    swedish = root / "content/kierrokset/2025-hva/paijat-hame-hva.sv.md"
    assert "\n# " not in swedish.read_text(encoding="utf-8")
