"""`new`, `schema`, `translated` and `status`: the commands that help editors write."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from soteneg.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    lang_of,
    os_reason,
    print_problems,
    root_dir,
)
from soteneg.core.problems import visible
from soteneg.core.text import say, verbatim

if TYPE_CHECKING:
    from rich.console import Console

    from soteneg.cli.plain import Plain
    from soteneg.pipeline import CheckResult


def cmd_schema(args: argparse.Namespace, console: Console | Plain) -> int:
    from rich.text import Text  # loaded when a command prints (cli/plain.py)

    from soteneg import pipeline
    from soteneg.editors import schema

    result = pipeline.check(root_dir(args.root), pdf=False)
    lang = _lang(args, result)
    if result.config_failed:
        print_problems(result.problems, dict(result.content.texts), "human", console, lang)
        return EXIT_USAGE
    data, config = result.content.data, result.content.config
    languages = config.languages if config is not None else None
    documents = schema.document_schemas(data, result.content.documents, languages=languages)
    files = schema.render({**documents, **schema.data_schemas(data)})
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(
            say("@cli.cannot-create", folder=str(out), reason=os_reason(err)), lang
        ) from None
    for name, text in files.items():
        try:
            (out / name).write_text(text, encoding="utf-8")
        except OSError as err:
            reason = os_reason(err)
            raise UsageError(
                say("@cli.cannot-write", file=str(out / name), reason=reason), lang
            ) from None
    said = say("@cli.wrote-schemas", count=len(files), out=str(out))
    console.print(Text(visible(said.in_(lang))))
    return EXIT_OK


def cmd_new(args: argparse.Namespace, console: Console | Plain) -> int:
    from rich.text import Text  # loaded when a command prints (cli/plain.py)

    from soteneg import pipeline
    from soteneg.editors import scaffold

    root = root_dir(args.root)
    result = pipeline.check(root, pdf=False)
    config = result.content.config
    lang = _lang(args, result)
    if result.config_failed or config is None:
        print_problems(result.problems, dict(result.content.texts), "human", console, lang)
        return EXIT_USAGE
    try:
        date = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise UsageError(say("@new.date-invalid", value=args.date), lang) from None
    request = scaffold.Request(
        type=args.type,
        lang=args.lang or config.default_lang,
        date=date,
        round=args.round,
        region=args.region,
        title=args.title,
        slug=args.slug,
        default_lang=config.default_lang,
        issuer=args.issuer,
    )
    data = result.content.data
    try:
        rel = scaffold.document_path(request, data)
    except scaffold.ScaffoldError as err:
        raise UsageError(err.text, lang) from None
    translation_of = None
    if request.lang != config.default_lang:
        original = rel.removeprefix("content/").removesuffix(f".{request.lang}.md")
        found = [d for d in result.content.documents if d.id == original]
        if found:
            translation_of = original
    documents = result.content.documents
    text = scaffold.skeleton(request, data, translation_of, dt.date.today(), documents)
    target = root / rel
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:  # a file where the folder should be, a read-only checkout
        folder = rel.rpartition("/")[0]
        raise UsageError(
            say("@cli.cannot-create", folder=folder, reason=os_reason(err)), lang
        ) from None
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        exists = say("@new.exists", file=rel)
        raise UsageError(
            exists + verbatim(" (") + say("@new.exists:hint") + verbatim(")"), lang
        ) from None
    except OSError as err:
        raise UsageError(say("@cli.cannot-write", file=rel, reason=os_reason(err)), lang) from None
    console.print(Text(visible(say("@new.wrote", file=rel).in_(lang)), style="green"))
    console.print(Text(say("@new.next").in_(lang)))
    return EXIT_OK


def cmd_translated(args: argparse.Namespace, console: Console | Plain) -> int:
    """Stamp a translation with the version of its original: "this translation now says
    what the original says"."""
    from rich.text import Text  # loaded when a command prints (cli/plain.py)

    from soteneg import pipeline
    from soteneg.content.freshness import version_of
    from soteneg.editors.translations import StampError, find, stamped

    root = root_dir(args.root)
    result = pipeline.check(root, pdf=False)
    lang = _lang(args, result)
    if result.config_failed:
        print_problems(result.problems, dict(result.content.texts), "human", console, lang)
        return EXIT_USAGE
    documents = result.content.documents
    try:
        doc = find(documents, args.file, root)
        assert doc.meta is not None
        if doc.meta.translation_of is None:
            raise StampError(say("@translated.not-a-translation", file=doc.file))
        original = next((d for d in documents if d.id == doc.meta.translation_of), None)
        if original is None:
            invalid = say(
                "@translated.original-invalid", file=doc.file, original=doc.meta.translation_of
            )
            raise StampError(invalid)
        version = version_of(original)
        path = root / doc.file
        # newline="": the file's own line ends are kept, CRLF included.
        with path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        new_text = stamped(text, version)
    except StampError as err:
        raise UsageError(err.text, lang) from None
    except UnicodeDecodeError:
        raise UsageError(
            say("@cli.cannot-read", file=args.file, reason=say("@cli.not-utf8")), lang
        ) from None
    except OSError as err:
        raise UsageError(
            say("@cli.cannot-read", file=args.file, reason=os_reason(err)), lang
        ) from None
    if new_text == text:
        said = say("@translated.already", file=doc.file, original=original.file)
        console.print(Text(visible(said.in_(lang))))
        return EXIT_OK
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(new_text)
    except OSError as err:
        raise UsageError(
            say("@cli.cannot-write", file=doc.file, reason=os_reason(err)), lang
        ) from None
    said = say("@translated.stamped", file=doc.file, original=original.file, version=version)
    console.print(Text(visible(said.in_(lang))))
    return EXIT_OK


