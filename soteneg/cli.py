"""The command line: parse arguments, run a pipeline step, print, exit. Nothing else prints.

Exit codes: 0 success, 1 content problems, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from soteneg.build import cache as build_cache
from soteneg.build.output import cache_dir, lock_file
from soteneg.core.names import DOCUMENT_TYPES, HELSINKI, LANGS
from soteneg.core.problems import (
    FORMATS,
    Problem,
    format_github,
    format_human,
    format_json,
)
from soteneg.packets.shard import Shard

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how soteneg was called, not in the content."""


def _root(value: str) -> Path:
    root = Path(value).resolve()
    if not root.is_dir():
        raise UsageError(f"--root {value}: no such directory")
    return root


def _source_lines(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    @cache
    def lines(file: str) -> list[str] | None:
        text = texts.get(file)
        return None if text is None else text.split("\n")

    def line(file: str, number: int) -> str | None:
        found = lines(file)
        return found[number - 1] if found and 0 < number <= len(found) else None

    return line


def _report(problems: list[Problem], texts: dict[str, str], fmt: str, console: Console) -> None:
    if fmt == "json":
        print(format_json(problems))
    elif fmt == "github":
        if problems:
            print(format_github(problems))
    elif problems:
        for row in format_human(problems, _source_lines(texts)).split("\n"):
            style = "bold red" if "error[" in row else "yellow" if "warning[" in row else None
            console.print(Text(row, style=style), soft_wrap=True)


def cmd_check(args: argparse.Namespace, console: Console) -> int:
    from soteneg import pipeline

    result = pipeline.check(_root(args.root), pdf=not args.no_pdf)
    _report(result.problems, dict(result.content.texts), args.format, console)
    if result.config_failed:
        return EXIT_USAGE
    if result.failed:
        return EXIT_PROBLEMS
    if args.format == "human":
        count = len(result.content.documents)
        warnings = sum(p.severity == "warning" for p in result.problems)
        verdict = f"no errors, {warnings} warning(s)" if warnings else "no problems"
        console.print(Text(f"ok: {count} documents, {verdict}", style="green"))
    return EXIT_OK


def _now(value: str | None) -> dt.datetime:
    """The build's "now", for embargoes: --now, else SOURCE_DATE_EPOCH, else the clock."""
    if value:
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            raise UsageError(f"--now {value}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None
        return moment if moment.tzinfo else moment.replace(tzinfo=HELSINKI)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError):
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch}: not a number of seconds") from None
    return dt.datetime.now(tz=dt.UTC)


