"""`new`, `schema`, `translated` and `status`: the commands that help editors write."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from soteneg.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    message_lang,
    print_problems,
    root_dir,
)
from soteneg.core.problems import visible

if TYPE_CHECKING:
    from soteneg.pipeline import CheckResult


def cmd_schema(args: argparse.Namespace, console: Console) -> int:
    from soteneg import pipeline
    from soteneg.editors import schema

    result = pipeline.check(root_dir(args.root), pdf=False)
    if result.config_failed:
        print_problems(result.problems, dict(result.content.texts), "human", console, _lang(result))
        return EXIT_USAGE
    data, config = result.content.data, result.content.config
    languages = config.languages if config is not None else None
    documents = schema.document_schemas(data, result.content.documents, languages=languages)
    files = schema.render({**documents, **schema.data_schemas(data)})
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    console.print(Text(visible(f"wrote {len(files)} schemas to {out}/")))
    return EXIT_OK


def cmd_new(args: argparse.Namespace, console: Console) -> int:
    from soteneg import pipeline
    from soteneg.content.freshness import version_of
    from soteneg.editors import scaffold

    root = root_dir(args.root)
    result = pipeline.check(root, pdf=False)
    if result.config_failed:
        print_problems(result.problems, dict(result.content.texts), "human", console, _lang(result))
        return EXIT_USAGE
    try:
        date = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError as err:
        raise UsageError(f"--date {args.date}: {err}") from None
    request = scaffold.Request(
        type=args.type,
        lang=args.lang,
        date=date,
        round=args.round,
        region=args.region,
        title=args.title,
        slug=args.slug,
    )
    data = result.content.data
    try:
        rel = scaffold.document_path(request, data)
    except scaffold.ScaffoldError as err:
        raise UsageError(str(err)) from None
    translation_of = version = None
    if args.lang != "fi":
        original = rel.removeprefix("content/").removesuffix(f".{args.lang}.md")
        found = [d for d in result.content.documents if d.id == original]
        if found:
            translation_of, version = original, version_of(found[0])
    text = scaffold.skeleton(request, data, translation_of, version)
    target = root / rel
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:  # a file where the folder should be, a read-only checkout
        raise UsageError(
            f"cannot create {rel.rpartition('/')[0]}/: {err.strerror or err}"
        ) from None
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(f"{rel} already exists; soteneg new never overwrites a file") from None
    except OSError as err:
        raise UsageError(f"cannot write {rel}: {err.strerror or err}") from None
    console.print(Text(visible(f"wrote {rel}")))
    return EXIT_OK


def cmd_translated(args: argparse.Namespace, console: Console) -> int:
    """Stamp a translation with the version of its original: "this translation now says
    what the original says"."""
    from soteneg import pipeline
    from soteneg.content.freshness import version_of
    from soteneg.editors.translations import StampError, find, stamped

    root = root_dir(args.root)
    result = pipeline.check(root, pdf=False)
    if result.config_failed:
        print_problems(result.problems, dict(result.content.texts), "human", console, _lang(result))
        return EXIT_USAGE
    documents = result.content.documents
    try:
        doc = find(documents, args.file, root)
        assert doc.meta is not None
        if doc.meta.translation_of is None:
            raise StampError(f"{doc.file} is not a translation: it has no translation_of")
        original = next((d for d in documents if d.id == doc.meta.translation_of), None)
        if original is None:
            raise StampError(f"{doc.file}: its original {doc.meta.translation_of} is not valid")
        version = version_of(original)
        path = root / doc.file
        # newline="": the file's own line ends are kept, CRLF included.
        with path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        new_text = stamped(text, version)
    except (StampError, OSError, UnicodeDecodeError) as err:
        raise UsageError(str(err)) from None
    if new_text == text:
        console.print(
            Text(visible(f"{doc.file} already says it translates {original.file} as it is now"))
        )
        return EXIT_OK
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(new_text)
    except OSError as err:
        raise UsageError(f"cannot write {doc.file}: {err.strerror or err}") from None
    console.print(Text(visible(f"{doc.file}: translates {original.file} as it is now ({version})")))
    return EXIT_OK


def cmd_status(args: argparse.Namespace, console: Console) -> int:
    """Every translation's state: up-to-date, outdated, unknown (never stamped) or
    missing, per original and language."""
    import json

    from soteneg import pipeline
    from soteneg.content.freshness import translations
    from soteneg.editors.translations import status_rows

    result = pipeline.check(root_dir(args.root), pdf=False)
    if result.config_failed:
        print_problems(result.problems, dict(result.content.texts), "human", console, _lang(result))
        return EXIT_USAGE
    config = result.content.config
    assert config is not None
    rows = status_rows(translations(result.content.documents, config.languages))
    if args.format == "json":
        keys = ("original", "lang", "state", "translation")
        print(json.dumps([dict(zip(keys, row, strict=True)) for row in rows], indent=2))
        return EXIT_OK
    for original, lang, state, translation in rows:
        shown = f"{lang}  {state:<10}  {original}" + (f" -> {translation}" if translation else "")
        console.print(Text(visible(shown), style=_STYLE[state]))
    counts = {state: sum(r[2] == state for r in rows) for state in _STYLE}
    console.print(", ".join(f"{n} {state}" for state, n in counts.items()))
    return EXIT_OK


_STYLE = {"up-to-date": "green", "outdated": "yellow", "unknown": "", "missing": "red"}


def _lang(result: CheckResult) -> str:
    config = result.content.config
    return message_lang(None, config.default_lang if config else None)
