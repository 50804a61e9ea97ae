"""Comparisons compare like with like (issue 18): a round's section is diffed with the
previous round's text in the same language, and where the previous round has no text in
that language the section is shown whole, labelled, never diffed against another
language."""

from __future__ import annotations

import re
from pathlib import Path

from test_site import GOLDEN_SITE, build, project


def _entries(html: str) -> list[str]:
    """The page's entries (one per round), newest first."""
    return re.split(r'<section class="compare-round', html)[1:]


def test_a_swedish_section_is_not_diffed_against_finnish(tmp_path: Path) -> None:
    """Uusimaa: spring 2018 only in Finnish, autumn 2018 in both. The Swedish page shows
    the autumn's Swedish section labelled as not compared; the Finnish page diffs the
    Finnish texts."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    sv = (out / "sv/teemat/saatavuus/uusimaa/index.html").read_text(encoding="utf-8")
    fi = (out / "teemat/saatavuus/uusimaa/index.html").read_text(encoding="utf-8")
    autumn_sv = next(e for e in _entries(sv) if "Hösten 2018" in e)
    assert (
        "Inte jämförd med föregående omgång (föregående omgång: Våren 2018), eftersom den "
        "saknar text på svenska."
    ) in autumn_sv
    assert "<del>" not in autumn_sv and "<ins>" not in autumn_sv
    assert "Tjänsterna finns nästan överallt." in autumn_sv  # shown whole
    autumn_fi = next(e for e in _entries(fi) if "Syksy 2018" in e)
    assert "<ins>" in autumn_fi or "<del>" in autumn_fi  # Finnish compared with Finnish
    assert "Tjänsterna" not in autumn_fi
    # No Swedish page anywhere marks a Finnish word: every comparison on a Swedish page
    # compares Swedish texts.
    for page in (out / "sv/teemat").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for found in re.findall(r'<section class="cmp".*?</section>', html, re.S):
            # A Finnish text may be shown whole beside a Swedish page's words, said
            # to be uncompared; it is never marked.
            if 'lang="fi"' in found:
                assert "Inte jämförd" in found and "<del>" not in found, page
                assert "<ins>" not in found, page
            marked = " ".join(re.findall(r"<(?:del|ins)>(.*?)</(?:del|ins)>", found, re.S))
            assert "Palvelut" not in marked, page


def test_recommendations_in_finnish_only_are_shown_whole_on_a_swedish_page(
    tmp_path: Path,
) -> None:
    """Etelä-Savon hyvinvointialue's recommendations are written in Finnish only: the
    Swedish page of their comparison says that the Swedish text is missing and shows the
    Finnish ones whole, in Finnish, unmarked, each earlier one still with its follow-up;
    the Finnish page marks them."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    path = "teemat/rahoitus/etela-savo-hva/suositukset/index.html"
    sv = (out / "sv" / path).read_text(encoding="utf-8")
    found = re.findall(r'<section class="cmp".*?</section>', sv, re.S)
    assert len(found) == 1
    assert "Inte jämförd: den här omgångens text finns inte på svenska." in found[0]
    assert "<del>" not in found[0] and "<ins>" not in found[0]
    assert (
        '<p lang="fi">Hyvinvointialue laatii suunnitelman alijäämän kattamiseksi.</p>' in found[0]
    )
    assert '<span class="status status-dropped">slopad</span>' in found[0]
    assert (
        '<span lang="fi">Alijäämä katettiin ilman erillistä suunnitelmaa.</span> (på finska)'
        in (found[0])
    )
    fi = (out / path).read_text(encoding="utf-8")
    assert "1 suositus annettiin uutena, 1 suositus jäi pois." in fi
    assert "<del>" in fi and "<ins>" in fi
