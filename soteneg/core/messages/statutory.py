"""The statutory negotiations: units and their kinds, areas and their members, rounds'
chairs, experts and legal basis, the negotiation document's meeting and recommended
actions and their follow-up, issuers of assessments, the languages a unit publishes in
(models, content.data_checks, content.recommendations, content.language_checks)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- what the models refuse (content.models, content.front_matter) -------------------
    "@renamed-field": {
        "fi": "kentän '{old}' nimi on nyt '{new}'",
        "sv": "fältet '{old}' heter nu '{new}'",
        "en": "the field '{old}' is now called '{new}'",
    },
    "invalid-value.part-and-date": {
        "fi": "siirtyneelle osalle (part) tarvitaan päivä (date), ja päivälle osa",
        "sv": "en del som flyttade (part) behöver ett datum (date), och ett datum en del",
        "en": "a part that moved (part) needs its date (date), and a date its part",
    },
    "invalid-value.person-or-name": {
        "fi": "anna joko henkilön tunniste (person) tai nimi (name)",
        "sv": "ange antingen personens id (person) eller ett namn (name)",
        "en": "give either a person's id (person) or a name (name)",
    },
    "invalid-value.person-has-title": {
        "fi": "tiedoston people.yaml henkilön nimike ja organisaatio ovat siellä; "
        "title ja organisation kuuluvat vain nimellä (name) annetulle",
        "sv": "titel och organisation för en person i people.yaml står där; title och "
        "organisation hör bara till en person som anges med namn (name)",
        "en": "a person of people.yaml has their title and organisation there; title and "
        "organisation go only with a name (name)",
    },
    "invalid-value.present-to-before-from": {
        "fi": "present_to-aika ei ole present_from-ajan jälkeen",
        "sv": "present_to är inte efter present_from",
        "en": "present_to is not after present_from",
    },
    "invalid-value.meeting-ends-before-start": {
        "fi": "kokous päättyy ennen kuin se alkaa",
        "sv": "mötet slutar innan det börjar",
        "en": "the meeting ends before it starts",
    },
    "invalid-value.meeting-place": {
        "fi": "anna kokouksen paikka (place) tai remote: true",
        "sv": "ange mötets plats (place) eller remote: true",
        "en": "give the meeting's place (place), or remote: true",
    },
    "invalid-date.time-missing": {
        "fi": "'{field}': myös kellonaika tarvitaan: VVVV-KK-PP TT:MM",
        "sv": "'{field}': även klockslaget behövs: ÅÅÅÅ-MM-DD TT:MM",
        "en": "'{field}': a time of day is needed too: YYYY-MM-DD HH:MM",
    },
    "invalid-date.clock-quoted": {
        "fi": "'{field}': kirjoita kellonaika lainausmerkeissä: '10:30'",
        "sv": "'{field}': skriv klockslaget inom citattecken: '10:30'",
        "en": "'{field}': write the time in quotes: '10:30'",
    },
    # --- references between the data files (content.data_checks) ------------------------
    "unknown-kind": {
        "fi": "yksikön lajia '{value}' ei ole määritelty tiedostossa kinds.yaml",
        "sv": "enhetstypen '{value}' är inte definierad i kinds.yaml",
        "en": "unit kind '{value}' is not defined in kinds.yaml",
    },
    "chair-not-a-party": {
        "fi": "puheenjohtaja '{party}' ei ole kierroksen '{round}' neuvotteluosapuoli",
        "sv": "ordföranden '{party}' är inte part i förhandlingsomgången '{round}'",
        "en": "the chair '{party}' is not a negotiating party of round '{round}'",
    },
    "chair-not-a-party:hint": {
        "fi": "lisää '{party}' kierroksen kenttään parties",
        "sv": "lägg till '{party}' i omgångens fält parties",
        "en": "add '{party}' to the round's parties",
    },
    "not-an-expert": {
        "fi": "'{party}' ei ole asiantuntijaelin",
        "sv": "'{party}' är inte ett sakkunnigorgan",
        "en": "'{party}' is not an expert body",
    },
    "not-an-expert:hint": {
        "fi": "merkitse se tiedostossa parties.yaml: expert: true",
        "sv": "märk det i parties.yaml: expert: true",
        "en": "mark it in parties.yaml: expert: true",
    },
    "members-not-allowed": {
        "fi": "yksiköllä '{region}' ei voi olla jäseniä: sen lajilla '{kind}' ei ole "
        "jäseniä (has_members tiedostossa kinds.yaml)",
        "sv": "enheten '{region}' kan inte ha medlemmar: dess typ '{kind}' har inga "
        "medlemmar (has_members i kinds.yaml)",
        "en": "unit '{region}' cannot have members: its kind '{kind}' has none "
        "(has_members in kinds.yaml)",
    },
    # --- a round's documents (content.statutory_checks) ----------------------------------
    "issuer-not-in-round": {
        "fi": "'{party}' ei ole kierroksen '{round}' asiantuntija",
        "sv": "'{party}' är inte sakkunnig i omgången '{round}'",
        "en": "'{party}' is not an expert of round '{round}'",
    },
    "issuer-not-in-round:hint": {
        "fi": "kierroksen asiantuntijat ovat: {experts}",
        "sv": "omgångens sakkunniga är: {experts}",
        "en": "the round's experts are: {experts}",
    },
    "not-negotiated": {
        "fi": "yksikön '{region}' kanssa ei neuvotella (sen laji on {kind}); siitä voi "
        "olla arvio tai yhteenveto",
        "sv": "med enheten '{region}' förhandlas inte (dess typ är {kind}); om den kan det "
        "finnas en bedömning eller en sammanfattning",
        "en": "there are no negotiations with '{region}' (its kind is {kind}); it may have "
        "an assessment or a summary",
    },
    "unknown-side": {
        "fi": "'{side}' ei ole neuvottelun osapuoli: osapuolet ovat {sides}",
        "sv": "'{side}' är ingen part i förhandlingen: parterna är {sides}",
        "en": "'{side}' is not a side of the negotiation: the sides are {sides}",
    },
    "duplicate-diary-number": {
        "fi": "diaarinumero {number} on jo asiakirjalla {file}",
        "sv": "diarienumret {number} används redan av {file}",
        "en": "diary number {number} is already {file}'s",
    },
    "duplicate-diary-number:hint": {
        "fi": "diaarinumero yksilöi yhden asiakirjan; tarkista numero",
        "sv": "ett diarienummer identifierar ett enda dokument; kontrollera numret",
        "en": "a diary number identifies one document; check the number",
    },
    # --- recommended actions (content.recommendations) ------------------------------------
    "duplicate-recommendation": {
        "fi": "toimenpidesuositus '{id}' on jo annettu asiakirjassa {file}",
        "sv": "åtgärdsrekommendationen '{id}' har redan getts i {file}",
        "en": "recommendation '{id}' is already given in {file}",
    },
    "duplicate-recommendation:hint": {
        "fi": "anna suositukselle tunniste, jota yksikön aiemmissa asiakirjoissa ei ole "
        "käytetty, esimerkiksi vuosi ja numero: 2024-1",
        "sv": "ge rekommendationen ett id som inte har använts i enhetens tidigare "
        "dokument, till exempel år och nummer: 2024-1",
        "en": "give the recommendation an id not used in the unit's earlier documents, "
        "such as the year and a number: 2024-1",
    },
    "unknown-recommendation": {
        "fi": "toimenpidesuositusta '{id}' ei ole annettu yksikölle tai sen edeltäjille "
        "aiemmilla kierroksilla",
        "sv": "åtgärdsrekommendationen '{id}' har inte getts till enheten eller dess "
        "föregångare i tidigare omgångar",
        "en": "recommendation '{id}' was not given to the unit or its predecessors in an "
        "earlier round",
    },
    "follow-up-not-earlier": {
        "fi": "toimenpidesuositus '{id}' annetaan kierroksella '{round}', joten sitä ei "
        "voi seurata kierroksella '{here}'",
        "sv": "åtgärdsrekommendationen '{id}' ges i omgången '{round}' och kan inte följas "
        "upp i omgången '{here}'",
        "en": "recommendation '{id}' is given in round '{round}', so it cannot be followed "
        "up in round '{here}'",
    },
    "recommendation-not-followed": {
        "fi": "edellisen kierroksen toimenpidesuosituksia {ids} (asiakirjasta {file}) ei "
        "seurata tässä asiakirjassa",
        "sv": "åtgärdsrekommendationerna {ids} från föregående omgång ({file}) följs inte "
        "upp i det här dokumentet",
        "en": "the previous round's recommendations {ids} (from {file}) are not followed "
        "up in this document",
    },
    "recommendation-not-followed:hint": {
        "fi": "lisää kullekin follow_up-merkintä: id, status ja halutessa note",
        "sv": "lägg till en follow_up-post för var och en: id, status och gärna note",
        "en": "add a follow_up entry for each: id, status and, if useful, a note",
    },
    "translation-recommendations": {
        "fi": "kentän {field} tunnisteet ({mine}) eivät ole samat kuin alkuperäisessä "
        "asiakirjassa {original} ({theirs})",
        "sv": "id:na i fältet {field} ({mine}) är inte desamma som i originalet "
        "{original} ({theirs})",
        "en": "the ids of {field} ({mine}) differ from those of the original {original} ({theirs})",
    },
    "translation-recommendations:hint": {
        "fi": "kieliversiossa on samat suositukset samoilla tunnisteilla ja samassa "
        "järjestyksessä; vain teksti on käännetty",
        "sv": "en språkversion har samma rekommendationer med samma id i samma ordning; "
        "bara texten är översatt",
        "en": "a language version has the same recommendations with the same ids in the "
        "same order; only the text is translated",
    },
    # --- the languages a unit publishes in (content.language_checks) ----------------------
    "translation-missing": {
        "fi": "tästä asiakirjasta puuttuu {version}: '{region}' julkaisee asiakirjansa {languages}",
        "sv": "det här dokumentet saknar {version}: '{region}' publicerar sina dokument "
        "{languages}",
        "en": "this document has no {version}: '{region}' publishes its documents {languages}",
    },
    "translation-missing:hint": {
        "fi": "kirjoita käännös (soteneg new … --lang {lang}) tai merkitse alkuperäinen "
        "luonnokseksi, kunnes käännös on valmis",
        "sv": "skriv översättningen (soteneg new … --lang {lang}) eller märk originalet som "
        "utkast tills översättningen är klar",
        "en": "write the translation (soteneg new … --lang {lang}), or mark the original as "
        "a draft until it is ready",
    },
    "@version.fi": {
        "fi": "suomenkielinen versio",
        "sv": "en finsk version",
        "en": "Finnish version",
    },
    "@version.sv": {
        "fi": "ruotsinkielinen versio",
        "sv": "en svensk version",
        "en": "Swedish version",
    },
    "@version.en": {
        "fi": "englanninkielinen versio",
        "sv": "en engelsk version",
        "en": "English version",
    },
    "@in-language.fi": {"fi": "suomeksi", "sv": "på finska", "en": "in Finnish"},
    "@in-language.sv": {"fi": "ruotsiksi", "sv": "på svenska", "en": "in Swedish"},
    "@in-language.en": {"fi": "englanniksi", "sv": "på engelska", "en": "in English"},
    "@and": {"fi": " ja ", "sv": " och ", "en": " and "},
}
