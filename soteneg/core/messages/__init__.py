"""The one catalogue of messages: every problem code's message and suggestion, and the
phrases they are built from, in Finnish, Swedish and English.

A key is a problem code (`unknown-field`), a code with a variant after a dot
(`file-outside-project.link`), or a phrase that is no problem of its own, starting with
`@` (`@did-you-mean`). A suggestion is the key followed by `:hint`. The entries are kept
in one module per part of the program, so that each stays readable; they form one
table, and tests/test_messages.py holds them to it: every key in all three languages
with the same placeholders, every key the code names present.
"""

from __future__ import annotations

from soteneg.core.messages import (
    addresses,
    attachments,
    build,
    commands,
    common,
    editing,
    fields,
    files,
    lifecycle,
    references,
    statutory,
)

Entry = dict[str, str]

CATALOGUE: dict[str, Entry] = {}
for _part in (
    common,
    files,
    fields,
    references,
    addresses,
    attachments,
    build,
    statutory,
    lifecycle,
    commands,
    editing,
):
    _clash = CATALOGUE.keys() & _part.MESSAGES.keys()
    assert not _clash, f"defined twice in the catalogue: {sorted(_clash)}"
    CATALOGUE.update(_part.MESSAGES)
