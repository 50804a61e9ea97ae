"""What `check` and `build` answer: the content read, the problems found, what was
written. Plain values, so that the command line, the preview and tests read them alike."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from soteneg.build.printing import PrintStats
from soteneg.build.records import Inputs
from soteneg.content.loader import Content, DataSet
from soteneg.content.sources import FileData
from soteneg.core.problems import Problem, has_errors
from soteneg.site.index import Site


@dataclass(frozen=True)
class CheckResult:
    content: Content
    problems: list[Problem]  # every problem of the run, sorted by file and line
    config_failed: bool  # site.yaml is missing or invalid: a configuration error
    # Files the documents refer to (attachments, images), by path under content/.
    files: Mapping[str, FileData] = field(default_factory=dict)
    # templates/ as read and checked: the templates' text by name, the static files'
    # bytes by their path under templates/static/. Rendering uses these and nothing else.
    templates: Mapping[str, str] = field(default_factory=dict)
    static: Mapping[str, bytes] = field(default_factory=dict)
    # The site the checked build publishes, with its attached files (its links were
    # judged in it); None when site.yaml could not be read.
    site: Site | None = None
    # The digest of every front matter, site.yaml and the data files (content.graph
    # .fronts_of); empty without a cache.
    fronts: str = ""

    @property
    def failed(self) -> bool:
        return self.config_failed or has_errors(self.problems)


@dataclass(frozen=True)
class BuildResult:
    check: CheckResult
    problems: list[Problem]  # check's problems plus those of rendering and writing
    out: Path | None  # where the site was written; None when nothing was
    files: int = 0
    stats: PrintStats | None = None
    external_links: int = 0  # listed in the cache folder's external-links.txt
    site: Site | None = None  # what was built, for the preview's PDFs on request
    unchanged: bool = False  # nothing changed since the previous build: nothing was done
    written: list[str] = field(default_factory=list)  # output files written
    removed: list[str] = field(default_factory=list)  # output files deleted
    # site.yaml's default language as the last build recorded it, when nothing changed
    # and site.yaml was not read this time.
    recorded_lang: str | None = None
    # Why every page was made again though an earlier build had made the output
    # (build.from_scratch): "interrupted" or "other-cache"; None otherwise.
    from_scratch: str | None = None

    @property
    def failed(self) -> bool:
        return self.check.config_failed or has_errors(self.problems)

    @property
    def default_lang(self) -> str | None:
        """The site's default language, for messages; None if site.yaml was unreadable."""
        config = self.check.content.config
        return config.default_lang if config is not None else self.recorded_lang


def unchanged_result(
    out: Path, inputs: Inputs, site: Site | None = None, templates: Mapping[str, str] | None = None
) -> BuildResult:
    content = Content(None, DataSet(), (), (), inputs.texts)
    checked = CheckResult(content, inputs.warnings, False, templates=templates or {})
    return BuildResult(
        checked,
        inputs.warnings,
        out,
        inputs.files,
        None,
        inputs.external_links,
        site,
        unchanged=True,
        recorded_lang=inputs.default_lang,
    )


def refused_result(refused: Problem) -> BuildResult:
    """A build that stopped before reading anything (its state folder is not trusted)."""
    checked = CheckResult(Content(None, DataSet(), (), (), {}), [refused], False)
    return BuildResult(checked, [refused], None)
