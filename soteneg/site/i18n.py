"""Every UI string of the site and the packets, in Finnish, Swedish and English.

One catalogue, so a missing translation is a test failure and not a blank on a page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from soteneg.core import formats
from soteneg.site import words_compare

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
    # Choosing two rounds to compare (issue 27): a catalogue of its own.
    **words_compare.WORDS,
    "skip_to_content": {
        "fi": "Siirry sisältöön",
        "sv": "Gå till innehållet",
        "en": "Skip to content",
    },
    "main_navigation": {"fi": "Päävalikko", "sv": "Huvudmeny", "en": "Main menu"},
    "breadcrumbs": {"fi": "Murupolku", "sv": "Brödsmulor", "en": "Breadcrumbs"},
    "languages": {"fi": "Kieliversiot", "sv": "Språkversioner", "en": "Languages"},
    "home": {"fi": "Etusivu", "sv": "Startsida", "en": "Home"},
    "rounds": {"fi": "Neuvottelukierrokset", "sv": "Förhandlingsomgångar", "en": "Rounds"},
    # The index of regions spans every era: its words are neutral. A page about one era
    # takes that era's words from eras.yaml instead (soteneg.site.eras).
    "regions": {"fi": "Alueet", "sv": "Områden", "en": "Regions"},
    "themes": {"fi": "Teemat", "sv": "Teman", "en": "Themes"},
    "news": {"fi": "Tiedotteet", "sv": "Pressmeddelanden", "en": "News"},
    # One press release, as its type (document pages, the search's type filter).
    "news_item": {"fi": "Tiedote", "sv": "Pressmeddelande", "en": "Press release"},
    "current_round": {
        "fi": "Ajankohtainen kierros",
        "sv": "Aktuell omgång",
        "en": "Current round",
    },
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
    "round_themes": {
        "fi": "Kierroksen teemat",
        "sv": "Omgångens teman",
        "en": "Themes of the round",
    },
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
    # After the ministries, the other side of a round's negotiations, in its era's word
    # for one unit ({unit}: "maakunta", "landskap").
    "and_each_unit": {
        "fi": "sekä kukin {unit}",
        "sv": "samt varje {unit}",
        "en": "as well as each {unit}",
    },
    "predecessor": {"fi": "Edeltäjä", "sv": "Föregångare", "en": "Predecessor"},
    "predecessors": {"fi": "Edeltäjät", "sv": "Föregångare", "en": "Predecessors"},
    "successor": {"fi": "Seuraaja", "sv": "Efterträdare", "en": "Successor"},
    "successors": {"fi": "Seuraajat", "sv": "Efterträdare", "en": "Successors"},
    "outside_period": {
        "fi": "ei ollut neuvotteluosapuoli tällä kierroksella",
        "sv": "var inte part i denna omgång",
        "en": "was not a party in this round",
    },
    "no_rounds": {
        "fi": "Ei neuvottelukierroksia.",
        "sv": "Inga förhandlingsomgångar.",
        "en": "No rounds.",
    },
    "round": {"fi": "Kierros", "sv": "Omgång", "en": "Round"},
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
    # Where a link in a printed packet leads, for a screen reader (its /Contents).
    "link_to_page": {
        "fi": "Sivu {page}: {title}",
        "sv": "Sida {page}: {title}",
        "en": "Page {page}: {title}",
    },
    "link_to_web": {"fi": "Verkkosivu {url}", "sv": "Webbsida {url}", "en": "Web page {url}"},
    "link_to_email": {
        "fi": "Sähköposti {address}",
        "sv": "E-post {address}",
        "en": "Email {address}",
    },
    "no_document": {"fi": "ei asiakirjaa", "sv": "inget dokument", "en": "no document"},
    "no_section": {"fi": "ei käsitelty", "sv": "inte behandlat", "en": "not covered"},
    # The area a region belonged to: a collaboration area from 2023 (Decree 91/2022),
    # before that a special responsibility area of specialised care (soteneg.site.eras).
    "collaboration_area": {
        "fi": "Yhteistyöalue",
        "sv": "Samarbetsområde",
        "en": "Collaboration area",
    },
    "special_responsibility_area": {
        "fi": "Erityisvastuualue",
        "sv": "Specialupptagningsområde",
        "en": "Special responsibility area",
    },
    "timeline": {
        "fi": "Neuvottelut kierroksittain",
        "sv": "Förhandlingar per omgång",
        "en": "Negotiations by round",
    },
    "theme_matrix": {
        "fi": "Teema kierroksittain ja alueittain",
        "sv": "Temat per omgång och område",
        "en": "Theme by round and region",
    },
    "compare_rounds": {
        "fi": "Kierrokset rinnakkain",
        "sv": "Omgångarna sida vid sida",
        "en": "Rounds side by side",
    },
    # A round's name is a title ("Syksy 2018"): it stands after a label, never inside a
    # sentence, where Finnish and Swedish would write it in lower case.
    "changes_since": {
        "fi": "Muutokset edelliseen kierrokseen (edellinen kierros: {round})",
        "sv": "Ändringar sedan föregående omgång (föregående omgång: {round})",
        "en": "Changes since the previous round (previous round: {round})",
    },
    "changes_since_predecessor": {
        "fi": "Muutokset edeltäjän viimeiseen kierrokseen (edeltäjä: {region}; kierros: {round})",
        "sv": "Ändringar sedan föregångarens sista omgång (föregångare: {region}; omgång: {round})",
        "en": "Changes since the predecessor's last round (predecessor: {region}; round: {round})",
    },
    # Counts: counted("words_added", n, lang) takes "#one" or "#other" (core.formats).
    "words_added#one": {"fi": "lisätty {n} sana", "sv": "{n} ord tillagt", "en": "{n} word added"},
    "words_added#other": {
        "fi": "lisätty {n} sanaa",
        "sv": "{n} ord tillagda",
        "en": "{n} words added",
    },
    "words_removed#one": {
        "fi": "poistettu {n} sana",
        "sv": "{n} ord borttaget",
        "en": "{n} word removed",
    },
    "words_removed#other": {
        "fi": "poistettu {n} sanaa",
        "sv": "{n} ord borttagna",
        "en": "{n} words removed",
    },
    "unchanged": {"fi": "ei muutoksia", "sv": "inga ändringar", "en": "no changes"},
    "first_round": {
        "fi": "Teema on mukana ensimmäistä kertaa tällä kierroksella, joten aiempaa tekstiä "
        "ei ole verrattavaksi.",
        "sv": "Temat är med för första gången i den här omgången, så det finns ingen "
        "tidigare text att jämföra med.",
        "en": "The theme appears for the first time in this round, so there is no earlier "
        "text to compare with.",
    },
    "not_compared": {
        "fi": "Ei verrattu edelliseen kierrokseen (edellinen kierros: {round}), koska siitä "
        "ei ole tekstiä {language}.",
        "sv": "Inte jämförd med föregående omgång (föregående omgång: {round}), eftersom den "
        "saknar text {language}.",
        "en": "Not compared with the previous round (previous round: {round}), which has no "
        "text {language}.",
    },
    "first_round_of_unit": {
        "fi": "Tämä on alueen ensimmäinen oma kierros, jolla teema on mukana.",
        "sv": "Det här är områdets första egna omgång med temat.",
        "en": "This is the unit's first own round with this theme.",
    },
    "inserted": {"fi": "lisätty", "sv": "tillagt", "en": "added"},
    # The name of the box a table in a document's text scrolls in (markdown.html): what a
    # screen reader says when the keyboard reaches it.
    "table_scroll": {
        "fi": "Taulukko, vieritettävä",
        "sv": "Tabell, rullbar",
        "en": "Table, scrollable",
    },
    # The comparison of two rounds (issue 27): "2 kappaletta muuttui", a noun counted and
    # a verb that takes no agreement in any of the three.
    "cmp_heading#one": {"fi": "{n} otsikko", "sv": "{n} rubrik", "en": "{n} heading"},
    "cmp_heading#other": {"fi": "{n} otsikkoa", "sv": "{n} rubriker", "en": "{n} headings"},
    "cmp_paragraph#one": {"fi": "{n} kappale", "sv": "{n} stycke", "en": "{n} paragraph"},
    "cmp_paragraph#other": {"fi": "{n} kappaletta", "sv": "{n} stycken", "en": "{n} paragraphs"},
    "cmp_item#one": {"fi": "{n} luettelon kohta", "sv": "{n} listpunkt", "en": "{n} list item"},
    "cmp_item#other": {
        "fi": "{n} luettelon kohtaa",
        "sv": "{n} listpunkter",
        "en": "{n} list items",
    },
    "cmp_image#one": {"fi": "{n} kuva", "sv": "{n} bild", "en": "{n} image"},
    "cmp_image#other": {"fi": "{n} kuvaa", "sv": "{n} bilder", "en": "{n} images"},
    "cmp_image_alt": {"fi": "Kuva", "sv": "Bild", "en": "Image"},
    "cmp_row#one": {"fi": "{n} taulukon rivi", "sv": "{n} tabellrad", "en": "{n} table row"},
    "cmp_row#other": {"fi": "{n} taulukon riviä", "sv": "{n} tabellrader", "en": "{n} table rows"},
    # A recommended action (site.compare_recs): one not given again is left out, not
    # removed (it may have been done), and one given for the first time is new.
    "cmp_recommendation#one": {
        "fi": "{n} suositus",
        "sv": "{n} rekommendation",
        "en": "{n} recommendation",
    },
    "cmp_recommendation#other": {
        "fi": "{n} suositusta",
        "sv": "{n} rekommendationer",
        "en": "{n} recommendations",
    },
    "cmp_recommendation_added": {"fi": "annettiin uutena", "sv": "tillkom", "en": "added"},
    "cmp_recommendation_removed": {
        "fi": "jäi pois",
        "sv": "föll bort",
        "en": "not given again",
    },
    "cmp_other_unit_recommendations": {
        "fi": "Edeltäjän suositukset annettiin toiselle toimijalle, joten muutoksia ei merkitä.",
        "sv": "Föregångarens rekommendationer gavs till en annan aktör, så ändringarna "
        "markeras inte.",
        "en": "The predecessor's recommendations were given to another body, so changes are "
        "not marked.",
    },
    "cmp_changed": {"fi": "muuttui", "sv": "ändrades", "en": "changed"},
    "cmp_added": {"fi": "lisättiin", "sv": "lades till", "en": "added"},
    "cmp_removed": {"fi": "poistettiin", "sv": "togs bort", "en": "removed"},
    "cmp_moved": {"fi": "siirrettiin", "sv": "flyttades", "en": "moved"},
    "cmp_unchanged#one": {
        "fi": "{n} muuttumaton kohta",
        "sv": "{n} oförändrad del",
        "en": "{n} unchanged part",
    },
    "cmp_unchanged#other": {
        "fi": "{n} muuttumatonta kohtaa",
        "sv": "{n} oförändrade delar",
        "en": "{n} unchanged parts",
    },
    "cmp_moved_here": {
        "fi": "siirretty tähän toisesta kohdasta",
        "sv": "flyttat hit från ett annat ställe",
        "en": "moved here from elsewhere",
    },
    "cmp_moved_away": {
        "fi": "siirretty toiseen kohtaan",
        "sv": "flyttat till ett annat ställe",
        "en": "moved elsewhere",
    },
    "cmp_legend": {"fi": "Merkinnät", "sv": "Markeringar", "en": "Key"},
    "cmp_legend_added": {"fi": "lisätty teksti", "sv": "tillagd text", "en": "added text"},
    "cmp_legend_removed": {"fi": "poistettu teksti", "sv": "borttagen text", "en": "removed text"},
    "cmp_legend_moved": {
        "fi": "siirretty kohta",
        "sv": "flyttad del",
        "en": "moved part",
    },
    "cmp_legend_folded": {
        "fi": "muuttumattomat kohdat on koottu avattaviksi",
        "sv": "oförändrade delar är hopfällda",
        "en": "unchanged parts are folded",
    },
    # Where the texts are not marked: on a wide screen they stand side by side, on a
    # phone the earlier is in its own round lower on the page (a link leads there).
    "cmp_other_unit": {
        "fi": "Edeltäjän teksti on toisen toimijan kirjoittama, joten muutoksia ei merkitä.",
        "sv": "Föregångarens text är skriven av en annan aktör, så ändringarna markeras inte.",
        "en": "The predecessor's text was written by another body, so changes are not marked.",
    },
    "cmp_too_different": {
        "fi": "Tekstit eroavat lähes kokonaan, joten muutoksia ei merkitä.",
        "sv": "Texterna skiljer sig nästan helt, så ändringarna markeras inte.",
        "en": "The texts differ almost entirely, so changes are not marked.",
    },
    "cmp_not_in_language": {
        "fi": "Ei verrattu: tämän kierroksen tekstiä ei ole {language}.",
        "sv": "Inte jämförd: den här omgångens text finns inte {language}.",
        "en": "Not compared: this round's text is not available {language}.",
    },
    "cmp_in_other_language": {
        "fi": "Vertailu {language}",
        "sv": "Jämförelsen {language}",
        "en": "The comparison {language}",
    },
    "cmp_earlier_text": {
        "fi": "Aiempi teksti: {round}",
        "sv": "Den tidigare texten: {round}",
        "en": "The earlier text: {round}",
    },
    "cmp_choose": {
        "fi": "Verrattavat kierrokset",
        "sv": "Omgångar att jämföra",
        "en": "Rounds to compare",
    },
    "cmp_pair": {
        "fi": "{before} ja {after}",
        "sv": "{before} och {after}",
        "en": "{before} and {after}",
    },
    "deleted": {"fi": "poistettu", "sv": "borttaget", "en": "removed"},
    "by_region": {
        "fi": "Teema kaikilla alueilla",
        "sv": "Temat i alla områden",
        "en": "The theme in all regions",
    },
    "contacts": {"fi": "Lisätietoja", "sv": "Ytterligare information", "en": "More information"},
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
        "({language}, julkaistu {date}):",
        "sv": "Originaltexten har ändrats efter att den här översättningen gjordes. "
        "Originalet ({language}, publicerat {date}):",
        "en": "The original text has changed since this translation was made. The "
        "original ({language}, published {date}):",
    },
    "missing_translation": {
        "fi": "Tätä sivua ei ole suomeksi. Alkuperäinen on {language}:",
        "sv": "Den här sidan finns inte på svenska. Originalet finns {language}:",
        "en": "This page is not available in English. The original is {language}:",
    },
    "feed_original_only": {
        "fi": "Tiedotetta ei ole suomeksi. Alkuperäinen on {language}.",
        "sv": "Pressmeddelandet finns inte på svenska. Originalet är {language}.",
        "en": "This press release is not available in English. The original is {language}.",
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
    # The PDF of a negotiation: one name on the link, on the cover and in the messages
    # (docs/glossary.md).
    "pdf_packet": {
        "fi": "Neuvotteluaineisto (PDF)",
        "sv": "Förhandlingsmaterial (PDF)",
        "en": "Negotiation packet (PDF)",
    },
    "pages": {"fi": "Sivut", "sv": "Sidor", "en": "Pages"},
    "search": {"fi": "Haku", "sv": "Sök", "en": "Search"},
    "search_needs_js": {
        "fi": "Haku toimii selaimessa JavaScriptin avulla. Voit selata aineistoa myös "
        "kierroksittain, alueittain ja teemoittain.",
        "sv": "Sökningen använder JavaScript i webbläsaren. Du kan också bläddra i "
        "materialet per omgång, område och tema.",
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
    "toc": {"fi": "Sisällys", "sv": "Innehåll", "en": "Contents"},
    # Before a document printed in its original in a packet of another language.
    "packet_original_only": {
        "fi": "Asiakirjaa ei ole suomeksi. Alla on alkuperäinen teksti {language}.",
        "sv": "Dokumentet finns inte på svenska. Nedan följer originalet {language}.",
        "en": "This document is not available in English. The original {language} follows.",
    },
    "packet_title": {
        "fi": "Neuvotteluaineisto",
        "sv": "Förhandlingsmaterial",
        "en": "Negotiation packet",
    },
    # The packet's cover (issue 28): a short hash of its documents, the date it is stamped
    # with, and what it lacks.
    "packet_version": {"fi": "Aineiston versio", "sv": "Materialets version", "en": "Version"},
    "packet_dated": {"fi": "Päivätty", "sv": "Daterat", "en": "Dated"},
    "packet_printed": {"fi": "Tulostettu", "sv": "Utskrivet", "en": "Printed"},
    "packet_lacks": {
        "fi": "Aineistosta puuttuu",
        "sv": "I materialet saknas",
        "en": "Not in this packet",
    },
    "packet_lacks_assessment": {
        "fi": "asiantuntija-arvio",
        "sv": "sakkunnigbedömning",
        "en": "an expert assessment",
    },
    "packet_lacks_version": {
        "fi": "versio {language}",
        "sv": "versionen {language}",
        "en": "the version {language}",
    },
    "round_packet_title": {
        "fi": "Kierroksen koko neuvotteluaineisto",
        "sv": "Omgångens hela förhandlingsmaterial",
        "en": "Negotiation packet of the whole round",
    },
    "pdf_document": {
        "fi": "Tulostettava versio (PDF)",
        "sv": "Utskriftsversion (PDF)",
        "en": "Printable version (PDF)",
    },
    "pdf_round_packet": {
        "fi": "Kierroksen koko neuvotteluaineisto (PDF)",
        "sv": "Omgångens hela förhandlingsmaterial (PDF)",
        "en": "Negotiation packet of the whole round (PDF)",
    },
    "packets": {
        "fi": "Neuvotteluaineistot",
        "sv": "Förhandlingsmaterial",
        "en": "Negotiation packets",
    },
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
        "sv": "Utlåtandet har utarbetats den {date}.",
        "en": "The statement was prepared on {date}.",
    },
    "statement_reviewed": {
        "fi": "Seloste on päivitetty {date}.",
        "sv": "Utlåtandet har uppdaterats den {date}.",
        "en": "The statement was last reviewed on {date}.",
    },
    "statement_email": {"fi": "sähköposti", "sv": "e-post", "en": "e-mail"},
    "statement_phone": {"fi": "puhelin", "sv": "telefon", "en": "telephone"},
    # --- issue 25: meetings and recommendations ---
    # The negotiation document as it is kept (site.negotiation), on its page and in print.
    "record_heading": {
        "fi": "Asiakirjan tiedot",
        "sv": "Uppgifter om dokumentet",
        "en": "About the document",
    },
    "record_minutes": {"fi": "Pöytäkirja", "sv": "Protokoll", "en": "Minutes"},
    "record_memorandum": {"fi": "Muistio", "sv": "Promemoria", "en": "Memorandum"},
    "diary_number": {"fi": "Diaarinumero", "sv": "Diarienummer", "en": "Diary number"},
    "document_date": {
        "fi": "Asiakirjan päiväys",
        "sv": "Dokumentets datum",
        "en": "Date of the document",
    },
    "agreed": {
        "fi": "Osapuolet hyväksyivät tekstin",
        "sv": "Parterna godkände texten",
        "en": "Text agreed by both sides",
    },
    "meeting": {"fi": "Neuvottelukokous", "sv": "Förhandlingsmötet", "en": "The meeting"},
    "meeting_time": {"fi": "Aika", "sv": "Tid", "en": "Time"},
    "meeting_place": {"fi": "Paikka", "sv": "Plats", "en": "Place"},
    "meeting_remote": {"fi": "etäkokous", "sv": "distansmöte", "en": "remote meeting"},
    "meeting_also_remote": {
        "fi": "myös etäyhteydellä",
        "sv": "även på distans",
        "en": "also remote",
    },
    # A meeting's time in Finnish time: "12.11.2024 klo 9.00–12.00".
    "meeting_span": {
        "fi": "{date} klo {start}–{end}",
        "sv": "{date} kl. {start}–{end}",
        "en": "{date}, {start}–{end} (Finnish time)",
    },
    "meeting_from": {
        "fi": "{date} klo {start}",
        "sv": "{date} kl. {start}",
        "en": "{date}, {start} (Finnish time)",
    },
    "meeting_days": {
        "fi": "{date} klo {start} – {end_date} klo {end}",
        "sv": "{date} kl. {start} – {end_date} kl. {end}",
        "en": "{date}, {start} – {end_date}, {end} (Finnish time)",
    },
    "chair": {"fi": "Puheenjohtaja", "sv": "Ordförande", "en": "Chair"},
    "secretary": {"fi": "Sihteeri", "sv": "Sekreterare", "en": "Secretary"},
    "attendees": {"fi": "Läsnä", "sv": "Närvarande", "en": "Present"},
    "present_from": {
        "fi": "läsnä klo {start} alkaen",
        "sv": "närvarande från kl. {start}",
        "en": "present from {start}",
    },
    "present_to": {
        "fi": "läsnä klo {end} asti",
        "sv": "närvarande till kl. {end}",
        "en": "present until {end}",
    },
    "present_between": {
        "fi": "läsnä klo {start}–{end}",
        "sv": "närvarande kl. {start}–{end}",
        "en": "present {start}–{end}",
    },
    "recommendations": {
        "fi": "Toimenpidesuositukset",
        "sv": "Åtgärdsrekommendationer",
        "en": "Recommended actions",
    },
    "recommendation": {
        "fi": "Toimenpidesuositus",
        "sv": "Åtgärdsrekommendation",
        "en": "Recommended action",
    },
    "addressee": {"fi": "Vastaanottaja", "sv": "Mottagare", "en": "Addressee"},
    "deadline": {"fi": "Määräaika", "sv": "Tidsfrist", "en": "Deadline"},
    "follow_up": {
        "fi": "Aiempien toimenpidesuositusten seuranta",
        "sv": "Uppföljning av tidigare åtgärdsrekommendationer",
        "en": "Follow-up of earlier recommended actions",
    },
    "follow_up_status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "follow_up_note": {"fi": "Selitys", "sv": "Kommentar", "en": "Note"},
    "status_done": {"fi": "toteutettu", "sv": "genomförd", "en": "done"},
    "status_under_way": {"fi": "käynnissä", "sv": "pågår", "en": "under way"},
    "status_not_started": {"fi": "ei aloitettu", "sv": "inte påbörjad", "en": "not started"},
    "status_dropped": {"fi": "luovuttu", "sv": "slopad", "en": "dropped"},
    "status_none": {
        "fi": "ei vielä seurattu",
        "sv": "inte uppföljd ännu",
        "en": "not yet followed up",
    },
    "current_status": {"fi": "Nykytila", "sv": "Nuläge", "en": "Current status"},
    # "Suositus 2, Hyvinvointialueneuvottelut 2024": where a recommendation was given.
    "given_in": {
        "fi": "Suositus {number}, {round}",
        "sv": "Rekommendation {number}, {round}",
        "en": "Recommendation {number}, {round}",
    },
    "given_by_unit": {
        "fi": "Suositus {number}, {round} ({unit})",
        "sv": "Rekommendation {number}, {round} ({unit})",
        "en": "Recommendation {number}, {round} ({unit})",
    },
    "unknown_recommendation": {
        "fi": "Suositusta {id} ei löydy aiemmista asiakirjoista.",
        "sv": "Rekommendationen {id} finns inte i tidigare dokument.",
        "en": "Recommendation {id} is not found in earlier documents.",
    },
    "followed_up_in": {"fi": "Seuranta", "sv": "Uppföljning", "en": "Follow-up"},
    "unit_recommendations_link": {
        "fi": "Toimenpidesuositukset ja niiden seuranta",
        "sv": "Åtgärdsrekommendationerna och uppföljningen av dem",
        "en": "Recommended actions and their follow-up",
    },
    "round_recommendations_link": {
        "fi": "Kierroksen toimenpidesuositukset teemoittain",
        "sv": "Omgångens åtgärdsrekommendationer per tema",
        "en": "Recommended actions of the round by theme",
    },
    "unit_all_recommendations": {
        "fi": "alueen kaikki suositukset",
        "sv": "områdets alla rekommendationer",
        "en": "all recommendations to the unit",
    },
    # A unit's recommended actions on a theme compared round by round (issue 27).
    "theme_recommendations_intro": {
        "fi": "Ministeriöiden toimenpidesuositukset alueelle tästä teemasta kierroksittain, "
        "uusin ensin. Kunkin kierroksen suosituksia verrataan edellisen kierroksen "
        "suosituksiin, ja aiemman suosituksen vieressä kerrotaan, mitä myöhempi kierros "
        "totesi sen seurannasta.",
        "sv": "Ministeriernas åtgärdsrekommendationer till området om det här temat per "
        "omgång, den senaste först. Varje omgångs rekommendationer jämförs med den "
        "föregående omgångens, och bredvid en tidigare rekommendation står vad den senare "
        "omgången konstaterade om uppföljningen av den.",
        "en": "The ministries' recommended actions to the unit on this theme, by round, "
        "newest first. Each round's are compared with the previous round's, and beside an "
        "earlier recommendation is what the later round said of its follow-up.",
    },
    "theme_recommendations_link": {
        "fi": "Toimenpidesuositukset tästä teemasta kierroksittain verrattuina",
        "sv": "Åtgärdsrekommendationerna om temat jämförda omgång för omgång",
        "en": "Recommended actions on this theme compared round by round",
    },
    "recommendations_compared_link": {
        "fi": "{theme}: suositukset kierroksittain verrattuina",
        "sv": "{theme}: rekommendationerna jämförda omgång för omgång",
        "en": "{theme}: the recommendations compared round by round",
    },
    "recommendations_by_theme": {
        "fi": "Suositukset teemoittain kierroksittain verrattuina",
        "sv": "Rekommendationerna per tema, jämförda omgång för omgång",
        "en": "The recommendations by theme, compared round by round",
    },
    "recommendations_compared": {
        "fi": "Suositukset kierroksittain",
        "sv": "Rekommendationerna per omgång",
        "en": "Recommendations by round",
    },
    "theme_section_link": {
        "fi": "Teeman tekstit kierroksittain",
        "sv": "Temats texter per omgång",
        "en": "The theme's texts by round",
    },
    "recommendations_first": {
        "fi": "Ensimmäiset suositukset tästä teemasta: aiempia ei ole verrattavaksi.",
        "sv": "De första rekommendationerna om temat: det finns inga tidigare att jämföra med.",
        "en": "The first recommendations on this theme: there are none earlier to compare.",
    },
    "recommendations_none_new": {
        "fi": "Kierroksen asiakirja ei anna uusia suosituksia tästä teemasta.",
        "sv": "Omgångens dokument ger inga nya rekommendationer om temat.",
        "en": "The round's document gives no new recommendations on this theme.",
    },
    "followed_up_round": {
        "fi": "Seuranta ({round})",
        "sv": "Uppföljning ({round})",
        "en": "Follow-up ({round})",
    },
    "not_followed_up_round": {
        "fi": "Kierroksen {round} asiakirja ei kerro tämän suosituksen seurannasta.",
        "sv": "Dokumentet från {round} säger inget om uppföljningen av den här rekommendationen.",
        "en": "The document of {round} says nothing of this recommendation's follow-up.",
    },
    "written_in": {"fi": "({language})", "sv": "({language})", "en": "({language})"},
    "unit_recommendations_title": {
        "fi": "Toimenpidesuositukset: {unit}",
        "sv": "Åtgärdsrekommendationer: {unit}",
        "en": "Recommended actions: {unit}",
    },
    "round_recommendations_title": {
        "fi": "Toimenpidesuositukset: {round}",
        "sv": "Åtgärdsrekommendationer: {round}",
        "en": "Recommended actions: {round}",
    },
    "unit_recommendations_intro": {
        "fi": "Ministeriöiden toimenpidesuositukset neuvotteluasiakirjoissa kierroksittain, "
        "uusin ensin, ja mitä myöhemmät kierrokset ovat niistä todenneet.",
        "sv": "Ministeriernas åtgärdsrekommendationer i förhandlingsdokumenten per omgång, "
        "den senaste först, och vad de följande omgångarna har konstaterat om dem.",
        "en": "The ministries' recommended actions in the negotiation documents, by round, "
        "newest first, and what later rounds have said of them.",
    },
    "round_recommendations_intro": {
        "fi": "Kierroksen neuvotteluasiakirjojen toimenpidesuositukset teemoittain ja "
        "alueittain. Numero on suosituksen numero omassa asiakirjassaan.",
        "sv": "Åtgärdsrekommendationerna i omgångens förhandlingsdokument per tema och "
        "område. Numret är rekommendationens nummer i dess eget dokument.",
        "en": "The recommended actions of the round's negotiation documents by theme and "
        "unit. The number is the recommendation's number in its own document.",
    },
    # Over recommendations shown in the original when the page's language has no version.
    "recommendations_original_only": {
        "fi": "Asiakirjaa ei ole suomeksi; suositukset näytetään {language}.",
        "sv": "Dokumentet finns inte på svenska; rekommendationerna visas {language}.",
        "en": "The document is not available in English; the recommendations are shown {language}.",
    },
    "meeting_original_only": {
        "fi": "Kokouksen tiedot ovat alkuperäisestä asiakirjasta; sen tekstit ovat {language}.",
        "sv": "Uppgifterna om mötet är hämtade från originaldokumentet; texterna där är "
        "{language}.",
        "en": "The meeting's details are taken from the original document; its text is {language}.",
    },
    "packet_meeting": {"fi": "Neuvottelu", "sv": "Förhandling", "en": "Negotiation"},
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
        "sv": "Juridisk person fr.o.m. {date}",
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
    # --- issue 27: reachable documents, corrections, withdrawal ---
    "related_documents": {
        "fi": "Saman neuvottelun asiakirjat",
        "sv": "Andra dokument i samma förhandling",
        "en": "Other documents of the negotiation",
    },
    "theme_comparisons": {
        "fi": "Teemat kierroksittain verrattuina",
        "sv": "Temana jämförda mellan omgångarna",
        "en": "The themes compared across rounds",
    },
    "in_other_languages": {
        "fi": "Muilla kielillä",
        "sv": "På andra språk",
        "en": "In other languages",
    },
    "translation_not_written": {
        "fi": "käännöstä ei ole",
        "sv": "ingen översättning",
        "en": "no translation",
    },
    "example_mark": {"fi": "esimerkki", "sv": "exempel", "en": "example"},
    # A search result's label on example text: "Esimerkki: ei todellisen neuvottelun
    # sisältöä".
    "example_search_label": {"fi": "Esimerkki", "sv": "Exempel", "en": "Example"},
    "example_search": {
        "fi": "ei todellisen neuvottelun sisältöä",
        "sv": "inte innehållet i en verklig förhandling",
        "en": "not the content of an actual negotiation",
    },
    "changes": {"fi": "Muutokset", "sv": "Ändringar", "en": "Changes"},
    "updated": {"fi": "Päivitetty", "sv": "Uppdaterad", "en": "Updated"},
    "withdrawn_notice": {
        "fi": "Tämä asiakirja on vedetty pois.",
        "sv": "Detta dokument har återkallats.",
        "en": "This document has been withdrawn.",
    },
    "superseded_notice": {
        "fi": "Tämä asiakirja on korvattu. Voimassa oleva asiakirja:",
        "sv": "Detta dokument har ersatts. Gällande dokument:",
        "en": "This document has been superseded. The document in force:",
    },
    "reason": {"fi": "Syy", "sv": "Skäl", "en": "Reason"},
    # An earlier version of a document kept with `versions: keep` (pages.earlier).
    "earlier_notice": {
        "fi": "Tämä on asiakirjan aiempi versio, julkaistu {date}.",
        "sv": "Detta är en tidigare version av dokumentet, publicerad {date}.",
        "en": "This is an earlier version of the document, published {date}.",
    },
    "earlier_until": {
        "fi": "Se korvattiin uudemmalla versiolla {date}.",
        "sv": "Den ersattes med en nyare version {date}.",
        "en": "It was replaced by a newer version on {date}.",
    },
    "earlier_current": {
        "fi": "Voimassa oleva versio",
        "sv": "Gällande version",
        "en": "The version in force",
    },
    "earlier_ended_by": {
        "fi": "Muutos, jolla tämä versio korvattiin",
        "sv": "Ändringen som ersatte denna version",
        "en": "The change that replaced this version",
    },
    "earlier_versions": {
        "fi": "Aiemmat versiot",
        "sv": "Tidigare versioner",
        "en": "Earlier versions",
    },
    "earlier_item": {"fi": "Versio {date}", "sv": "Version {date}", "en": "Version of {date}"},
    "earlier_replaced": {"fi": "korvattu {date}", "sv": "ersatt {date}", "en": "replaced {date}"},
    "withdrawn_documents": {
        "fi": "Vedetyt ja korvatut asiakirjat",
        "sv": "Återkallade och ersatta dokument",
        "en": "Withdrawn and superseded documents",
    },
    "withdrawn_mark": {"fi": "vedetty", "sv": "återkallat", "en": "withdrawn"},
    "superseded_mark": {"fi": "korvattu", "sv": "ersatt", "en": "superseded"},
    "public_version_notice": {
        "fi": "Tämä on julkinen versio salassa pidettävästä asiakirjasta {document}. "
        "Siitä on jätetty pois salassa pidettävät tiedot.",
        "sv": "Detta är den offentliga versionen av det sekretessbelagda dokumentet "
        "{document}. Uppgifter som omfattas av sekretess har utelämnats.",
        "en": "This is the public version of the confidential document {document}. "
        "Confidential information has been left out.",
    },
    "omission_ground": {
        "fi": "Peruste",
        "sv": "Grund",
        "en": "Ground",
    },
    "feed_corrected": {
        "fi": "Korjattu {date}: {note}",
        "sv": "Korrigerat {date}: {note}",
        "en": "Corrected {date}: {note}",
    },
}

# The search box's own words (Pagefind's UI, templates/search.html), in place of its
# bundled translations: its Swedish "Sök på denna sida" says "this page", not "this
# site". [SEARCH_TERM], [COUNT] and [DIFFERENT_TERM] are Pagefind's to fill in.
SEARCH_UI: Mapping[str, Mapping[str, str]] = {
    "fi": {
        "placeholder": "Hae sivustolta",
        "clear_search": "Tyhjennä",
        "load_more": "Näytä lisää tuloksia",
        "search_label": "Hae sivustolta",
        "filters_label": "Rajaa hakua",
        "zero_results": "Ei tuloksia haulle [SEARCH_TERM]",
        "many_results": "[COUNT] tulosta haulle [SEARCH_TERM]",
        "one_result": "[COUNT] tulos haulle [SEARCH_TERM]",
        "alt_search": "Ei tuloksia haulle [SEARCH_TERM]. Näytetään tulokset haulle "
        "[DIFFERENT_TERM].",
        "search_suggestion": "Ei tuloksia haulle [SEARCH_TERM]. Kokeile jotakin näistä:",
        "searching": "Haetaan: [SEARCH_TERM]…",
    },
    "sv": {
        "placeholder": "Sök på webbplatsen",
        "clear_search": "Töm",
        "load_more": "Visa fler träffar",
        "search_label": "Sök på webbplatsen",
        "filters_label": "Avgränsa sökningen",
        "zero_results": "Inga träffar för [SEARCH_TERM]",
        "many_results": "[COUNT] träffar för [SEARCH_TERM]",
        "one_result": "[COUNT] träff för [SEARCH_TERM]",
        "alt_search": "Inga träffar för [SEARCH_TERM]. Här visas träffar för [DIFFERENT_TERM].",
        "search_suggestion": "Inga träffar för [SEARCH_TERM]. Pröva någon av följande:",
        "searching": "Söker efter [SEARCH_TERM]…",
    },
    "en": {
        "placeholder": "Search this site",
        "clear_search": "Clear",
        "load_more": "Load more results",
        "search_label": "Search this site",
        "filters_label": "Filters",
        "zero_results": "No results for [SEARCH_TERM]",
        "many_results": "[COUNT] results for [SEARCH_TERM]",
        "one_result": "[COUNT] result for [SEARCH_TERM]",
        "alt_search": "No results for [SEARCH_TERM]. Showing results for [DIFFERENT_TERM] instead.",
        "search_suggestion": "No results for [SEARCH_TERM]. Try one of these:",
        "searching": "Searching for [SEARCH_TERM]…",
    },
}

# The label of each document type where it names one document: "Tiedote" above a press
# release, not the list's "Tiedotteet".
_TYPE_KEYS: Mapping[str, str] = {"news": "news_item"}


def type_label(doc_type: str, lang: str) -> str:
    """What one document of `doc_type` is called: "Neuvotteluasiakirja", "Tiedote"."""
    return text(_TYPE_KEYS.get(doc_type, doc_type), lang)


def listing(items: list[str], lang: str) -> str:
    """The items joined as the language writes a list: "A, B ja C"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {text('and', lang)} {items[-1]}"


