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

TEXTS = {
    "title": {
        "fi": "Saavutettavuusseloste",
        "sv": "Tillgänglighetsutlåtande",
        "en": "Accessibility statement",
    },
    "intro": {
        "fi": "Tämä saavutettavuusseloste koskee sivustoa {site}. Sivuston julkaisija "
        "haluaa, että kuka tahansa voi käyttää sitä. Sivustoa koskee laki "
        "digitaalisten palvelujen tarjoamisesta (306/2019).",
        "sv": "Detta tillgänglighetsutlåtande gäller webbplatsen {site}. Utgivaren vill "
        "att vem som helst ska kunna använda den. För webbplatsen gäller lagen om "
        "tillhandahållande av digitala tjänster (306/2019).",
        "en": "This accessibility statement applies to the site {site}. Its publisher "
        "wants everyone to be able to use it. The site is subject to the Act on the "
        "Provision of Digital Services (306/2019).",
    },
    "status_heading": {
        "fi": "Saavutettavuuden tila",
        "sv": "Tillgänglighetsstatus",
        "en": "Compliance status",
    },
    "full": {
        "fi": "Sivusto täyttää WCAG 2.1 -kriteeristön A- ja AA-tason vaatimukset.",
        "sv": "Webbplatsen uppfyller kraven på nivå A och AA i WCAG 2.1.",
        "en": "The site meets the level A and AA requirements of WCAG 2.1.",
    },
    "partial": {
        "fi": "Sivusto täyttää WCAG 2.1 -kriteeristön A- ja AA-tason vaatimukset "
        "osittain. Puutteet on kerrottu alla.",
        "sv": "Webbplatsen uppfyller delvis kraven på nivå A och AA i WCAG 2.1. "
        "Bristerna beskrivs nedan.",
        "en": "The site partially meets the level A and AA requirements of WCAG "
        "2.1. The shortcomings are listed below.",
    },
    "none": {
        "fi": "Sivusto ei täytä WCAG 2.1 -kriteeristön A- ja AA-tason vaatimuksia.",
        "sv": "Webbplatsen uppfyller inte kraven på nivå A och AA i WCAG 2.1.",
        "en": "The site does not meet the level A and AA requirements of WCAG 2.1.",
    },
    "shortcomings_heading": {
        "fi": "Tunnetut puutteet",
        "sv": "Kända brister",
        "en": "Known shortcomings",
    },
    "feedback_heading": {
        "fi": "Palaute ja yhteystiedot",
        "sv": "Respons och kontaktuppgifter",
        "en": "Feedback and contact",
    },
    "feedback_text": {
        "fi": "Huomasitko saavutettavuuspuutteen? Kerro siitä meille:",
        "sv": "Har du upptäckt en brist i tillgängligheten? Meddela oss:",
        "en": "Did you notice an accessibility problem? Tell us:",
    },
    "supervisor_heading": {
        "fi": "Valvontaviranomainen",
        "sv": "Tillsynsmyndighet",
        "en": "Supervisory authority",
    },
    "supervisor_text": {
        "fi": "Jos huomaat sivustolla saavutettavuusongelmia, anna ensin palautetta "
        "meille. Vastaamme 14 päivän kuluessa. Jos et ole tyytyväinen vastaukseen tai "
        "et saa vastausta, voit tehdä ilmoituksen valvontaviranomaiselle.",
        "sv": "Om du märker problem med tillgängligheten, ge först respons till oss. Vi "
        "svarar inom 14 dagar. Om du inte är nöjd med svaret eller inte får något "
        "svar kan du anmäla saken till tillsynsmyndigheten.",
        "en": "If you notice accessibility problems, first give feedback to us. We reply "
        "within 14 days. If you are not satisfied with the reply, or do not get one, "
        "you can report it to the supervisory authority.",
    },
    "dates_heading": {
        "fi": "Selosteen päiväys",
        "sv": "Utlåtandets datum",
        "en": "Date of the statement",
    },
    "prepared": {
        "fi": "Seloste on laadittu {date}.",
        "sv": "Utlåtandet har utarbetats {date}.",
        "en": "The statement was prepared on {date}.",
    },
    "reviewed": {
        "fi": "Seloste on päivitetty {date}.",
        "sv": "Utlåtandet har uppdaterats {date}.",
        "en": "The statement was last reviewed on {date}.",
    },
    "email": {"fi": "sähköposti", "sv": "e-post", "en": "e-mail"},
    "phone": {"fi": "puhelin", "sv": "telefon", "en": "telephone"},
}


def text(key: str, lang: str, **values: object) -> str:
    value = TEXTS[key][lang]
    return value.format(**values) if values else value


def _contact(contact: Contact, lang: str) -> dict[str, str | None]:
    return {
        "name": contact.name.get(lang),
        "url": contact.url,
        "email": contact.email,
        "phone": contact.phone,
        "email_label": text("email", lang),
        "phone_label": text("phone", lang),
    }


def statement_page(site: Site, chrome: Chrome) -> Page | None:
    statement = site.config.accessibility
    if statement is None:
        return None
    lang = chrome.lang
    title = text("title", lang)
    context = chrome.context(
        path=STATEMENT, title=title, trail=[Crumb(title, STATEMENT)], section=""
    )
    context["statement"] = {
        "intro": text("intro", lang, site=routes.absolute("/", site.config.base_url)),
        "status_heading": text("status_heading", lang),
        "status": text(statement.status, lang),
        "shortcomings_heading": text("shortcomings_heading", lang),
        "shortcomings": [s.get(lang) for s in statement.shortcomings],
        "feedback_heading": text("feedback_heading", lang),
        "feedback_text": text("feedback_text", lang),
        "feedback": _contact(statement.feedback, lang),
        "supervisor_heading": text("supervisor_heading", lang),
        "supervisor_text": text("supervisor_text", lang),
        "supervisor": _contact(statement.supervisor, lang),
        "dates_heading": text("dates_heading", lang),
        "prepared": text("prepared", lang, date=i18n.format_date(statement.prepared, lang)),
        "reviewed": text("reviewed", lang, date=i18n.format_date(statement.reviewed, lang))
        if statement.reviewed
        else None,
    }
    return Page(routes.localize(STATEMENT, lang, site.default_lang), STATEMENT_TEMPLATE, context)
