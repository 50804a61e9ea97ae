"""A seeded, realistic content tree of any size, for benchmarks.

    .venv/bin/python bench/generate.py OUT_DIR --documents 5000 [--seed 1]

Copies site.yaml, the data files and templates of the bundled project, adds rounds as
needed, and writes per round a negotiation document and a THL assessment for each
region of the round's time (the 18 of 2018 until 2022, then the 22 of 2023; every theme
section, links to the previous round's section of the same region), Swedish
translations of a third of the negotiation documents, a round summary, news, and a few
plain pages that link into the rounds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from pathlib import Path

from soteneg.content.loader import load_content
from soteneg.content.project_files import read_project

REPO = Path(__file__).resolve().parent.parent
THEMES = ["tilannekuva", "saatavuus", "rahoitus", "digitalisuus", "integraatio"]
HEADINGS = {
    "tilannekuva": ("Tilannekuva", "Lägesbild"),
    "saatavuus": ("Palvelujen saatavuus", "Tillgång till tjänster"),
    "rahoitus": ("Palvelujen rahoitus, investoinnit ja tuottavuus", "Finansiering"),
    "digitalisuus": ("Digitaalisuus, sähköiset palvelut ja tietopohja", "Digitalisering"),
    "integraatio": ("Palvelujen integraatio", "Integration av tjänster"),
}


def words(text: str) -> list[str]:
    return re.findall(r"[a-zåäöA-ZÅÄÖ]{3,}", text)


def paragraph(rng: random.Random, vocabulary: list[str], n: int) -> str:
    sentence = []
    for _ in range(n):
        chunk = rng.sample(vocabulary, rng.randint(6, 14))
        sentence.append(" ".join(chunk).capitalize() + ".")
    return " ".join(sentence)


def _dates(year: int, half: int) -> tuple[str, str]:
    return (f"{year}-02-01", f"{year}-03-31") if half == 0 else (f"{year}-10-01", f"{year}-11-30")


def generate(out: Path, documents: int, seed: int) -> int:
    rng = random.Random(seed)
    shutil.copytree(REPO / "templates", out / "templates")
    shutil.copy(REPO / "site.yaml", out / "site.yaml")
    content = out / "content"
    content.mkdir(parents=True)
    for name in ("eras.yaml", "regions.yaml", "themes.yaml", "people.yaml"):
        shutil.copy(REPO / "content" / name, content / name)
    # A round's documents may name only the regions of its time (region-not-in-round).
    known = load_content(read_project(REPO))[0].data.regions.values()
    current = [r for r in known if r.valid_to is None]
    vocabulary = sorted(
        set(
            w.lower()
            for w in words(" ".join(p.read_text() for p in (REPO / "content").rglob("*.md")))
        )
    )
    per_round = len(current) * 2 + len(current) // 3 + 2
    round_count = max(1, -(-documents // per_round))
    rounds = []
    for n in range(round_count):
        year, half = 2018 + n // 2, n % 2
        rounds.append((f"{year}-{'kevat' if half == 0 else 'syksy'}", year, half))
    lines = []
    for rid, year, half in rounds:
        start, end = _dates(year, half)
        season = ("Kevät", "Våren") if half == 0 else ("Syksy", "Hösten")
        lines += [
            f"- id: {rid}",
            "  name:",
            f"    fi: {season[0]} {year}",
            f"    sv: {season[1]} {year}",
            "  kind: practice",
            f"  start: {start}",
            f"  end: {end}",
            f"  themes: [{', '.join(THEMES)}]",
        ]
    (content / "rounds.yaml").write_text("\n".join(lines) + "\n")
    written = 0
    previous: str | None = None
    of_round: dict[str, list[str]] = {}
    for rid, year, half in rounds:
        folder = content / "kierrokset" / rid
        (folder / "arviot").mkdir(parents=True)
        date = f"{year}-{'02' if half == 0 else '10'}-15"
        start, end = (dt.date.fromisoformat(d) for d in _dates(year, half))
        regions = of_round[rid] = [r.id for r in known if r.valid_during(start, end)]
        for region in regions:
            for kind, path in (
                ("negotiation", folder / f"{region}.md"),
                ("assessment", folder / "arviot" / f"{region}.md"),
            ):
                body = []
                for theme in THEMES:
                    body += [
                        f"## {HEADINGS[theme][0]} {{theme={theme}}}",
                        "",
                        paragraph(rng, vocabulary, rng.randint(2, 5)),
                        "",
                    ]
                    linkable = previous is not None and region in of_round[previous]
                    if linkable and kind == "negotiation" and rng.random() < 0.3:
                        body += [
                            f"Vrt. [edellinen kierros](../{previous}/{region}.md#{theme}).",
                            "",
                        ]
                path.write_text(
                    f'---\ntitle: "{region} {rid} {kind}"\ntype: {kind}\ndate: {date}\n'
                    f"region: {region}\nround: {rid}\nthemes: [{', '.join(THEMES)}]\n"
                    f"contacts: [antti-kuopila]\nexample: true\n---\n\n" + "\n".join(body)
                )
                written += 1
            if rng.random() < 0.34:
                body = []
                for theme in THEMES:
                    body += [
                        f"## {HEADINGS[theme][1]} {{theme={theme}}}",
                        "",
                        paragraph(rng, vocabulary, 2),
                        "",
                    ]
                (folder / f"{region}.sv.md").write_text(
                    f'---\ntitle: "{region} {rid} sv"\ntype: negotiation\ndate: {date}\n'
                    f"lang: sv\nregion: {region}\nround: {rid}\n"
                    f"translation_of: kierrokset/{rid}/{region}\nexample: true\n---\n\n"
                    + "\n".join(body)
                )
                written += 1
        (folder / "yhteenveto.md").write_text(
            f'---\ntitle: "Yhteenveto {rid}"\ntype: summary\ndate: {date}\nround: {rid}\n'
            f"example: true\n---\n\n{paragraph(rng, vocabulary, 6)}\n"
        )
        news = content / "tiedotteet"
        news.mkdir(exist_ok=True)
        (news / f"{date}-{rid}.md").write_text(
            f'---\ntitle: "Tiedote {rid}"\ntype: news\ndate: {date}\n---\n\n'
            f"{paragraph(rng, vocabulary, 4)}\n"
        )
        written += 2
        previous = rid
    # Plain pages (type: page) that point into the rounds, as background pages do.
    pages = content / "sivut"
    pages.mkdir(exist_ok=True)
    for n in range(max(2, documents // 1000)):
        rid = rounds[rng.randrange(len(rounds))][0]
        region = rng.choice(of_round[rid])
        (pages / f"sivu-{n}.md").write_text(
            f'---\ntitle: "Taustasivu {n}"\ntype: page\ndate: 2018-01-0{1 + n % 9}\n---\n\n'
            f"{paragraph(rng, vocabulary, 3)}\n\n"
            f"Katso [{region}, {rid}](../kierrokset/{rid}/{region}.md#saatavuus).\n"
        )
        written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.out, args.documents, args.seed), "documents in", args.out)


if __name__ == "__main__":
    main()