class _Bar:
    """A rich progress bar for printing PDFs, shown only on a terminal."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            TextColumn("printing PDFs"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self.task: TaskID | None = None

    def start(self, total: int) -> None:
        if total:
            self.progress.start()
            self.task = self.progress.add_task("pdf", total=total)

    def advance(self, path: str) -> None:
        if self.task is not None:
            self.progress.advance(self.task)

    def stop(self) -> None:
        self.progress.stop()


def cmd_build(args: argparse.Namespace, console: Console) -> int:
    root = _root(args.root)
    now = _now(args.now)
    out = Path(args.out).absolute() if args.out else None
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    try:
        shard = Shard.parse(args.shard) if args.shard else None
    except ValueError as err:
        raise UsageError(f"--shard: {err}") from err
    if shard and args.no_pdf:
        raise UsageError("--shard splits the PDFs; it makes no sense with --no-pdf")
    started = time.perf_counter()
    if _nothing_changed(root, out, now, shard, args, console, started):
        return EXIT_OK
    # Loaded only now: a build with nothing to do should not wait for them.
    from soteneg import pipeline
    from soteneg.build.printing import PdfOptions
    from soteneg.site.index import BuildOptions

    options = BuildOptions(drafts=args.drafts, now=now)
    jobs = args.jobs or os.cpu_count() or 1
    bar = _Bar(console) if args.format == "human" and console.is_terminal else None
    pdf_options = None if args.no_pdf else PdfOptions(jobs, bar, shard)
    try:
        result = pipeline.build(
            root, out, options, pdf_options, with_search=not args.no_search, jobs=jobs
        )
    finally:
        if bar:
            bar.stop()
    _report(result.problems, dict(result.check.content.texts), args.format, console)
    if result.check.config_failed or any(p.code == "output-error" for p in result.problems):
        return EXIT_USAGE
    if result.failed or result.out is None:
        return EXIT_PROBLEMS
    if args.format == "human":
        seconds = time.perf_counter() - started
        if result.unchanged:
            line = f"nothing changed: {result.files} files in {result.out} ({seconds:.2f} s)"
        else:
            line = (
                f"built {result.files} files into {result.out} in {seconds:.1f} s "
                f"({len(result.written)} written, {len(result.removed)} removed)"
            )
        if result.stats is not None:
            stats = result.stats
            line += (
                f"; PDFs: {stats.printed} printed ({stats.pages} pages), {stats.reused} unchanged"
            )
            if stats.elsewhere:
                line += f", {stats.elsewhere} left to other shards"
        if result.external_links:
            report = cache_dir(result.out) / build_cache.EXTERNAL_LINKS
            line += f"; {result.external_links} external links listed in {report}"
        console.print(Text(line, style="green"))
    return EXIT_OK


def _nothing_changed(
    root: Path,
    out: Path | None,
    now: dt.datetime,
    shard: Shard | None,
    args: argparse.Namespace,
    console: Console,
    started: float,
) -> bool:
    """Report and say True when the previous build into the output is still all true
    (build_cache.unchanged): no input changed, no embargo ended, the output is intact."""
    target = out if out is not None else build_cache.configured_output(root)
    if target is None or not lock_file(target).exists():
        return False
    key = build_cache.cache_key(
        args.drafts, None, not args.no_pdf, not args.no_search, False, str(shard or "")
    )
    inputs = build_cache.unchanged(target, key, build_cache.input_stamps(root), now)
    if inputs is None:
        return False
    _report(inputs.warnings, inputs.texts, args.format, console)
    if args.format == "human":
        seconds = time.perf_counter() - started
        line = f"nothing changed: {inputs.files} files in {target} ({seconds:.2f} s)"
        if inputs.external_links:
            report = cache_dir(target) / build_cache.EXTERNAL_LINKS
            line += f"; {inputs.external_links} external links listed in {report}"
        console.print(Text(line, style="green"))
    return True


def cmd_serve(args: argparse.Namespace, console: Console) -> int:
    from soteneg.editors import serve

    root = _root(args.root)
    if not serve.is_loopback(args.host) and not args.public:
        raise UsageError(
            f"--host {args.host} would show unpublished drafts to other machines; the "
            "preview listens on loopback only unless you also pass --public"
        )
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: not a port number")

    def report(state: serve.State) -> None:
        stamp = time.strftime("%H:%M:%S")
        if state.crash:
            console.print(
                Text(f"{stamp} soteneg crashed; the traceback is in the browser", style="bold red")
            )
            console.print(state.crash, markup=False, highlight=False)
            return
        _report(state.problems, state.texts, "human", console)
        style = "red" if state.failed else "green"
        verdict = "problems: see above or in the browser" if state.failed else "ok"
        console.print(
            Text(f"{stamp} build {state.builds}: {verdict} ({state.seconds:.2f} s)", style=style)
        )

    def ready(url: str) -> None:
        console.print(Text(f"preview at {url} (drafts shown; Ctrl+C stops)", style="bold"))

    try:
        serve.run(root, args.host, args.port, _now(args.now), report, ready)
    except OSError as err:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {err.strerror}") from None
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def cmd_schema(args: argparse.Namespace, console: Console) -> int:
    from soteneg import pipeline
    from soteneg.editors import schema

    result = pipeline.check(_root(args.root), pdf=False)
    if result.config_failed:
        _report(result.problems, dict(result.content.texts), "human", console)
        return EXIT_USAGE
    data, config = result.content.data, result.content.config
    languages = config.languages if config is not None else None
    documents = schema.document_schemas(data, result.content.documents, languages=languages)
    files = schema.render({**documents, **schema.data_schemas(data)})
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    console.print(f"wrote {len(files)} schemas to {out}/")
    return EXIT_OK


def cmd_new(args: argparse.Namespace, console: Console) -> int:
    from soteneg import pipeline
    from soteneg.editors import scaffold

    root = _root(args.root)
    result = pipeline.check(root, pdf=False)
    if result.config_failed:
        _report(result.problems, dict(result.content.texts), "human", console)
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
    translation_of = None
    if args.lang != "fi":
        original = rel.removeprefix("content/").removesuffix(f".{args.lang}.md")
        if any(d.id == original for d in result.content.documents):
            translation_of = original
    text = scaffold.skeleton(request, data, translation_of)
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
    console.print(f"wrote {rel}")
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="soteneg",
        description="Validate and publish the STM–region negotiation documents.",
        epilog="Exit codes: 0 success, 1 content problems, 2 usage or configuration error.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser, formats: bool = True) -> None:
        p.add_argument(
            "--root",
            default=".",
            metavar="DIR",
            help="the project folder (default: the current folder)",
        )
        if formats:
            p.add_argument(
                "--format",
                choices=FORMATS,
                default="human",
                help="how problems are printed (default: human)",
            )

    check = sub.add_parser(
        "check",
        help="validate content and data; write nothing",
        description="Validate every document, data file and site.yaml, "
        "and report all problems at once. The print fonts site.yaml names must be "
        "installed, as for a build with PDFs, unless --no-pdf is given.",
    )
    common(check)
    check.add_argument(
        "--no-pdf",
        action="store_true",
        help="validate for a build without PDFs: the print fonts need not be installed",
    )
    check.set_defaults(run=cmd_check)

    build = sub.add_parser(
        "build",
        help="validate, then build the static site",
        description="Validate the project and build the site. Only what changed since the "
        "last build is redone, using the cache beside the output folder (.<out>.cache, safe "
        "to delete); nothing is written unless every check passed.",
    )
    common(build)
    build.add_argument(
        "--out",
        metavar="DIR",
        help="output folder (default: 'output' in site.yaml, normally _site)",
    )
    build.add_argument("--drafts", action="store_true", help="include documents with draft: true")
    build.add_argument("--no-pdf", action="store_true", help="build the HTML site only")
    build.add_argument(
        "--no-search", action="store_true", help="do not build the Pagefind search index"
    )
    build.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="processes for rendering pages and printing PDFs (default: all cores)",
    )
    build.add_argument(
        "--shard",
        metavar="K/N",
        help="print only the K-th of N equal shares of the PDFs (for a CI job matrix; "
        "the HTML site is built whole and links to every PDF)",
    )
    build.add_argument(
        "--now",
        metavar="TIME",
        help="the moment embargoes (publish_at) are judged against; "
        "default: SOURCE_DATE_EPOCH, else the clock",
    )
    build.set_defaults(run=cmd_build)

    serve_ = sub.add_parser(
        "serve",
        help="live-reloading preview for editors",
        description="Build the site (drafts included), serve it, and rebuild and reload "
        "the browser on every save. Problems are shown over the page.",
    )
    serve_.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    serve_.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve_.add_argument(
        "--public", action="store_true", help="allow a --host that other machines can reach"
    )
    serve_.add_argument("--now", metavar="TIME", help="as for build")
    common(serve_, formats=False)
    serve_.set_defaults(run=cmd_serve)

    new = sub.add_parser(
        "new",
        help="write a valid skeleton document",
        description="Write a new document with valid front matter and, for "
        "round documents, the round's theme sections in order. Never "
        "overwrites an existing file.",
    )
    new.add_argument(
        "type", choices=DOCUMENT_TYPES, metavar="TYPE", help="one of: " + ", ".join(DOCUMENT_TYPES)
    )
    new.add_argument("--round", help="round id, e.g. 2018-syksy")
    new.add_argument("--region", help="region id, e.g. uusimaa")
    new.add_argument("--lang", choices=LANGS, default="fi", help="language (default: fi)")
    new.add_argument("--title", help="title (default: from region and round)")
    new.add_argument("--slug", help="file name for news and pages (default: from --title)")
    new.add_argument("--date", help="date YYYY-MM-DD (default: today)")
    common(new, formats=False)
    new.set_defaults(run=cmd_new)

    sch = sub.add_parser(
        "schema",
        help="write JSON Schema files for editors",
        description="Write JSON Schema for each document type, the data "
        "files and site.yaml, with the project's ids as allowed values.",
    )
    sch.add_argument(
        "--out",
        default="schema",
        metavar="DIR",
        help="where to write the schemas (default: schema/)",
    )
    common(sch, formats=False)
    sch.set_defaults(run=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = Console(highlight=False, soft_wrap=True)
    try:
        return int(args.run(args, console))
    except UsageError as err:
        Console(stderr=True, highlight=False).print(Text(f"soteneg: error: {err}", style="red"))
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
