"""The accessibility statement page, generated from site.yaml in every language."""

from __future__ import annotations

from soteneg.content.config import Contact
from soteneg.core import routes
from soteneg.site import i18n
from soteneg.site.index import Site
from soteneg.site.pages.page import Chrome, Crumb, Page

# The template each page of this module renders; the build's units use the same.
STATEMENT_TEMPLATE = "statement.html"


STATEMENT = routes.STATEMENT


def _contact(contact: Contact, lang: str) -> dict[str, str | None]:
    return {
        "name": contact.name.get(lang),
        "url": contact.url,
        "email": contact.email,
        "phone": contact.phone,
        "email_label": i18n.text("statement_email", lang),
        "phone_label": i18n.text("statement_phone", lang),
    }


def statement_page(site: Site, chrome: Chrome) -> Page | None:
    statement = site.config.accessibility
    if statement is None:
        return None
    lang = chrome.lang

    def t(key: str, **values: object) -> str:
        return i18n.text(f"statement_{key}", lang, **values)

    title = t("title")
    context = chrome.context(
        path=STATEMENT, title=title, trail=[Crumb(title, STATEMENT)], section=""
    )
    context["statement"] = {
        "intro": t("intro", site=routes.absolute("/", site.config.base_url)),
        "status_heading": t("status_heading"),
        "status": t(statement.status),
        "shortcomings_heading": t("shortcomings_heading"),
        "shortcomings": [s.get(lang) for s in statement.shortcomings],
        "feedback_heading": t("feedback_heading"),
        "feedback_text": t("feedback_text"),
        "feedback": _contact(statement.feedback, lang),
        "supervisor_heading": t("supervisor_heading"),
        "supervisor_text": t("supervisor_text"),
        "supervisor": _contact(statement.supervisor, lang),
        "dates_heading": t("dates_heading"),
        "prepared": t("prepared", date=i18n.format_date(statement.prepared, lang)),
        "reviewed": t("reviewed", date=i18n.format_date(statement.reviewed, lang))
        if statement.reviewed
        else None,
    }
    return Page(routes.localize(STATEMENT, lang, site.default_lang), STATEMENT_TEMPLATE, context)