def cmd_status(args: argparse.Namespace, console: Console | Plain) -> int:
    """Every translation's state: up-to-date, outdated, unknown (never stamped) or
    missing, per original and language."""
    import json

    from rich.text import Text  # loaded when a command prints (cli/plain.py)

    from soteneg import pipeline
    from soteneg.content.freshness import translations
    from soteneg.editors.translations import status_rows

    result = pipeline.check(root_dir(args.root), pdf=False)
    lang = _lang(args, result)
    if result.config_failed:
        print_problems(result.problems, dict(result.content.texts), "human", console, lang)
        return EXIT_USAGE
    config = result.content.config
    assert config is not None
    rows = status_rows(translations(result.content.documents, config.languages))
    if args.format == "json":
        keys = ("original", "lang", "state", "translation")
        print(json.dumps([dict(zip(keys, row, strict=True)) for row in rows], indent=2))
        return EXIT_OK
    states = {
        "up-to-date": say("@status.up-to-date"),
        "outdated": say("@status.outdated"),
        "unknown": say("@status.unknown"),
        "missing": say("@status.missing"),
    }
    width = max(len(t.in_(lang)) for t in states.values())
    for original, doc_lang, state, translation in rows:
        word = states[state].in_(lang)
        shown = f"{doc_lang}  {word:<{width}}  {original}" + (
            f" -> {translation}" if translation else ""
        )
        console.print(Text(visible(shown), style=_STYLE[state]))
    counts = {state: sum(r[2] == state for r in rows) for state in _STYLE}
    summary = say(
        "@status.summary",
        up=counts["up-to-date"],
        outdated=counts["outdated"],
        unknown=counts["unknown"],
        missing=counts["missing"],
    )
    console.print(summary.in_(lang))
    return EXIT_OK


_STYLE = {"up-to-date": "green", "outdated": "yellow", "unknown": "", "missing": "red"}


def _lang(args: argparse.Namespace, result: CheckResult) -> str:
    config = result.content.config
    return lang_of(args, config.default_lang if config else None)


def cmd_cms(args: argparse.Namespace, console: Console | Plain) -> int:
    """Write the browser editor (Decap CMS) configured from the content model."""
    from rich.text import Text  # loaded when a command prints (cli/plain.py)

    from soteneg import pipeline
    from soteneg.editors import cms_admin

    root = root_dir(args.root)
    result = pipeline.check(root, pdf=False)
    lang = _lang(args, result)
    config = result.content.config
    if result.config_failed or config is None:
        print_problems(result.problems, dict(result.content.texts), "human", console, lang)
        return EXIT_USAGE
    out = Path(args.out)
    try:
        settings = cms_admin.write_admin(
            out, result.content.data, result.content.documents, config, args.github
        )
    except cms_admin.CmsError as err:
        raise UsageError(err.text, lang) from None
    except OSError as err:
        raise UsageError(
            say("@cli.cannot-write", file=str(out), reason=os_reason(err)), lang
        ) from None
    said = say("@cli.cms.wrote", folder=f"{out}/", collections=len(settings["collections"]))
    console.print(Text(visible(said.in_(lang))))
    return EXIT_OK
