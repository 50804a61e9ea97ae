"""End-to-end through the real command line: exit codes, formats, new, schema, build."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml
from conftest import REPO, run_cli

DOC = "content/kierrokset/2018-syksy/uusimaa.md"


def test_bundled_content_is_valid() -> None:
    """No errors; one warning on purpose: the bundled Itä-Uusimaa document is bilingual
    and has no Swedish version yet (issue 25's example of translation-missing)."""
    result = run_cli("check", "--root", REPO)
    assert result.returncode == 0, result.stdout
    warnings = [line for line in result.stdout.splitlines() if "warning[" in line]
    assert len(warnings) == 1 and "ita-uusimaa-hva.md" in warnings[0], result.stdout
    assert "warning[translation-missing]: this document has no Swedish version" in warnings[0]
    assert "no errors, 1 warning" in result.stdout


def test_minimal_site_is_valid(minimal: Path) -> None:
    result = run_cli("check", cwd=minimal)
    assert (result.returncode, result.stdout.strip()) == (0, "ok: 3 documents, no problems")


def _break(root: Path) -> None:
    path = root / DOC
    path.write_text(path.read_text().replace("region: uusimaa", "region: uusima"))


def test_human_format_shows_source_line_and_caret(minimal: Path) -> None:
    _break(minimal)
    result = run_cli("check", "--root", minimal)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:3] == [
        f"{DOC}:5:9: error[unknown-region]: region 'uusima' is not defined "
        "(did you mean 'uusimaa'?)",
        " 5 | region: uusima",
        "   |         ^",
    ]


def test_github_and_json_formats(minimal: Path) -> None:
    _break(minimal)
    github = run_cli("check", "--root", minimal, "--format", "github")
    assert github.returncode == 1
    assert github.stdout.strip() == (
        f"::error file={DOC},line=5,col=9,title=unknown-region::region 'uusima' is not "
        "defined (did you mean 'uusimaa'?)"
    )
    result = run_cli("check", "--root", minimal, "--format", "json")
    assert result.returncode == 1
    body = json.loads(result.stdout)
    assert body["summary"] == {"errors": 1, "warnings": 0}
    assert body["problems"][0] | {"message": ""} == {
        "file": DOC,
        "line": 5,
        "column": 9,
        "severity": "error",
        "code": "unknown-region",
        "message": "",
        "suggestion": "did you mean 'uusimaa'?",
    }


