"""`check`, `build` and `serve`: the commands that read the whole project."""

from __future__ import annotations

import argparse
import os
import time
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
from soteneg.build.settings import PdfOptions, Settings
from soteneg.build.state_trust import state_problem
from soteneg.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    UsageError,
    message_lang,
    now_of,
    print_problems,
    root_dir,
    say_line,
)
from soteneg.core.options import BuildOptions
from soteneg.core.text import Text as Phrase
from soteneg.core.text import say
from soteneg.packets.shard import Shard


def cmd_check(args: argparse.Namespace, console: Console) -> int:
    from soteneg import pipeline

    result = pipeline.check(root_dir(args.root), pdf=not args.no_pdf)
    config = result.content.config
    lang = message_lang(args.lang, config.default_lang if config else None)
    print_problems(result.problems, dict(result.content.texts), args.format, console, lang)
    if result.config_failed:
        return EXIT_USAGE
    if result.failed:
        return EXIT_PROBLEMS
    if args.format == "human":
        count = len(result.content.documents)
        warnings = sum(p.severity == "warning" for p in result.problems)
        if warnings:
            say_line(say("@ok-with-warnings", documents=count, warnings=warnings), lang, console)
        else:
            say_line(say("@ok", documents=count), lang, console)
    return EXIT_OK


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
    root = root_dir(args.root)
    now = now_of(args.now)
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
    jobs = args.jobs or os.cpu_count() or 1
    bar = _Bar(console) if args.format == "human" and console.is_terminal else None
    pdf_options = None if args.no_pdf else PdfOptions(jobs, bar, shard)
    options = BuildOptions(drafts=args.drafts, now=now)
    settings = Settings(options, pdf_options, with_search=not args.no_search, jobs=jobs)
    # Before the cache is read, even to see nothing changed.
    refused = state_problem(root, out if out is not None else build_cache.configured_output(root))
    if refused is not None:
        print_problems([refused], {}, args.format, console, message_lang(args.lang, None))
        return EXIT_USAGE
    if _nothing_changed(root, out, settings, args, console, started):
        return EXIT_OK
    # Loaded only now: a build with nothing to do should not wait for it.
    from soteneg import pipeline

    try:
        result = pipeline.build_as(root, out, settings)
    finally:
        if bar:
            bar.stop()
    lang = message_lang(args.lang, result.default_lang)
    print_problems(result.problems, dict(result.check.content.texts), args.format, console, lang)
    if result.check.config_failed or any(p.code == "output-error" for p in result.problems):
        return EXIT_USAGE
    if result.failed or result.out is None:
        return EXIT_PROBLEMS
    if args.format == "human":
        seconds = time.perf_counter() - started
        if result.unchanged:
            line = say("@nothing-changed", files=result.files, out=str(result.out), s=_s(seconds))
        else:
            line = say(
                "@built",
                files=result.files,
                out=str(result.out),
                s=f"{seconds:.1f}",
                written=len(result.written),
                removed=len(result.removed),
            )
        if result.stats is not None:
            stats = result.stats
            line += say(
                "@built-pdfs", printed=stats.printed, pages=stats.pages, reused=stats.reused
            )
            if stats.elsewhere:
                line += say("@built-pdfs-elsewhere", count=stats.elsewhere)
        if result.external_links:
            line += _external(result.external_links, result.out)
        say_line(line, lang, console)
    return EXIT_OK


def _nothing_changed(
    root: Path,
    out: Path | None,
    settings: Settings,
    args: argparse.Namespace,
    console: Console,
    started: float,
) -> bool:
    """Report and say True when the previous build into the output is still all true
    (Cache.last_build_holds): no input changed, no embargo ended, the output is intact.
    The build would find the same (Run.stop_if_unchanged); this answers without loading
    the rest of soteneg."""
    target = out if out is not None else build_cache.configured_output(root)
    if target is None or not lock_file(target).exists():
        return False
    cache = build_cache.Cache.on_disk(target, build_cache.cache_key(settings))
    stamps = build_cache.input_stamps(root)
    inputs = cache.last_build_holds(target, stamps, settings.options.now)
    if inputs is None:
        return False
    lang = message_lang(args.lang, inputs.default_lang)
    print_problems(inputs.warnings, inputs.texts, args.format, console, lang)
    if args.format == "human":
        seconds = time.perf_counter() - started
        line = say("@nothing-changed", files=inputs.files, out=str(target), s=_s(seconds))
        if inputs.external_links:
            line += _external(inputs.external_links, target)
        say_line(line, lang, console)
    return True


def _s(seconds: float) -> str:
    return f"{seconds:.2f}"


def _external(count: int, out: Path) -> Phrase:
    report = cache_dir(out) / build_cache.EXTERNAL_LINKS
    return say("@built-external-links", count=count, report=str(report))


def cmd_serve(args: argparse.Namespace, console: Console) -> int:
    from soteneg.editors import serve

    root = root_dir(args.root)
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
            crashed = say("@preview-crashed", time=stamp).in_(state.lang)
            console.print(Text(crashed, style="bold red"))
            console.print(state.crash, markup=False, highlight=False)
            return
        print_problems(state.problems, state.texts, "human", console, state.lang)
        style = "red" if state.failed else "green"
        said = {"time": stamp, "build": state.builds, "s": _s(state.seconds)}
        if state.failed:
            line = say("@preview-build-failed", **said)
        else:
            line = say("@preview-build-ok", **said)
        console.print(Text(line.in_(state.lang), style=style))

    def ready(url: str) -> None:
        console.print(Text(f"preview at {url} (drafts shown; Ctrl+C stops)", style="bold"))

    try:
        # Without --now each rebuild asks the clock: an embargo ends during the preview too.
        now = now_of(args.now) if args.now else None
        serve.run(root, args.host, args.port, now, report, ready)
    except OSError as err:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {err.strerror}") from None
    except KeyboardInterrupt:
        pass
    return EXIT_OK
