"""The site as pages: the Site index built from content, i18n, Jinja rendering,
the link check, the search index, feeds, comparisons, and `pages/` with one module
per kind of page."""
