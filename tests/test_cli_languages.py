"""Every word of the command line in the editor's language.

Every command and every option is run in Finnish, Swedish and English: each `--help`,
argparse's own errors (a missing value, a wrong choice, an unknown option, a missing
argument), the usage errors each command raises, and what each command says when it
succeeds. The Finnish and Swedish answers may share no word with the English one, once
what is the same in every language is taken out: option names, commands, values to type,
ids, paths and codes. The list of invocations is made from the parser itself, so an
option added later is run here too.
"""

from __future__ import annotations

import argparse
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, bundled_copy, without_the_bundled_warning

from soteneg.cli import app, words
from soteneg.core.names import LANGS

# Words that are the same in every language: names of things, commands, values to
# type, units. Everything else an English answer has must not appear in the others.
SAME_EVERYWHERE = {
    # the program, its commands, their fixed values
    "soteneg", "check", "build", "serve", "new", "schema", "translated", "status", "cms",
    "human", "github", "json", "fi", "sv", "en", "negotiation", "assessment", "summary",
    "news", "page", "true", "false", "draft", "up", "to", "date", "outdated", "unknown",
    "missing",
    # names of software and formats
    "Pagefind", "PDF", "JSON", "Schema", "HTML", "CI", "Ctrl", "C", "YAML", "UTF", "Decap",
    "CMS", "STM", "npm", "SOURCE_DATE_EPOCH", "THL",
    # metavariables that are letters, and units
    "N", "K", "s", "T", "a", "z",
    # loanwords the Finnish and Swedish wording uses as well: git's word for a change
    "data", "commit",
}  # fmt: skip
# Words a language shares with English by itself.
OWN_WORDS = {
    "fi": {"on"},
    "sv": {"problem", "status", "format", "text", "id", "original", "version"},
}

LITERALS = [
    r"`[^`]*`",  # code
    r"'[^']*'",  # a value as typed: ids, paths, choices
    r"\{[^}]*\}",  # argparse's list of choices
    r"(?<![\w])--?[\w-]+",  # options
    r"\S*[/.]\S*",  # paths, file names, addresses, versions
    r"\w*_\w*",  # field names and variables: default_lang, _site, SOURCE_DATE_EPOCH
    r"\S*\d\S*",  # numbers, dates, times, ids with digits: 2018-syksy
]


def _ids() -> set[str]:
    """The bundled data's ids and their parts: 'uusimaa', 'keski', 'suomi'."""
    found = set()
    for name in ("regions", "rounds", "themes", "people"):
        text = (REPO / "content" / f"{name}.yaml").read_text(encoding="utf-8")
        for entry in re.findall(r"(?m)^- id: (\S+)", text):
            found |= {entry, *entry.split("-")}
    return found


IDS = _ids()


def prose_words(text: str) -> set[str]:
    for pattern in LITERALS:
        text = re.sub(pattern, " ", text)
    words = set(re.findall(r"[^\W\d_]+", text))
    return {w for w in words if w not in SAME_EVERYWHERE and w not in IDS}


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _english_parser() -> argparse.ArgumentParser:
    with words.argparse_in("en"):
        return app._parser("en")


# The browser editor is written only where Decap is installed (make cms; CI has it).
DECAP = (REPO / "scripts/cms/node_modules/decap-cms/dist/decap-cms.js").is_file()

# Positional arguments a command needs before its options are parsed.
NEEDS = {"new": ["page"], "translated": ["x.md"], "status": ["--translations"]}


def invocations() -> Iterator[list[str]]:
    """Every command and option: its help, and each way argparse refuses it."""
    parser = _english_parser()
    yield ["--help"]
    yield []
    yield ["no-such-command"]
    yield ["--no-such-option"]
    for name, sub in _subcommands(parser).items():
        yield [name, "--help"]
        yield [name, *NEEDS.get(name, []), "--no-such-option"]
        for action in sub._actions:
            if not action.option_strings:
                if action.required and name in NEEDS:
                    yield [name]  # the argument missing
                continue
            option = action.option_strings[-1]
            if option == "--help":
                continue
            if action.required:
                yield [name]
            if action.nargs == 0:
                continue
            yield [name, *NEEDS.get(name, []), option]  # a value missing
            if action.choices:
                yield [name, *NEEDS.get(name, []), option, "xx"]
            if action.type is not None:
                yield [name, *NEEDS.get(name, []), option, "x"]
    yield ["build", "--no"]  # ambiguous


