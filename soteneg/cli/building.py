"""`check`, `build` and `serve`: the commands that read the whole project."""

from __future__ import annotations

import argparse
import errno
import gc
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from soteneg.build import cache as build_cache
from soteneg.build.output import cache_dir, lock_file
from soteneg.build.settings import Looked, PdfOptions, Settings
from soteneg.build.state_trust import state_problem
from soteneg.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    UsageError,
    lang_of,
    now_of,
    os_reason,
    print_problems,
    root_dir,
    say_line,
)
from soteneg.core.names import HELSINKI
from soteneg.core.options import BuildOptions
from soteneg.core.text import Text as Phrase
from soteneg.core.text import counted, decimal, say
from soteneg.packets.shard import Shard

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import TaskID

    from soteneg.cli.plain import Plain


def cmd_check(args: argparse.Namespace, console: Console | Plain) -> int:
    from soteneg import pipeline

    # Links are judged as the published site will have them: drafts left out, and
    # documents under embargo until their moment (--now, else the clock).
    options = BuildOptions(drafts=False, now=now_of(args.now))
    result = pipeline.check(root_dir(args.root), pdf=not args.no_pdf, options=options)
    config = result.content.config
    lang = lang_of(args, config.default_lang if config else None)
    print_problems(result.problems, dict(result.content.texts), args.format, console, lang)
    if result.config_failed:
        return EXIT_USAGE
    if result.failed:
        return EXIT_PROBLEMS
    if args.format == "human":
        count = len(result.content.documents)
        warnings = sum(p.severity == "warning" for p in result.problems)
        if warnings:
            documents, noted = counted("@documents", count), counted("@warnings", warnings)
            say_line(say("@ok-with-warnings", documents=documents, warnings=noted), lang, console)
        else:
            say_line(say("@ok", documents=counted("@documents", count)), lang, console)
    return EXIT_OK