def test_json_on_success_is_still_json(minimal: Path) -> None:
    result = run_cli("check", "--root", minimal, "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["problems"] == []


def test_bom_and_crlf_are_fine(minimal: Path) -> None:
    path = minimal / DOC
    text = path.read_text()
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert run_cli("check", "--root", minimal).returncode == 0
    # and positions still count lines the editor's way
    path.write_bytes(
        b"\xef\xbb\xbf" + text.replace("uusimaa\n", "uusima\n").replace("\n", "\r\n").encode()
    )
    result = run_cli("check", "--root", minimal, "--format", "json")
    assert [(p["line"], p["column"]) for p in json.loads(result.stdout)["problems"]] == [(5, 9)]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("check", "--root", tmp_path / "nope").returncode == 2
    assert run_cli("frobnicate").returncode == 2
    assert run_cli("check", "--format", "xml").returncode == 2
    empty = run_cli("check", "--root", tmp_path)
    assert empty.returncode == 2 and "config-missing" in empty.stdout


def test_build_py_is_soteneg_build(minimal: Path, tmp_path: Path) -> None:
    shutil.copytree(REPO / "templates", minimal / "templates")
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(minimal)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (minimal / "_site/kierrokset/2018-syksy/uusimaa/index.html").is_file()
    _break(minimal)
    assert run_cli("build", "--root", minimal).returncode == 1


def test_new_negotiation_is_valid_with_the_rounds_sections(minimal: Path) -> None:
    (minimal / DOC).unlink()
    result = run_cli(
        "new",
        "negotiation",
        "--round",
        "2018-syksy",
        "--region",
        "uusimaa",
        "--date",
        "2018-10-03",
        cwd=minimal,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = (minimal / DOC).read_text()
    assert text.startswith(
        "---\ntitle: Uusimaa – harjoitusneuvottelu, syksy 2018\ntype: negotiation\n"
        "date: 2018-10-03\n"
    )
    assert "\ndraft: true\n---\n" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Palvelujen saatavuus {theme=saatavuus}",
        "## Palvelujen integraatio {theme=integraatio}",
    ]
    assert run_cli("check", cwd=minimal).returncode == 0


def test_new_refuses_to_overwrite(minimal: Path) -> None:
    before = (minimal / DOC).read_text()
    result = run_cli(
        "new", "negotiation", "--round", "2018-syksy", "--region", "uusimaa", cwd=minimal
    )
    assert result.returncode == 2
    assert f"{DOC} on jo olemassa, eikä soteneg new korvaa tiedostoja" in result.stderr
    assert (minimal / DOC).read_text() == before


def test_new_translation_points_to_the_original(minimal: Path) -> None:
    result = run_cli(
        "new",
        "negotiation",
        "--round",
        "2018-syksy",
        "--region",
        "uusimaa",
        "--lang",
        "sv",
        "--date",
        "2018-10-03",
        cwd=minimal,
    )
    assert result.returncode == 0, result.stderr
    text = (minimal / "content/kierrokset/2018-syksy/uusimaa.sv.md").read_text()
    assert "\ntranslation_of: kierrokset/2018-syksy/uusimaa\n" in text
    assert "original_version" not in text  # never stamped until `soteneg translated`
    assert "## Tillgång till tjänster {theme=saatavuus}" in text
    assert run_cli("check", cwd=minimal).returncode == 0


def test_new_news_and_page_and_every_other_type(minimal: Path) -> None:
    commands = [
        ("news", "--title", "Neuvottelut päättyivät", "--date", "2018-11-27"),
        ("page", "--slug", "tietoa", "--date", "2018-11-27"),
        ("assessment", "--round", "2018-syksy", "--region", "lappi", "--date", "2018-10-01"),
        ("summary", "--round", "2018-syksy", "--date", "2018-12-01"),
    ]
    for args in commands:
        result = run_cli("new", *args, cwd=minimal)
        assert result.returncode == 0, result.stderr
    assert (minimal / "content/tiedotteet/2018-11-27-neuvottelut-paattyivat.md").is_file()
    assert (minimal / "content/sivut/tietoa.md").is_file()
    assert (minimal / "content/kierrokset/2018-syksy/arviot/lappi.md").is_file()
    assert (minimal / "content/kierrokset/2018-syksy/yhteenveto.md").is_file()
    assert run_cli("check", cwd=minimal).returncode == 0


def test_new_with_unknown_ids_suggests(minimal: Path) -> None:
    result = run_cli("new", "negotiation", "--round", "2018-syksy", "--region", "lapi", cwd=minimal)
    assert result.returncode == 2
    assert "aluetta 'lapi' ei ole määritelty (tarkoititko 'lappi'?)" in result.stderr
    result = run_cli("new", "negotiation", "--region", "lappi", cwd=minimal)
    assert result.returncode == 2
    assert "asiakirjatyyppi negotiation tarvitsee valitsimen --round" in result.stderr


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    # JSON Schema sees YAML dates as the strings an editor typed, nested ones too.
    return json.loads(json.dumps(front, default=lambda v: v.isoformat()))


def test_schema_lists_ids_and_accepts_every_bundled_document(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    result = run_cli("schema", "--root", REPO, "--out", out)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [
            "assessment.schema.json",
            "document.schema.json",
            "negotiation.schema.json",
            "news.schema.json",
            "page.schema.json",
            "summary.schema.json",
            "eras.schema.json",
            "kinds.schema.json",
            "parties.schema.json",
            "people.schema.json",
            "regions.schema.json",
            "rounds.schema.json",
            "themes.schema.json",
            "site.schema.json",
        ]
    )
    negotiation = json.loads((out / "negotiation.schema.json").read_text())
    props = negotiation["properties"]
    # Every unit of every era (18 regions, 23 units since 2023, 5 areas, the country);
    # which of them a round's documents may name is below.
    assert len(props["region"]["enum"]) == 18 + 23 + 5 + 1
    assert "pohjois-savo" in props["region"]["enum"]
    assert props["round"]["enum"] == ["2018-kevat", "2018-syksy", "2024-hva", "2025-hva"]
    by_round = {
        rule["if"]["properties"]["round"]["const"]: rule["then"]["properties"]["region"]["enum"]
        for rule in negotiation["allOf"]
        if "region" in rule["then"]["properties"]
    }
    # A negotiation names a unit negotiated with then: not the whole country.
    assert len(by_round["2018-syksy"]) == 18 and "uusimaa" in by_round["2018-syksy"]
    assert len(by_round["2024-hva"]) == 23 + 5 and "uusimaa" not in by_round["2024-hva"]
    assert "koko-maa" not in by_round["2024-hva"] and "hus-yhtyma" in by_round["2024-hva"]
    assert "integraatio" in props["themes"]["items"]["enum"]
    assert "antti-kuopila" in props["contacts"]["items"]["enum"]
    assert negotiation["additionalProperties"] is False

    registry_schemas = {p.name: json.loads(p.read_text()) for p in out.iterdir()}
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (name, Resource.from_contents(s)) for name, s in registry_schemas.items()
    )
    validator = jsonschema.Draft202012Validator(
        registry_schemas["document.schema.json"], registry=registry
    )
    docs = sorted((REPO / "content").rglob("*.md"))
    assert len(docs) >= 15
    for path in docs:
        errors = list(validator.iter_errors(_front_matter(path)))
        assert errors == [], f"{path}: {errors[0].message}"
    bad = _front_matter(REPO / DOC) | {"region": "uusima", "colour": "red"}
    assert len(list(validator.iter_errors(bad))) >= 2
    # JSON Schema sees dates as the strings an editor typed.
    site = json.loads(json.dumps(yaml.safe_load((REPO / "site.yaml").read_text()), default=str))
    jsonschema.validate(site, registry_schemas["site.schema.json"])


def test_new_refuses_a_slug_that_is_a_path(minimal: Path, tmp_path: Path) -> None:
    result = run_cli("new", "page", "--slug", "../../../x", "--root", minimal)
    assert result.returncode == 2 and "--slug" in result.stderr
    assert not list(tmp_path.rglob("x.md"))


def test_the_command_line_loads_no_heavy_library_before_it_needs_one() -> None:
    """A build with nothing to do stops before checking anything: the command line must
    not import pydantic, Jinja, WeasyPrint or the Markdown parser just to start (they
    cost 0.3 s, more than the whole no-op build)."""
    code = (
        "import sys, soteneg.cli.app, soteneg.cli.building, soteneg.build.cache; "
        "heavy = ('pydantic', 'jinja2', 'weasyprint', 'markdown_it', 'pypdf'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_progress_bar_still_shows_on_a_terminal() -> None:
    import io

    from rich.console import Console

    from soteneg.cli.building import _Bar

    out = io.StringIO()
    bar = _Bar(Console(file=out, force_terminal=True, width=80), "en")
    bar.start(2)
    bar.advance("a.pdf")
    bar.stop()
    assert "1/2" in out.getvalue()