def run(argv: list[str], lang: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = app.main([*argv, "--lang", lang])
    except SystemExit as done:
        code = int(done.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")


def _same_words(answers: dict[str, str]) -> dict[str, set[str]]:
    english = prose_words(answers["en"])
    return {lang: prose_words(answers[lang]) & english - OWN_WORDS[lang] for lang in ("fi", "sv")}


def test_the_parser_is_run_whole() -> None:
    """Guards the list: every command, every option of each."""
    runs = list(invocations())
    commands = {argv[0] for argv in runs if argv}
    assert {"check", "build", "serve", "new", "schema", "translated", "status", "cms"} <= commands
    assert ["build", "--jobs", "x"] in runs and ["serve", "--port"] in runs
    assert ["status"] in runs and ["new"] in runs and ["check", "--format", "xx"] in runs
    assert len(runs) > 60


def test_every_help_and_argparse_error_speaks_the_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no site.yaml here: only --lang chooses
    words.UNKNOWN.clear()
    untranslated: dict[str, dict[str, set[str]]] = {}
    for argv in invocations():
        answers = {}
        codes = set()
        for lang in LANGS:
            code, answers[lang] = run(argv, lang, capsys)
            codes.add(code)
        assert len(codes) == 1 and codes <= {0, 2}, (argv, answers["en"])
        assert answers["fi"] != answers["en"] != answers["sv"], argv
        found = {lang: w for lang, w in _same_words(answers).items() if w}
        if found:
            untranslated[" ".join(argv)] = found
    assert untranslated == {}
    assert not words.UNKNOWN, "argparse said something the catalogue does not have"


def _usage_errors(root: Path) -> list[list[str]]:
    r = ["--root", str(root)]
    return [
        ["check", "--root", str(root / "no-such-folder")],
        ["check", *r, "--now", "tomorrow"],
        ["build", *r, "--jobs", "0"],
        ["build", *r, "--shard", "5/4"],
        ["build", *r, "--shard", "1/2", "--no-pdf"],
        ["serve", *r, "--host", "0.0.0.0"],
        ["serve", *r, "--port", "70000"],
        ["new", "negotiation", *r],
        ["new", "negotiation", *r, "--round", "2018-syksyy"],
        ["new", "negotiation", *r, "--round", "2018-syksy"],
        ["new", "negotiation", *r, "--round", "2018-syksy", "--region", "uusima"],
        ["new", "negotiation", *r, "--round", "2024-hva", "--region", "uusimaa"],
        ["new", "negotiation", *r, "--round", "2018-syksy", "--region", "uusimaa"],
        ["new", "negotiation", *r, "--round", "2018-syksy", "--region", "lappi", "--date", "x"],
        ["new", "news", *r],
        ["new", "news", *r, "--slug", "Iso Kirjain"],
        ["new", "page", *r, "--title", " "],
        ["translated", *r, "content/no-such.sv.md"],
        ["translated", *r, "content/kierrokset/2018-syksy/uusimaa.md"],
        ["schema", *r, "--out", str(root / "site.yaml")],
    ]


def test_every_usage_error_speaks_the_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = bundled_copy(tmp_path)
    # new never overwrites: in English too, once the file is there.
    (root / "content/kierrokset/2018-syksy/uusimaa.en.md").write_text("", encoding="utf-8")
    untranslated = {}
    for argv in _usage_errors(root):
        answers = {}
        for lang in LANGS:
            code, answers[lang] = run(argv, lang, capsys)
            assert code == 2, (argv, lang, answers[lang])
        assert "Traceback" not in answers["en"]
        found = {lang: w for lang, w in _same_words(answers).items() if w}
        if found:
            untranslated[" ".join(argv)] = found
    assert untranslated == {}


def test_what_the_commands_say_when_they_succeed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    untranslated = {}
    for n, make in enumerate(_successes()):
        answers = {}
        for lang in LANGS:
            root = without_the_bundled_warning(bundled_copy(tmp_path / f"{n}-{lang}"))
            code, answers[lang] = run(make(root), lang, capsys)
            assert code == 0, (make(root), lang, answers[lang])
        found = {lang: w for lang, w in _same_words(answers).items() if w}
        if found:
            untranslated[" ".join(make(Path("ROOT")))] = found
    assert untranslated == {}


def _successes() -> list:  # type: ignore[type-arg]
    return [
        lambda r: ["check", "--root", str(r), "--no-pdf"],
        lambda r: ["new", "negotiation", "--root", str(r), "--round", "2018-syksy",
                   "--region", "keski-suomi"],
        lambda r: ["new", "news", "--root", str(r), "--title", "Neuvottelut alkavat"],
        lambda r: ["status", "--root", str(r), "--translations"],
        lambda r: ["translated", "--root", str(r), "content/kierrokset/2018-syksy/uusimaa.sv.md"],
        lambda r: ["schema", "--root", str(r), "--out", str(r / "schema")],
        lambda r: ["build", "--root", str(r), "--no-pdf", "--no-search", "--out",
                   str(r / "_out")],
        *([lambda r: ["cms", "--root", str(r), "--out", str(r / "admin")]] if DECAP else []),
    ]  # fmt: skip


def test_the_preview_says_where_it_is_in_the_language(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    said = {}
    for lang in LANGS:
        process = subprocess.Popen(
            [sys.executable, "-m", "soteneg", "serve", "--root", str(root), "--port",
             str(_free_port()), "--lang", lang],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={"COLUMNS": "200", "NO_COLOR": "1", "PATH": "/usr/bin:/bin",
                 "XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path)},
        )  # fmt: skip
        try:
            assert process.stdout is not None
            lines = []
            for line in process.stdout:
                lines.append(line)
                if "http://127.0.0.1:" in line:
                    break
            said[lang] = lines[-1]
        finally:
            process.terminate()
            process.wait(timeout=30)
    assert said["fi"].startswith("esikatselu osoitteessa http://127.0.0.1:")
    assert said["sv"].startswith("förhandsvisning på http://127.0.0.1:")
    assert _same_words(said) == {"fi": set(), "sv": set()}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_site_s_default_language_without_lang(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    config = root / "site.yaml"
    config.write_text(config.read_text().replace("default_lang: fi", "default_lang: sv"))

    def said(*argv: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "soteneg", *argv],
            capture_output=True,
            text=True,
            check=False,
            cwd=root,
        )
        return result.stdout + result.stderr

    assert said("--help").startswith("användning: soteneg")
    assert "visa den här hjälpen" in said("new", "--help")
    assert "fel: " in said("new", "negotiation")
    assert "användning: soteneg build" in said("build", "--root", str(root), "--jobs", "x")
    assert said("--help", "--lang", "en").startswith("usage: soteneg")