class _Bar:
    """A rich progress bar for printing PDFs, shown only on a terminal."""

    def __init__(self, console: Console, lang: str) -> None:
        # Imported here: most builds run where no terminal shows a bar (CI, the preview,
        # a pipe), and rich's progress module is a sixtieth of a second of each.
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress = Progress(
            TextColumn(say("@cli.printing-pdfs").in_(lang)),
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


def cmd_build(args: argparse.Namespace, console: Console | Plain) -> int:
    root = root_dir(args.root)
    now = now_of(args.now)
    out = Path(args.out).absolute() if args.out else None
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(say("@cli.jobs-invalid", value=str(args.jobs)))
    try:
        shard = Shard.parse(args.shard) if args.shard else None
    except ValueError:
        raise UsageError(say("@cli.shard-invalid", value=args.shard)) from None
    if shard and args.no_pdf:
        raise UsageError(say("@cli.shard-without-pdf"))
    started = time.perf_counter()
    jobs = args.jobs or os.cpu_count() or 1
    human_terminal = args.format == "human" and console.is_terminal
    bar = _Bar(console, lang_of(args)) if human_terminal else None
    # The covers' print date is the build's moment only when it is stated (--now).
    printed = now.astimezone(HELSINKI).date() if args.now else None
    pdf_options = None if args.no_pdf else PdfOptions(jobs, bar, shard, printed)
    options = BuildOptions(drafts=args.drafts, now=now)
    settings = Settings(options, pdf_options, with_search=not args.no_search, jobs=jobs)
    # Before the cache is read, even to see nothing changed.
    refused = state_problem(root, out if out is not None else build_cache.configured_output(root))
    if refused is not None:
        print_problems([refused], {}, args.format, console, lang_of(args))
        return EXIT_USAGE
    looked = _nothing_changed(root, out, settings, args, console, started)
    if looked is True:
        return EXIT_OK
    # Loaded only now: a build with nothing to do should not wait for it.
    from soteneg import pipeline

    # The cyclic collector stays off while the build runs and its result is printed.
    # Turned on again at once, its first pass walked every object the build made (0.2 s
    # of one edit at 5000 documents) just before the process freed them all; so those
    # are frozen out of its reach first, and a caller that goes on (a test, a script
    # calling main) gets the collector back as it was.
    collecting = gc.isenabled()
    gc.disable()
    try:
        seen = looked if isinstance(looked, Looked) else None
        result = pipeline.build_as(root, out, settings, looked=seen)
    finally:
        if bar:
            bar.stop()
        if collecting:
            gc.freeze()
            gc.enable()
    lang = lang_of(args, result.default_lang)
    print_problems(result.problems, dict(result.check.content.texts), args.format, console, lang)
    if result.check.config_failed or any(p.code == "output-error" for p in result.problems):
        return EXIT_USAGE
    if result.failed or result.out is None:
        return EXIT_PROBLEMS
    if args.format == "human":
        seconds = time.perf_counter() - started
        if result.unchanged:
            line = say(
                "@nothing-changed",
                files=counted("@files", result.files),
                out=str(result.out),
                s=_s(seconds),
            )
        else:
            line = say(
                "@built",
                files=counted("@files", result.files),
                out=str(result.out),
                s=decimal(seconds, 1),
                written=len(result.written),
                removed=len(result.removed),
            )
        if result.stats is not None:
            stats = result.stats
            line += say(
                "@built-pdfs",
                printed=stats.printed,
                pages=counted("@pages", stats.pages),
                reused=stats.reused,
            )
            if stats.elsewhere:
                line += say("@built-pdfs-elsewhere", count=stats.elsewhere)
        if result.external_links:
            line += _external(result.external_links, result.out)
        if result.from_scratch == "interrupted":
            line += say("@built-from-scratch.interrupted", out=str(result.out))
        elif result.from_scratch == "other-cache":
            line += say("@built-from-scratch.other-cache", out=str(result.out))
        say_line(line, lang, console)
    return EXIT_OK


def _nothing_changed(
    root: Path,
    out: Path | None,
    settings: Settings,
    args: argparse.Namespace,
    console: Console | Plain,
    started: float,
) -> Looked | bool:
    """Report and say True when the previous build into the output is still all true
    (Cache.last_build_holds): no input changed, no embargo ended, the output is intact.
    The build would find the same (Run.stop_if_unchanged); this answers without loading
    the rest of soteneg. When it does not hold: what was looked at, for the build."""
    target = out if out is not None else build_cache.configured_output(root)
    if target is None or not lock_file(target).exists():
        return False
    cache = build_cache.Cache.on_disk(target, build_cache.cache_key(settings))
    stamps = build_cache.input_stamps(root)
    inputs = cache.last_build_holds(target, stamps, settings.options.now, settings.printed)
    if inputs is None:
        return Looked(target, cache, stamps)
    lang = lang_of(args, inputs.default_lang)
    print_problems(inputs.warnings, inputs.texts, args.format, console, lang)
    if args.format == "human":
        seconds = time.perf_counter() - started
        files = counted("@files", inputs.files)
        line = say("@nothing-changed", files=files, out=str(target), s=_s(seconds))
        if inputs.external_links:
            line += _external(inputs.external_links, target)
        say_line(line, lang, console)
    return True


def _s(seconds: float) -> Phrase:
    return decimal(seconds, 2)


def _external(count: int, out: Path) -> Phrase:
    report = cache_dir(out) / build_cache.EXTERNAL_LINKS
    return counted("@built-external-links", count, report=str(report))


def cmd_serve(args: argparse.Namespace, console: Console | Plain) -> int:
    from rich.text import Text

    from soteneg.editors import serve

    root = root_dir(args.root)
    if not serve.is_loopback(args.host) and not args.public:
        raise UsageError(say("@cli.host-not-public", host=args.host))
    if not 0 < args.port < 65536:
        raise UsageError(say("@cli.port-invalid", port=str(args.port)))
    spoken = {"lang": lang_of(args)}

    def report(state: serve.State) -> None:
        stamp = time.strftime("%H:%M:%S")
        lang = spoken["lang"] = lang_of(args, state.lang)
        if state.crash:
            crashed = say("@preview-crashed", time=stamp).in_(lang)
            console.print(Text(crashed, style="bold red"))
            console.print(state.crash, markup=False, highlight=False)
            return
        print_problems(state.problems, state.texts, "human", console, lang)
        style = "red" if state.failed else "green"
        said = {"time": stamp, "build": state.builds, "s": _s(state.seconds)}
        if state.failed:
            line = say("@preview-build-failed", **said)
        else:
            line = say("@preview-build-ok", **said)
        console.print(Text(line.in_(lang), style=style))

    def ready(url: str) -> None:
        console.print(Text(say("@cli.preview-at", url=url).in_(spoken["lang"]), style="bold"))

    editor = _start_editor(root, args, console) if args.cms else None
    try:
        # Without --now each rebuild asks the clock: an embargo ends during the preview too.
        now = now_of(args.now) if args.now else None
        serve.run(root, args.host, args.port, now, report, ready)
    except OSError as err:
        address = f"{args.host}:{args.port}"
        in_use = err.errno == errno.EADDRINUSE
        reason = say("@cli.port-in-use") if in_use else os_reason(err)
        raise UsageError(
            say("@cli.cannot-listen", address=address, reason=reason), spoken["lang"]
        ) from None
    except KeyboardInterrupt:
        pass
    finally:
        if editor is not None:
            editor()
    return EXIT_OK


def _start_editor(
    root: Path, args: argparse.Namespace, console: Console | Plain
) -> Callable[[], None]:
    """The browser editor beside the preview (`--cms`): its page, configured from the
    content as it is now, in a folder of its own, and its server on loopback. Returns
    what stops it."""
    import shutil
    import tempfile

    from rich.text import Text

    from soteneg import pipeline
    from soteneg.editors import cms_admin

    result = pipeline.check(root, pdf=False)
    config = result.content.config
    lang = lang_of(args, config.default_lang if config else None)
    if config is None:
        print_problems(result.problems, dict(result.content.texts), "human", console, lang)
        raise UsageError(say("@cli.cms-needs-config"), lang)
    admin = Path(tempfile.mkdtemp(prefix="soteneg-cms-"))
    try:
        cms_admin.write_admin(admin, result.content.data, result.content.documents, config)
        server = cms_admin.start_server(root, admin)  # loopback only, whatever --host says
    except cms_admin.CmsError as err:
        shutil.rmtree(admin, ignore_errors=True)
        raise UsageError(err.text, lang) from None
    url = server.url + "admin/"
    console.print(Text(say("@cli.editor-at", url=url).in_(lang), style="bold"))

    def stop() -> None:
        server.stop()
        shutil.rmtree(admin, ignore_errors=True)

    return stop
