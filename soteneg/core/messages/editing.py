"""Problems and hints that help an editor from a first document to a published one:
links written as addresses, ids meant by their names, a skeleton's text left in place,
and the text of the skeletons `soteneg new` writes."""

MESSAGES: dict[str, dict[str, str]] = {
    "@file-missing.document": {
        "fi": "linkitä asiakirjan tiedostoon: '{link}'",
        "sv": "länka till dokumentets fil: '{link}'",
        "en": "link to the document's file: '{link}'",
    },
    "@round-themes": {
        "fi": "kierroksen '{round}' teemat: {themes}",
        "sv": "teman i omgången '{round}': {themes}",
        "en": "the themes of round '{round}': {themes}",
    },
    "placeholder-text": {
        "fi": "asiakirjassa on yhä pohjan tekstiä, joka on tarkoitettu korvattavaksi: {text}",
        "sv": "dokumentet har fortfarande text från stommen som ska ersättas: {text}",
        "en": "the document still holds the skeleton's text to replace: {text}",
    },
    "placeholder-text.title": {
        "fi": "otsikko on yhä pohjan korvattava otsikko {text}",
        "sv": "rubriken är fortfarande stommens rubrik {text}, som ska ersättas",
        "en": "the title is still the skeleton's {text}, to replace",
    },
    "placeholder-text:hint": {
        "fi": "kirjoita teksti sen tilalle tai pidä asiakirja luonnoksena (draft: true), "
        "kunnes se on valmis",
        "sv": "skriv texten i dess ställe eller låt dokumentet vara ett utkast "
        "(draft: true) tills det är klart",
        "en": "write the text in its place, or keep the document a draft (draft: true) "
        "until it is ready",
    },
    "placeholder-text.title:hint": {
        "fi": "kirjoita asiakirjalle otsikko tai pidä asiakirja luonnoksena (draft: true), "
        "kunnes se on valmis",
        "sv": "skriv en rubrik för dokumentet eller låt det vara ett utkast (draft: true) "
        "tills det är klart",
        "en": "give the document its title, or keep it a draft (draft: true) until it is ready",
    },
    # What `soteneg new` writes: titles from the data, and text for the editor to replace.
    "@skeleton.title.negotiation.practice": {
        "fi": "{region} – harjoitusneuvottelu, {round}",
        "sv": "{region} – övningsförhandling, {round}",
        "en": "{region} – practice negotiation, {round}",
    },
    "@skeleton.title.negotiation.statutory": {
        "fi": "{region} – neuvottelu {year}",
        "sv": "{region} – förhandlingen {year}",
        "en": "{region} – negotiation {year}",
    },
    # The issuer by its short name (parties.yaml): "THL:n arvio", "AVI:s bedömning".
    "@skeleton.title.assessment": {
        "fi": "{issuer}:n arvio: {region}, {round}",
        "sv": "{issuer}:s bedömning: {region}, {round}",
        "en": "{issuer}'s assessment: {region}, {round}",
    },
    "@skeleton.title.summary": {
        "fi": "Yhteenveto: {round}",
        "sv": "Sammanfattning: {round}",
        "en": "Summary: {round}",
    },
    "@skeleton.title.summary.statutory": {
        "fi": "Neuvottelujen {year} yhteenveto",
        "sv": "Sammanfattning av förhandlingarna {year}",
        "en": "Summary of the negotiations {year}",
    },
    "@skeleton.title": {"fi": "[Otsikko]", "sv": "[Rubrik]", "en": "[Title]"},
    # Above the commented-out statutory fields of a negotiation document's skeleton.
    "@skeleton.statutory": {
        "fi": "Lakisääteisen neuvottelun tiedot: poista rivin alusta #, kun täytät kohdan "
        "(ohje: docs/editors.fi.md, Asiakirjan ja kokouksen tiedot).",
        "sv": "Uppgifter om den lagstadgade förhandlingen: ta bort # i början av raden när "
        "du fyller i den (anvisning: docs/editors.sv.md, Dokumentets och mötets uppgifter).",
        "en": "The statutory negotiation's facts: remove the # at the start of a line as "
        "you fill it in (guide: docs/editors.md, The record and the meeting).",
    },
    "@skeleton.follow-up": {
        "fi": "Kierroksen {round} suositukset: kerro kunkin tila (status).",
        "sv": "Rekommendationerna från omgången {round}: ange läget för var och en (status).",
        "en": "The recommendations of {round}: give the status of each.",
    },
    "@skeleton.theme-text": {
        "fi": "[Kirjoita tähän teemaa ”{name}” koskeva teksti.]",
        "sv": "[Skriv här texten om temat ”{name}”.]",
        "en": "[Write the text on the theme “{name}” here.]",
    },
    "@skeleton.text": {
        "fi": "[Kirjoita teksti tähän.]",
        "sv": "[Skriv texten här.]",
        "en": "[Write the text here.]",
    },
    # The browser editor (editors/cms.py, cms_admin.py): its page, collections, fields and hints.
    "@cms.title": {
        "fi": "Asiakirjojen muokkain",
        "sv": "Redigerare för dokumenten",
        "en": "Document editor",
    },
    "@cms.not-installed": {
        "fi": "selaimessa toimivan muokkaimen ohjelmaa (Decap CMS) ei ole asennettu "
        "kansioon {folder}; asenna se komennolla make cms",
        "sv": "programmet för redigeraren i webbläsaren (Decap CMS) är inte installerat i "
        "mappen {folder}; installera det med make cms",
        "en": "the browser editor (Decap CMS) is not installed in {folder}; install it with "
        "make cms",
    },
    "@cms.node-missing": {
        "fi": "selaimessa toimiva muokkain tarvitsee Node.js-ohjelman (node), jota ei löytynyt",
        "sv": "redigeraren i webbläsaren behöver Node.js (node), som inte hittades",
        "en": "the browser editor needs Node.js (node), which was not found",
    },
    "@cms.server-failed": {
        "fi": "selaimessa toimivan muokkaimen palvelin ei käynnistynyt: {said}",
        "sv": "servern för redigeraren i webbläsaren startade inte: {said}",
        "en": "the browser editor's server did not start: {said}",
    },
    "@cms.collection.negotiation": {
        "fi": "Neuvotteluasiakirjat",
        "sv": "Förhandlingsdokument",
        "en": "Negotiation documents",
    },
    "@cms.item.negotiation": {
        "fi": "Neuvotteluasiakirja",
        "sv": "Förhandlingsdokument",
        "en": "Negotiation document",
    },
    "@cms.collection.assessment": {"fi": "Arviot", "sv": "Bedömningar", "en": "Assessments"},
    "@cms.item.assessment": {"fi": "Arvio", "sv": "Bedömning", "en": "Assessment"},
    "@cms.collection.summary": {
        "fi": "Yhteenvedot",
        "sv": "Sammanfattningar",
        "en": "Summaries",
    },
    "@cms.item.summary": {"fi": "Yhteenveto", "sv": "Sammanfattning", "en": "Summary"},
    "@cms.collection.news": {
        "fi": "Tiedotteet",
        "sv": "Pressmeddelanden",
        "en": "Press releases",
    },
    "@cms.item.news": {"fi": "Tiedote", "sv": "Pressmeddelande", "en": "Press release"},
    "@cms.collection.page": {"fi": "Sivut", "sv": "Sidor", "en": "Pages"},
    "@cms.item.page": {"fi": "Sivu", "sv": "Sida", "en": "Page"},
    "@cms.field.title": {"fi": "Otsikko", "sv": "Rubrik", "en": "Title"},
    "@cms.field.date": {"fi": "Päivämäärä", "sv": "Datum", "en": "Date"},
    "@cms.field.lang": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "@cms.field.region": {"fi": "Alue", "sv": "Område", "en": "Region"},
    "@cms.field.round": {"fi": "Kierros", "sv": "Omgång", "en": "Round"},
    "@cms.field.themes": {"fi": "Teemat", "sv": "Teman", "en": "Themes"},
    "@cms.field.translation-of": {
        "fi": "Käännös asiakirjasta",
        "sv": "Översättning av",
        "en": "Translation of",
    },
    "@cms.field.draft": {"fi": "Luonnos", "sv": "Utkast", "en": "Draft"},
    "@cms.field.summary": {"fi": "Tiivistelmä", "sv": "Sammandrag", "en": "Summary"},
    "@cms.field.contacts": {
        "fi": "Yhteyshenkilöt",
        "sv": "Kontaktpersoner",
        "en": "Contacts",
    },
    "@cms.field.example": {"fi": "Esimerkki", "sv": "Exempel", "en": "Example"},
    "@cms.field.publish-at": {
        "fi": "Julkaisuaika",
        "sv": "Publiceringstid",
        "en": "Publish at",
    },
    "@cms.field.attachments": {"fi": "Liitteet", "sv": "Bilagor", "en": "Attachments"},
    "@cms.field.file": {"fi": "Tiedosto", "sv": "Fil", "en": "File"},
    "@cms.item.attachment": {"fi": "liite", "sv": "bilaga", "en": "attachment"},
    "@cms.field.description": {"fi": "Kuvaus", "sv": "Beskrivning", "en": "Description"},
    "@cms.field.original-version": {
        "fi": "Alkuperäisen tekstin versio",
        "sv": "Originalets version",
        "en": "Original's version",
    },
    "@cms.field.body": {"fi": "Teksti", "sv": "Text", "en": "Text"},
    # The statutory negotiations' fields (issue 25); the meeting is kept in the file.
    "@cms.field.issuer": {"fi": "Arvion antaja", "sv": "Utfärdare", "en": "Issued by"},
    "@cms.field.diary-number": {"fi": "Diaarinumero", "sv": "Diarienummer", "en": "Diary number"},
    "@cms.field.document-type": {
        "fi": "Asiakirjan laji",
        "sv": "Dokumentets art",
        "en": "Kind of document",
    },
    "@cms.field.document-date": {
        "fi": "Asiakirjan päiväys",
        "sv": "Dokumentets datum",
        "en": "Date of the document",
    },
    "@cms.field.agreed": {
        "fi": "Osapuolet hyväksyivät tekstin",
        "sv": "Parterna godkände texten",
        "en": "Text agreed on",
    },
    "@cms.field.recommendations": {
        "fi": "Toimenpidesuositukset",
        "sv": "Åtgärdsrekommendationer",
        "en": "Recommended actions",
    },
    "@cms.field.follow-up": {
        "fi": "Aiempien suositusten seuranta",
        "sv": "Uppföljning av tidigare rekommendationer",
        "en": "Follow-up of earlier recommendations",
    },
    "@cms.field.id": {"fi": "Tunnus", "sv": "Id", "en": "Id"},
    "@cms.field.theme": {"fi": "Teema", "sv": "Tema", "en": "Theme"},
    "@cms.field.text": {"fi": "Teksti", "sv": "Text", "en": "Text"},
    "@cms.field.addressee": {"fi": "Vastaanottaja", "sv": "Mottagare", "en": "Addressee"},
    "@cms.field.deadline": {"fi": "Määräaika", "sv": "Tidsfrist", "en": "Deadline"},
    "@cms.field.status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "@cms.field.versions": {
        "fi": "Aiemmat versiot",
        "sv": "Tidigare versioner",
        "en": "Earlier versions",
    },
    "@cms.field.note": {"fi": "Selitys", "sv": "Kommentar", "en": "Note"},
    "@cms.field.changes": {
        "fi": "Muutokset julkaisun jälkeen",
        "sv": "Ändringar efter publiceringen",
        "en": "Changes after publication",
    },
    "@cms.field.reason": {
        "fi": "Poisvetämisen syy",
        "sv": "Skäl för återkallandet",
        "en": "Reason for withdrawal",
    },
    "@cms.field.superseded-by": {
        "fi": "Korvaava asiakirja",
        "sv": "Ersätts av dokumentet",
        "en": "Superseded by",
    },
    "@cms.field.public-version-of": {
        "fi": "Julkinen versio asiakirjasta",
        "sv": "Offentlig version av dokumentet",
        "en": "Public version of",
    },
    "@cms.field.document": {"fi": "Asiakirja", "sv": "Dokument", "en": "Document"},
    "@cms.field.ground": {
        "fi": "Peruste pois jätetyille tiedoille",
        "sv": "Grund för det som utelämnats",
        "en": "Ground for the omission",
    },
    "@cms.hint.date": {
        "fi": "Kierroksen asiakirjassa kierroksen aikana oleva päivä.",
        "sv": "För ett dokument i en omgång en dag under omgången.",
        "en": "For a round's document, a day within the round.",
    },
    "@cms.hint.draft": {
        "fi": "Luonnosta ei julkaista. Poista valinta, kun asiakirja on valmis.",
        "sv": "Ett utkast publiceras inte. Ta bort markeringen när dokumentet är klart.",
        "en": "A draft is not published. Clear it when the document is ready.",
    },
    "@cms.hint.versions": {
        "fi": "keep: aiemmat commitoidut versiot pysyvät luettavina sivustolla omissa "
        "osoitteissaan.",
        "sv": "keep: tidigare committade versioner förblir läsbara på webbplatsen på egna "
        "adresser.",
        "en": "keep: earlier committed versions stay readable on the site at addresses of "
        "their own.",
    },
    "@cms.hint.publish-at": {
        "fi": "Asiakirja pidetään poissa sivustolta tähän asti, Suomen aikaa: {example}.",
        "sv": "Dokumentet hålls borta från webbplatsen till dess, finsk tid: {example}.",
        "en": "The document is kept off the site until then, Finnish time: {example}.",
    },
    "@cms.hint.translation-of": {
        "fi": "Vain käännökselle: alkuperäisen asiakirjan tunnus. Käännöksen aloittaa "
        "komento soteneg new valitsimella --lang.",
        "sv": "Bara för en översättning: originalets id. En översättning påbörjas med "
        "soteneg new och flaggan --lang.",
        "en": "For a translation only: the original's id. A translation is begun with "
        "soteneg new and its --lang.",
    },
    "@cms.hint.original-version": {
        "fi": "Tämän kirjoittaa komento soteneg translated; älä muuta sitä käsin.",
        "sv": "Det här skrivs av soteneg translated; ändra det inte för hand.",
        "en": "soteneg translated writes this; do not change it by hand.",
    },
    "@cms.hint.file": {
        "fi": "Polku asiakirjan kansiosta, esimerkiksi liitteet/raportti.pdf. Tiedosto "
        "lisätään versionhallintaan erikseen.",
        "sv": "Sökvägen från dokumentets mapp, t.ex. liitteet/rapport.pdf. Filen läggs "
        "till i versionshanteringen separat.",
        "en": "The path from the document's folder, e.g. liitteet/report.pdf. The file is "
        "added to version control separately.",
    },
    "@cms.hint.body": {
        "fi": "Markdown sellaisenaan. Teemaosio alkaa otsikolla ## Otsikko {{theme=tunnus}}; "
        "korvaa [hakasulkeissa olevat ohjeet] tekstillä.",
        "sv": "Markdown som den skrivs. Ett temaavsnitt börjar med rubriken "
        "## Rubrik {{theme=id}}; ersätt [anvisningarna inom hakparentes] med text.",
        "en": "Markdown as typed. A theme section starts with the heading "
        "## Heading {{theme=id}}; replace the [instructions in brackets] with text.",
    },
    "@cms.pattern.moment": {
        "fi": "muodossa 2018-12-01 09:00:00",
        "sv": "i formen 2018-12-01 09:00:00",
        "en": "as 2018-12-01 09:00:00",
    },
}
