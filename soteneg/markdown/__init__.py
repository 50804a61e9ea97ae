"""Markdown: the parser and its rules, the outline (headings, sections, links),
and HTML for the web page and for print. Imports only soteneg.core."""
