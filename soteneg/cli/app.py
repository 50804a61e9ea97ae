"""The command line: parse arguments, run a command, print, exit. Only soteneg.cli
prints, and it prints in the editor's language (cli/words.py): every `--help`,
argparse's own messages, usage errors and what each command says come from the
catalogue (soteneg/core/messages/commands.py).

Exit codes: 0 success, 1 content problems, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from soteneg.cli.building import cmd_build, cmd_check, cmd_serve
from soteneg.cli.common import EXIT_USAGE, UsageError, whole_number
from soteneg.cli.editing import cmd_cms, cmd_new, cmd_schema, cmd_status, cmd_translated
from soteneg.cli.plain import standard_output
from soteneg.cli.words import argparse_in, interface_lang
from soteneg.core.names import DOCUMENT_TYPES, LANGS
from soteneg.core.problems import FORMATS, visible
from soteneg.core.text import say


def _choices(values: Sequence[str]) -> str:
    return ", ".join(values)


def _parser(lang: str) -> argparse.ArgumentParser:
    """The parser, every word of it in `lang`. Made inside `argparse_in(lang)`: argparse
    names its own groups and `--help` while it is made."""
    folder = say("@cli.metavar.folder").in_(lang)
    moment = say("@cli.metavar.time").in_(lang)
    parser = argparse.ArgumentParser(
        prog="soteneg",
        description=say("@cli.description").in_(lang),
        epilog=say("@cli.epilog").in_(lang),
    )
    sub = parser.add_subparsers(
        dest="command", required=True, metavar=say("@cli.metavar.command").in_(lang)
    )

    def command(name: str, help: str, description: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=description)

    def common(p: argparse.ArgumentParser, formats: bool = True) -> None:
        p.add_argument("--root", default=".", metavar=folder, help=say("@cli.root").in_(lang))
        if formats:
            p.add_argument(
                "--format",
                choices=FORMATS,
                default="human",
                help=say("@cli.format", choices=_choices(FORMATS)).in_(lang),
            )
        p.add_argument(
            "--lang", choices=LANGS, help=say("@cli.lang", choices=_choices(LANGS)).in_(lang)
        )

    def now(p: argparse.ArgumentParser) -> None:
        p.add_argument("--now", metavar=moment, help=say("@cli.now").in_(lang))

    check = command(
        "check", say("@cli.check.help").in_(lang), say("@cli.check.description").in_(lang)
    )
    common(check)
    check.add_argument("--no-pdf", action="store_true", help=say("@cli.check.no-pdf").in_(lang))
    now(check)
    check.set_defaults(run=cmd_check)

    build = command(
        "build",
        say("@cli.build.help").in_(lang),
        say("@cli.build.description", cache=_cache_folder()).in_(lang),
    )
    common(build)
    build.add_argument("--out", metavar=folder, help=say("@cli.out").in_(lang))
    build.add_argument("--drafts", action="store_true", help=say("@cli.drafts").in_(lang))
    build.add_argument("--no-pdf", action="store_true", help=say("@cli.build.no-pdf").in_(lang))
    build.add_argument("--no-search", action="store_true", help=say("@cli.no-search").in_(lang))
    build.add_argument(
        "--jobs", type=whole_number(lang), metavar="N", help=say("@cli.jobs").in_(lang)
    )
    build.add_argument("--shard", metavar="K/N", help=say("@cli.shard").in_(lang))
    now(build)
    build.set_defaults(run=cmd_build)

    serve_ = command(
        "serve", say("@cli.serve.help").in_(lang), say("@cli.serve.description").in_(lang)
    )
    serve_.add_argument(
        "--host",
        default="127.0.0.1",
        metavar=say("@cli.metavar.host").in_(lang),
        help=say("@cli.host").in_(lang),
    )
    serve_.add_argument(
        "--port",
        type=whole_number(lang),
        default=8000,
        metavar=say("@cli.metavar.port").in_(lang),
        help=say("@cli.port").in_(lang),
    )
    serve_.add_argument("--public", action="store_true", help=say("@cli.public").in_(lang))
    serve_.add_argument("--cms", action="store_true", help=say("@cli.serve.cms").in_(lang))
    now(serve_)
    common(serve_, formats=False)
    serve_.set_defaults(run=cmd_serve)

    new = command("new", say("@cli.new.help").in_(lang), say("@cli.new.description").in_(lang))
    new.add_argument(
        "type",
        choices=DOCUMENT_TYPES,
        metavar=say("@cli.metavar.type").in_(lang),
        help=say("@cli.new.type", choices=_choices(DOCUMENT_TYPES)).in_(lang),
    )
    new.add_argument(
        "--round",
        metavar=say("@cli.metavar.round").in_(lang),
        help=say("@cli.new.round").in_(lang),
    )
    new.add_argument(
        "--region",
        metavar=say("@cli.metavar.region").in_(lang),
        help=say("@cli.new.region").in_(lang),
    )
    new.add_argument(
        "--issuer",
        metavar=say("@cli.metavar.issuer").in_(lang),
        help=say("@cli.new.issuer").in_(lang),
    )
    new.add_argument(
        "--title",
        metavar=say("@cli.metavar.title").in_(lang),
        help=say("@cli.new.title").in_(lang),
    )
    new.add_argument(
        "--slug",
        metavar=say("@cli.metavar.slug").in_(lang),
        help=say("@cli.new.slug").in_(lang),
    )
    new.add_argument(
        "--date",
        metavar=say("@cli.metavar.date").in_(lang),
        help=say("@cli.new.date").in_(lang),
    )
    new.add_argument("--root", default=".", metavar=folder, help=say("@cli.root").in_(lang))
    new.add_argument(
        "--lang",
        choices=LANGS,
        help=say("@cli.new.lang", choices=_choices(LANGS)).in_(lang),
    )
    new.set_defaults(run=cmd_new)

    sch = command(
        "schema", say("@cli.schema.help").in_(lang), say("@cli.schema.description").in_(lang)
    )
    sch.add_argument(
        "--out", default="schema", metavar=folder, help=say("@cli.schema.out").in_(lang)
    )
    common(sch, formats=False)
    sch.set_defaults(run=cmd_schema)

    cms = command(
        "cms",
        say("@cli.cms.help").in_(lang),
        say("@cli.cms.description", folder="admin/").in_(lang),
    )
    cms.add_argument("--out", default="admin", metavar=folder, help=say("@cli.cms.out").in_(lang))
    cms.add_argument(
        "--github",
        metavar=say("@cli.metavar.repo").in_(lang),
        help=say("@cli.cms.github").in_(lang),
    )
    common(cms, formats=False)
    cms.set_defaults(run=cmd_cms)

    file = say("@cli.metavar.file").in_(lang)
    translated = command(
        "translated",
        say("@cli.translated.help").in_(lang),
        say("@cli.translated.description", file=file).in_(lang),
    )
    translated.add_argument("file", metavar=file, help=say("@cli.translated.file").in_(lang))
    common(translated, formats=False)
    translated.set_defaults(run=cmd_translated)

    status = command(
        "status", say("@cli.status.help").in_(lang), say("@cli.status.description").in_(lang)
    )
    status.add_argument(
        "--translations",
        action="store_true",
        required=True,
        help=say("@cli.status.translations").in_(lang),
    )
    status.add_argument(
        "--format",
        choices=("human", "json"),
        default="human",
        help=say("@cli.status.format", choices="human, json").in_(lang),
    )
    common(status, formats=False)
    status.set_defaults(run=cmd_status)
    return parser


def _cache_folder() -> str:
    """Where builds keep what they know, as --help names it."""
    from soteneg.build.output import state_root

    return str(state_root()) + "/"


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    lang = interface_lang(words)
    with argparse_in(lang):
        args = _parser(lang).parse_args(words)
    args.interface_lang = lang
    console = standard_output()
    try:
        return int(args.run(args, console))
    except UsageError as err:
        from rich.console import Console
        from rich.text import Text

        said = say("@cli.usage-error", message=err.text)
        Console(stderr=True, highlight=False, soft_wrap=True).print(
            Text(visible(said.in_(err.lang or lang)), style="red")
        )
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
