"""Two rounds' recommended actions on a theme compared (site.compare_recs), as fixture
files in markdown-it-py's style: a description, the input — the earlier round's
`recommendations:` as YAML, a line `=== after ===`, the later round's — and the expected
comparison, each block ending in a line with a single dot.

The expected output is test_compare_fixtures' (one line per row, `=` kept, `~` changed
with its words marked `[-removed-]` and `{+added+}`, the cells text | addressee |
deadline, `-` left out, `+` added, `<` and `>` moved; whether marked; the summary in
Finnish and Swedish), the deadlines written as a Finnish page writes them.

Rewrite the expected output on purpose with `SOTENEG_UPDATE_GOLDEN=1` and review the
diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_compare_fixtures import SEPARATOR, check_fixture_file, describe

from soteneg.content.front_matter import Recommendation
from soteneg.site.compare_recs import compare_recommendations

FIXTURES = Path(__file__).parent / "fixtures" / "compare_recs"


def recommendations(source: str) -> list[Recommendation]:
    return [Recommendation.model_validate(item) for item in yaml.safe_load(source) or ()]


def run(source: str) -> str:
    before, _, after = source.partition(SEPARATOR)
    return describe(compare_recommendations(recommendations(before), recommendations(after), "fi"))


def _files() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_recommendation_fixtures_compare_as_written(path: Path) -> None:
    check_fixture_file(path, run)


def test_there_are_recommendation_fixtures_of_every_kind() -> None:
    names = {p.stem for p in _files()}
    assert {"fields", "lists", "rewrites", "languages"} <= names
