"""One module per kind of page: the Page record (page), document pages, index pages
(home, rounds, themes, news), pages that list regions (regions), theme matrices and
comparisons (themes), the accessibility statement; parts shared among them (parts)."""
