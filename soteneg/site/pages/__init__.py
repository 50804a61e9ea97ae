"""One module per kind of page: the Page record (page), document pages,
index pages (rounds, regions, themes, news), the accessibility statement."""
