"""The content model's dates and moments, as editors write them in YAML and as the JSON
Schema states them: real calendar days only (leap years included), hours 00-23, offsets
like +02:00, and a moment without an offset in Finnish time. Each refusal names its
reason (a catalogue key, as in models)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from soteneg.core.names import HELSINKI

# As the JSON Schema states them, so an editor's tool refuses what `check` refuses.
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DAY = (
    r"(?:(?!0000)[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    rf"|(?!0000){_LEAP_YEAR}-02-29)"
)
_CLOCK = r"(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"
_OFFSET = r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
DATE_PATTERN = rf"^{_DAY}$"
MOMENT_PATTERN = rf"^{_DAY}(?:[T ]{_CLOCK}{_OFFSET}?)?$"
TIMED_PATTERN = rf"^{_DAY}[T ]{_CLOCK}{_OFFSET}?$"  # a moment with its time of day
# The shapes, before their values are checked (with a reason) by the datetime module,
# which would take an offset of +02:60 as three hours.
_DATE_SHAPE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_MOMENT_SHAPE = (
    rf"{_DATE_SHAPE}(?:[T ][0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?:Z|[+-][0-9]{{2}}:[0-5][0-9])?)?"
)


def _not_a_date(err: ValueError) -> PydanticCustomError:
    """datetime's reason a date or time does not exist (`reason`; translated by
    content.validation)."""
    return PydanticCustomError("invalid-date.value", "{reason}", {"reason": str(err)})


def _iso_date(value: Any) -> Any:
    # YAML gives a date for 2018-10-01; a quoted "2018-10-01" is also fine. A datetime
    # or a number is not: silently taking midnight or a Unix time would hide a mistake.
    if isinstance(value, dt.datetime):
        raise PydanticCustomError(
            "invalid-date.time-given", "a date without a time is expected (YYYY-MM-DD)"
        )
    if isinstance(value, str):
        if not re.fullmatch(_DATE_SHAPE, value):
            raise PydanticCustomError("invalid-date.shape", "a date is expected as YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError as err:
            raise _not_a_date(err) from None
    return value


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]

# Publication times without an offset are Finnish time (HELSINKI), as editors mean them.
# YAML gives a datetime only for the full form (yamlpos); other forms arrive as text.


def moment(value: Any) -> Any:
    if isinstance(value, str):
        if not re.fullmatch(_MOMENT_SHAPE, value):
            raise PydanticCustomError(
                "invalid-date.moment-shape",
                "a time is expected as YYYY-MM-DD HH:MM:SS, optionally +02:00",
            )
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError as err:
            raise _not_a_date(err) from None
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=HELSINKI)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time(0, 0), HELSINKI)
    return value


Moment = Annotated[
    dt.datetime,
    BeforeValidator(moment),
    WithJsonSchema({"type": "string", "pattern": MOMENT_PATTERN}),
]