def words_lang(lang: str) -> str:
    """The language `text` answers in for `lang`: a Sámi language has no interface of
    its own, so its documents' PDFs print the interface's words in Finnish."""
    return lang if lang in ("fi", "sv", "en") else "fi"


def text(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang`; `{name}` placeholders are filled from `values`."""
    entry = STRINGS[key]
    template = entry.get(lang) or entry["fi"]
    return template.format(**values) if values else template


def counted(key: str, n: int, lang: str, **values: object) -> str:
    """The UI string for `n` of something in the form `lang` takes for `n`: `key#one`
    or `key#other` (core.formats.plural), `{n}` written as a quantity ("2 000")."""
    return text(f"{key}#{formats.plural(n, lang)}", lang, n=formats.integer(n, lang), **values)


def format_date(value: dt.date, lang: str) -> str:
    """Dates as each language writes them: 26.11.2018 in fi and sv, 26 November 2018 in en
    (core.formats.date)."""
    return formats.date(value, lang)


# --- issue 25: meetings and recommendations ---
def format_clock(value: dt.time, lang: str) -> str:
    """A time of day as Finnish and Finland-Swedish write it, 9.00 and 10.30 (and the
    site's English the same: the times are Finnish time)."""
    return f"{value.hour}.{value.minute:02d}"
