"""The command line: parse arguments, run a command, print, exit. Only soteneg.cli
prints.

Exit codes: 0 success, 1 content problems, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from soteneg.cli.building import cmd_build, cmd_check, cmd_serve
from soteneg.cli.common import EXIT_USAGE, UsageError
from soteneg.cli.editing import cmd_new, cmd_schema, cmd_status, cmd_translated
from soteneg.core.names import DOCUMENT_TYPES, LANGS
from soteneg.core.problems import FORMATS, visible


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
            p.add_argument(
                "--lang",
                choices=LANGS,
                help="language of problem messages (default: the site's default_lang); "
                "codes stay the same in every language",
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
    check.add_argument("--now", metavar="TIME", help="as for build")
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
        help="the moment embargoes (publish_at) are judged against, e.g. 2030-01-01T09:00 "
        "(Helsinki time unless it names its offset); default: the clock. "
        "SOURCE_DATE_EPOCH is not used for this: it is a commit's date, which its author chose",
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

    translated = sub.add_parser(
        "translated",
        help="mark a translation as up to date with its original",
        description="Write into FILE's front matter (original_version) which version of "
        "its original it now translates. `check` warns when the original changes "
        "afterwards. Nothing else in the file changes.",
    )
    translated.add_argument("file", metavar="FILE", help="the translation, e.g. content/x.sv.md")
    common(translated, formats=False)
    translated.set_defaults(run=cmd_translated)

    status = sub.add_parser(
        "status",
        help="list translations: up to date, outdated or missing",
        description="For every original and every other language of the site: whether "
        "its translation is up-to-date, outdated (the original changed since it was "
        "stamped), unknown (never stamped) or missing.",
    )
    status.add_argument(
        "--translations",
        action="store_true",
        required=True,
        help="the translations' state (the only status there is today)",
    )
    status.add_argument("--format", choices=("human", "json"), default="human")
    common(status, formats=False)
    status.set_defaults(run=cmd_status)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = Console(highlight=False, soft_wrap=True)
    try:
        return int(args.run(args, console))
    except UsageError as err:
        Console(stderr=True, highlight=False).print(
            Text(visible(f"soteneg: error: {err}"), style="red")
        )
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
