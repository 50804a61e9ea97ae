"""Every UI string of the site and the packets, in Finnish, Swedish and English.

One catalogue, so a missing translation is a test failure and not a blank on a page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

LANG_NAMES: Mapping[str, Mapping[str, str]] = {
    "fi": {"fi": "suomeksi", "sv": "på finska", "en": "in Finnish"},
    "sv": {"fi": "ruotsiksi", "sv": "på svenska", "en": "in Swedish"},
    "en": {"fi": "englanniksi", "sv": "på engelska", "en": "in English"},
    # The Sámi languages of Finland: documents may be written in them (issue 25).
    "se": {"fi": "pohjoissaameksi", "sv": "på nordsamiska", "en": "in North Sámi"},
    "smn": {"fi": "inarinsaameksi", "sv": "på enaresamiska", "en": "in Inari Sámi"},
    "sms": {"fi": "koltansaameksi", "sv": "på skoltsamiska", "en": "in Skolt Sámi"},
}
# Each language named as a noun, for the search's "Språk: finska" label on a result in
# another language than the search page's.
LANGUAGE_NOUNS: Mapping[str, Mapping[str, str]] = {
    "fi": {"fi": "suomi", "sv": "finska", "en": "Finnish"},
    "sv": {"fi": "ruotsi", "sv": "svenska", "en": "Swedish"},
    "en": {"fi": "englanti", "sv": "engelska", "en": "English"},
    "se": {"fi": "pohjoissaame", "sv": "nordsamiska", "en": "North Sámi"},
    "smn": {"fi": "inarinsaame", "sv": "enaresamiska", "en": "Inari Sámi"},
    "sms": {"fi": "koltansaame", "sv": "skoltsamiska", "en": "Skolt Sámi"},
}
# The name of each language in itself, for the language switcher.
AUTONYMS: Mapping[str, str] = {
    "fi": "Suomi",
    "sv": "Svenska",
    "en": "English",
    # A Sámi document's own page names its language in the switcher.
    "se": "Davvisámegiella",
    "smn": "Anarâškielâ",
    "sms": "Sääʹmǩiõll",
}

STRINGS: Mapping[str, Mapping[str, str]] = {
    "skip_to_content": {
        "fi": "Siirry sisältöön",
        "sv": "Gå till innehållet",
        "en": "Skip to content",
    },
    "main_navigation": {"fi": "Päävalikko", "sv": "Huvudmeny", "en": "Main menu"},
    "breadcrumbs": {"fi": "Murupolku", "sv": "Brödsmulor", "en": "Breadcrumbs"},
    "languages": {"fi": "Kieliversiot", "sv": "Språkversioner", "en": "Languages"},
    "home": {"fi": "Etusivu", "sv": "Startsida", "en": "Home"},
    "rounds": {"fi": "Neuvottelukierrokset", "sv": "Förhandlingsrundor", "en": "Rounds"},
    # The index of regions spans every era: its words are neutral. A page about one era
    # takes that era's words from eras.yaml instead (soteneg.site.eras).
    "regions": {"fi": "Alueet", "sv": "Områden", "en": "Regions"},
    "themes": {"fi": "Teemat", "sv": "Teman", "en": "Themes"},
    "news": {"fi": "Tiedotteet", "sv": "Pressmeddelanden", "en": "News"},
    "current_round": {"fi": "Ajankohtainen kierros", "sv": "Aktuell runda", "en": "Current round"},
    "latest_news": {
        "fi": "Uusimmat tiedotteet",
        "sv": "Senaste pressmeddelanden",
        "en": "Latest news",
    },
    "all_news": {"fi": "Kaikki tiedotteet", "sv": "Alla pressmeddelanden", "en": "All news"},
    "no_news": {"fi": "Ei tiedotteita.", "sv": "Inga pressmeddelanden.", "en": "No news."},
    "practice": {
        "fi": "harjoitusneuvottelu",
        "sv": "övningsförhandling",
        "en": "practice negotiation",
    },
    "statutory": {
        "fi": "lakisääteinen neuvottelu",
        "sv": "lagstadgad förhandling",
        "en": "statutory negotiation",
    },
    "round_themes": {"fi": "Kierroksen teemat", "sv": "Rundans teman", "en": "Themes of the round"},
    "round_documents": {
        "fi": "Alueiden asiakirjat",
        "sv": "Områdenas dokument",
        "en": "Documents of the regions",
    },
    "region": {"fi": "Alue", "sv": "Område", "en": "Region"},
    "language": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "other_regions": {"fi": "Muut alueet", "sv": "Övriga områden", "en": "Other regions"},
    "parties": {
        "fi": "Neuvotteluosapuolet",
        "sv": "Förhandlingsparter",
        "en": "Negotiating parties",
    },
    "and": {"fi": "ja", "sv": "och", "en": "and"},
    "predecessor": {"fi": "Edeltäjä", "sv": "Föregångare", "en": "Predecessor"},
    "predecessors": {"fi": "Edeltäjät", "sv": "Föregångare", "en": "Predecessors"},
    "successor": {"fi": "Seuraaja", "sv": "Efterföljare", "en": "Successor"},
    "successors": {"fi": "Seuraajat", "sv": "Efterföljare", "en": "Successors"},
    "outside_period": {
        "fi": "ei ollut olemassa kierroksen aikana",
        "sv": "fanns inte under rundan",
        "en": "did not exist during the round",
    },
    "no_rounds": {
        "fi": "Ei neuvottelukierroksia.",
        "sv": "Inga förhandlingsrundor.",
        "en": "No rounds.",
    },
    "round": {"fi": "Kierros", "sv": "Runda", "en": "Round"},
    "theme": {"fi": "Teema", "sv": "Tema", "en": "Theme"},
    "negotiation": {
        "fi": "Neuvotteluasiakirja",
        "sv": "Förhandlingsdokument",
        "en": "Negotiation document",
    },
    # An assessment whose issuer the data does not name; with one, "assessment_by".
    "assessment": {"fi": "Arvio", "sv": "Bedömning", "en": "Assessment"},
    "summary": {"fi": "Yhteenveto", "sv": "Sammanfattning", "en": "Summary"},
    "page": {"fi": "Sivu", "sv": "Sida", "en": "Page"},
    "no_document": {"fi": "ei asiakirjaa", "sv": "inget dokument", "en": "no document"},
    "no_section": {"fi": "ei käsitelty", "sv": "inte behandlat", "en": "not covered"},
    "special_responsibility_area": {
        "fi": "Erityisvastuualue",
        "sv": "Specialupptagningsområde",
        "en": "Special responsibility area",
    },
    "timeline": {
        "fi": "Neuvottelut kierroksittain",
        "sv": "Förhandlingar per runda",
        "en": "Negotiations by round",
    },
    "theme_matrix": {
        "fi": "Teema kierroksittain ja alueittain",
        "sv": "Temat per runda och område",
        "en": "Theme by round and region",
    },
    "compare_rounds": {
        "fi": "Kierrokset rinnakkain",
        "sv": "Rundorna sida vid sida",
        "en": "Rounds side by side",
    },
    "changes_since": {
        "fi": "Muutokset edelliseen kierrokseen ({round})",
        "sv": "Ändringar sedan föregående runda ({round})",
        "en": "Changes since the previous round ({round})",
    },
    "changes_since_predecessor": {
        "fi": "Muutokset edeltäjän viimeiseen kierrokseen ({region}, {round})",
        "sv": "Ändringar sedan föregångarens senaste runda ({region}, {round})",
        "en": "Changes since the predecessor's last round ({region}, {round})",
    },
    "words_added": {"fi": "lisätty {n} sanaa", "sv": "{n} ord tillagda", "en": "{n} words added"},
    "words_removed": {
        "fi": "poistettu {n} sanaa",
        "sv": "{n} ord borttagna",
        "en": "{n} words removed",
    },
    "unchanged": {"fi": "ei muutoksia", "sv": "inga ändringar", "en": "no changes"},
    "first_round": {
        "fi": "ensimmäinen kierros, johon teema sisältyy",
        "sv": "den första rundan med temat",
        "en": "the first round with this theme",
    },
    "not_compared": {
        "fi": "ei verrattu edelliseen kierrokseen ({round}): siitä ei ole tekstiä {language}",
        "sv": "inte jämförd med föregående runda ({round}): den har ingen text {language}",
        "en": "not compared with the previous round ({round}): it has no text {language}",
    },
    "first_round_of_unit": {
        "fi": "alueen ensimmäinen oma kierros, johon teema sisältyy",
        "sv": "områdets första egna runda med temat",
        "en": "the first round of this unit with this theme",
    },
    "inserted": {"fi": "lisätty", "sv": "tillagt", "en": "added"},
    "deleted": {"fi": "poistettu", "sv": "borttaget", "en": "removed"},
    "by_region": {"fi": "Alueittain", "sv": "Per område", "en": "By region"},
    "contacts": {"fi": "Lisätietoja", "sv": "Mer information", "en": "More information"},
    "phone": {"fi": "puh.", "sv": "tfn", "en": "tel."},
    "published": {"fi": "Julkaistu", "sv": "Publicerad", "en": "Published"},
    "example_notice": {
        "fi": "Tämä on esimerkkiaineisto: se havainnollistaa asiakirjan rakennetta eikä "
        "kerro todellisen neuvottelun sisältöä.",
        "sv": "Detta är exempelmaterial: det visar hur dokumentet är uppbyggt och "
        "återger inte innehållet i en verklig förhandling.",
        "en": "This is example material: it illustrates the structure of the document "
        "and does not report an actual negotiation.",
    },
    "draft_notice": {
        "fi": "Luonnos – ei julkaistu",
        "sv": "Utkast – inte publicerat",
        "en": "Draft – not published",
    },
    "outdated_translation": {
        "fi": "Alkuperäistä tekstiä on muutettu tämän käännöksen jälkeen. Alkuperäinen "
        "({language}, {date}):",
        "sv": "Originaltexten har ändrats efter att den här översättningen gjordes. "
        "Originalet ({language}, {date}):",
        "en": "The original text has changed since this translation was made. The "
        "original ({language}, {date}):",
    },
    "missing_translation": {
        "fi": "Tätä sivua ei ole suomeksi. Alkuperäinen on {language}:",
        "sv": "Den här sidan finns inte på svenska. Originalet finns {language}:",
        "en": "This page is not available in English. The original is {language}:",
    },
    "feed_original_only": {
        "fi": "Ei suomeksi; alkuperäinen on {language}.",
        "sv": "Finns inte på svenska; originalet är {language}.",
        "en": "Not available in English; the original is {language}.",
    },
    "available_in": {
        "fi": "Sivu muilla kielillä",
        "sv": "Sidan på andra språk",
        "en": "This page in other languages",
    },
    "not_found_title": {
        "fi": "Sivua ei löytynyt",
        "sv": "Sidan hittades inte",
        "en": "Page not found",
    },
    "not_found_text": {
        "fi": "Hakemaasi sivua ei ole. Se on ehkä siirretty tai poistettu.",
        "sv": "Sidan du söker finns inte. Den kan ha flyttats eller tagits bort.",
        "en": "The page you are looking for does not exist. It may have been moved or removed.",
    },
    "feed": {
        "fi": "Tiedotteiden syöte (Atom)",
        "sv": "Flöde med pressmeddelanden (Atom)",
        "en": "News feed (Atom)",
    },
    "pdf_packet": {
        "fi": "Neuvottelupaketti (PDF)",
        "sv": "Förhandlingspaket (PDF)",
        "en": "Negotiation packet (PDF)",
    },
    "pages": {"fi": "Sivut", "sv": "Sidor", "en": "Pages"},
    "search": {"fi": "Haku", "sv": "Sök", "en": "Search"},
    "search_needs_js": {
        "fi": "Haku toimii selaimessa JavaScriptin avulla. Voit selata aineistoa myös "
        "kierroksittain, alueittain ja teemoittain.",
        "sv": "Sökningen använder JavaScript i webbläsaren. Du kan också bläddra i "
        "materialet per runda, område och tema.",
        "en": "Search runs in the browser with JavaScript. You can also browse by round, "
        "region and theme.",
    },
    "document_type": {"fi": "Asiakirjatyyppi", "sv": "Dokumenttyp", "en": "Document type"},
    "accessibility_statement": {
        "fi": "Saavutettavuusseloste",
        "sv": "Tillgänglighetsutlåtande",
        "en": "Accessibility statement",
    },
    "attachments": {"fi": "Liitteet", "sv": "Bilagor", "en": "Attachments"},
    "attachment": {"fi": "Liite", "sv": "Bilaga", "en": "Attachment"},
    "page_label": {"fi": "sivu", "sv": "sida", "en": "page"},
    "toc": {"fi": "Sisällys", "sv": "Innehåll", "en": "Contents"},
    # Before a document printed in its original in a packet of another language.
    "packet_original_only": {
        "fi": "Asiakirjaa ei ole suomeksi; alkuperäinen {language} seuraa.",
        "sv": "Dokumentet finns inte på svenska; originalet {language} följer.",
        "en": "This document is not available in English; the original {language} follows.",
    },
    "packet_title": {
        "fi": "Neuvotteluaineisto",
        "sv": "Förhandlingsmaterial",
        "en": "Negotiation packet",
    },
    "round_packet_title": {
        "fi": "Kierroksen neuvotteluaineisto",
        "sv": "Rundans förhandlingsmaterial",
        "en": "Negotiation packet of the round",
    },
    "pdf_document": {
        "fi": "Tulostettava versio (PDF)",
        "sv": "Utskriftsversion (PDF)",
        "en": "Printable version (PDF)",
    },
    "pdf_round_packet": {
        "fi": "Kierroksen koko aineisto (PDF)",
        "sv": "Rundans hela material (PDF)",
        "en": "Packet of the whole round (PDF)",
    },
    "packets": {"fi": "Neuvottelupaketit", "sv": "Förhandlingspaket", "en": "Negotiation packets"},
    "footer_publisher": {"fi": "Julkaisija", "sv": "Utgivare", "en": "Publisher"},
    "dates": {"fi": "Ajankohta", "sv": "Tidpunkt", "en": "Dates"},
    # The accessibility statement (pages/statement.py); statement_full, _partial and
    # _none by its `status`.
    "statement_title": {
        "fi": "Saavutettavuusseloste",
        "sv": "Tillgänglighetsutlåtande",
        "en": "Accessibility statement",
    },
    "statement_intro": {
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
    "statement_status_heading": {
        "fi": "Saavutettavuuden tila",
        "sv": "Tillgänglighetsstatus",
        "en": "Compliance status",
    },
    "statement_full": {
        "fi": "Sivusto täyttää WCAG 2.1 -kriteeristön A- ja AA-tason vaatimukset.",
        "sv": "Webbplatsen uppfyller kraven på nivå A och AA i WCAG 2.1.",
        "en": "The site meets the level A and AA requirements of WCAG 2.1.",
    },
    "statement_partial": {
        "fi": "Sivusto täyttää WCAG 2.1 -kriteeristön A- ja AA-tason vaatimukset "
        "osittain. Puutteet on kerrottu alla.",
        "sv": "Webbplatsen uppfyller delvis kraven på nivå A och AA i WCAG 2.1. "
        "Bristerna beskrivs nedan.",
        "en": "The site partially meets the level A and AA requirements of WCAG "
        "2.1. The shortcomings are listed below.",
    },
    "statement_none": {
        "fi": "Sivusto ei täytä WCAG 2.1 -kriteeristön A- ja AA-tason vaatimuksia.",
        "sv": "Webbplatsen uppfyller inte kraven på nivå A och AA i WCAG 2.1.",
        "en": "The site does not meet the level A and AA requirements of WCAG 2.1.",
    },
    "statement_shortcomings_heading": {
        "fi": "Tunnetut puutteet",
        "sv": "Kända brister",
        "en": "Known shortcomings",
    },
    "statement_feedback_heading": {
        "fi": "Palaute ja yhteystiedot",
        "sv": "Respons och kontaktuppgifter",
        "en": "Feedback and contact",
    },
    "statement_feedback_text": {
        "fi": "Huomasitko saavutettavuuspuutteen? Kerro siitä meille:",
        "sv": "Har du upptäckt en brist i tillgängligheten? Meddela oss:",
        "en": "Did you notice an accessibility problem? Tell us:",
    },
    "statement_supervisor_heading": {
        "fi": "Valvontaviranomainen",
        "sv": "Tillsynsmyndighet",
        "en": "Supervisory authority",
    },
    "statement_supervisor_text": {
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
    "statement_dates_heading": {
        "fi": "Selosteen päiväys",
        "sv": "Utlåtandets datum",
        "en": "Date of the statement",
    },
    "statement_prepared": {
        "fi": "Seloste on laadittu {date}.",
        "sv": "Utlåtandet har utarbetats {date}.",
        "en": "The statement was prepared on {date}.",
    },
    "statement_reviewed": {
        "fi": "Seloste on päivitetty {date}.",
        "sv": "Utlåtandet har uppdaterats {date}.",
        "en": "The statement was last reviewed on {date}.",
    },
    "statement_email": {"fi": "sähköposti", "sv": "e-post", "en": "e-mail"},
    "statement_phone": {"fi": "puhelin", "sv": "telefon", "en": "telephone"},
    # --- issue 25: units, rounds, issuers ---
    # An expert body's assessment, named by the body's short name (parties.yaml): THL:n
    # arvio, AVI:n arvio. Finnish and Swedish mark the genitive of an abbreviation with a
    # colon, whatever its letters; a body without a short name is named in full.
    "assessment_by": {
        "fi": "{issuer}:n arvio",
        "sv": "{issuer}:s bedömning",
        "en": "{issuer} assessment",
    },
    "assessment_by_name": {
        "fi": "Arvio ({issuer})",
        "sv": "Bedömning ({issuer})",
        "en": "Assessment ({issuer})",
    },
    "chair": {"fi": "Puheenjohtaja", "sv": "Ordförande", "en": "Chair"},
    "experts": {"fi": "Asiantuntijat", "sv": "Sakkunniga", "en": "Expert bodies"},
    "legal_basis": {"fi": "Säädösperusta", "sv": "Rättslig grund", "en": "Legal basis"},
    "provision": {
        "fi": "{statute} {section} §",
        "sv": "{statute} {section} §",
        "en": "{statute}, section {section}",
    },
    "provision_named": {
        "fi": "{name} ({statute}) {section} §",
        "sv": "{name} ({statute}) {section} §",
        "en": "{name} ({statute}), section {section}",
    },
    "practice_basis": {
        "fi": "Harjoitusneuvottelut perustuivat lakiesitykseen, eivät voimassa olevaan lakiin.",
        "sv": "Övningsförhandlingarna byggde på ett lagförslag, inte på gällande lag.",
        "en": "The practice negotiations were based on a bill, not on an act in force.",
    },
    "members": {"fi": "Jäsenet", "sv": "Medlemmar", "en": "Members"},
    "member_of": {"fi": "Kuuluu alueeseen", "sv": "Ingår i", "en": "Member of"},
    # A part of a unit that moved to another (municipalities), and when.
    "part_moved": {
        "fi": "osa: {part} {date}",
        "sv": "en del: {part} {date}",
        "en": "part: {part}, {date}",
    },
    "legal_person_from": {
        "fi": "Oikeushenkilö {date} alkaen",
        "sv": "Juridisk person från och med {date}",
        "en": "A legal person from {date}",
    },
    "sami_versions": {
        "fi": "Saamenkieliset versiot",
        "sv": "Samiska versioner",
        "en": "Versions in Sámi",
    },
    "sami_search": {
        "fi": "Saamenkieliset asiakirjat",
        "sv": "Dokument på samiska",
        "en": "Documents in Sámi",
    },
    "sami_search_note": {
        "fi": "Saamenkielisistä asiakirjoista haetaan sanoja sellaisinaan, ilman niiden "
        "taivutusmuotoja.",
        "sv": "I dokumenten på samiska söks orden som de är skrivna, utan deras böjningsformer.",
        "en": "Documents in Sámi are searched for words as written, without their inflected forms.",
    },
    # --- end of issue 25 ---
}


def listing(items: list[str], lang: str) -> str:
    """The items joined as the language writes a list: "A, B ja C"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {text('and', lang)} {items[-1]}"


def text(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang`; `{name}` placeholders are filled from `values`."""
    entry = STRINGS[key]
    template = entry.get(lang) or entry["fi"]
    return template.format(**values) if values else template


_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(value: dt.date, lang: str) -> str:
    """Dates as each language writes them: 26.11.2018 in fi and sv, 26 November 2018 in en.

    Never through the C library's locale, so output does not depend on the machine."""
    if lang == "en":
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"
