"""What needs more than one file: ids, themes of a round, sections, translations,
languages, links and anchors in documents, regions in time."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- ids that name nothing (crossref) ----------------------------------------------
    "unknown-theme": {
        "fi": "teemaa '{value}' ei ole määritelty",
        "sv": "temat '{value}' är inte definierat",
        "en": "theme '{value}' is not defined",
    },
    "unknown-party": {
        "fi": "osapuolta '{value}' ei ole määritelty",
        "sv": "parten '{value}' är inte definierad",
        "en": "party '{value}' is not defined",
    },
    "unknown-era": {
        "fi": "kautta '{value}' ei ole määritelty",
        "sv": "perioden '{value}' är inte definierad",
        "en": "era '{value}' is not defined",
    },
    "unknown-region": {
        "fi": "aluetta '{value}' ei ole määritelty",
        "sv": "området '{value}' är inte definierat",
        "en": "region '{value}' is not defined",
    },
    "unknown-round": {
        "fi": "kierrosta '{value}' ei ole määritelty",
        "sv": "omgången '{value}' är inte definierad",
        "en": "round '{value}' is not defined",
    },
    "unknown-person": {
        "fi": "henkilöä '{value}' ei ole määritelty",
        "sv": "personen '{value}' är inte definierad",
        "en": "person '{value}' is not defined",
    },
    # --- themes and sections -------------------------------------------------------------
    "theme-not-in-round": {
        "fi": "teemasta '{theme}' ei neuvotella kierroksella '{round}'",
        "sv": "temat '{theme}' förhandlas inte i omgången '{round}'",
        "en": "theme '{theme}' is not negotiated in round '{round}'",
    },
    "theme-not-in-round:hint": {
        "fi": "kierroksen teemat ovat: {themes}",
        "sv": "omgångens teman är: {themes}",
        "en": "the round's themes are: {themes}",
    },
    "theme-section-level": {
        "fi": "teeman '{theme}' osion on oltava tason 2 otsikko ('## …')",
        "sv": "avsnittet för temat '{theme}' ska vara en rubrik på nivå 2 ('## …')",
        "en": "the theme section '{theme}' must be a level-2 heading ('## …')",
    },
    "duplicate-section": {
        "fi": "teemalla '{theme}' on jo osio rivillä {line}",
        "sv": "temat '{theme}' har redan ett avsnitt på rad {line}",
        "en": "theme '{theme}' already has a section on line {line}",
    },
    # The English of a heading's attribute error is the error itself; Finnish and Swedish
    # say what it is about first.
    "heading-attribute": {
        "fi": "otsikon määreet: {error}",
        "sv": "rubrikens attribut: {error}",
        "en": "{error}",
    },
    "@heading-attribute.unreadable": {
        "fi": "kohtaa '{part}' ei voi lukea merkinnässä {{{block}}}",
        "sv": "'{part}' kan inte läsas i {{{block}}}",
        "en": "cannot read '{part}' in {{{block}}}",
    },
    "@heading-attribute.unknown": {
        "fi": "tuntematon otsikon määre '{name}' (sallittuja: #id, .class, theme=…)",
        "sv": "okänt rubrikattribut '{name}' (tillåtna: #id, .class, theme=…)",
        "en": "unknown heading attribute '{name}' (allowed: #id, .class, theme=…)",
    },
    "duplicate-document": {
        "fi": "kohteelle {where} on jo asiakirja, jonka tyyppi on {type}: {file}",
        "sv": "det finns redan ett dokument av typen {type} för {where}: {file}",
        "en": "there is already a {type} document for {where}: {file}",
    },
    # --- translations --------------------------------------------------------------------
    "unknown-translation": {
        "fi": "translation_of '{target}' ei ole asiakirja",
        "sv": "translation_of '{target}' är inte ett dokument",
        "en": "translation_of '{target}' is not a document",
    },
    "translation-same-lang": {
        "fi": "'{target}' on myös kielellä '{lang}': käännöksen on oltava toisella kielellä",
        "sv": "'{target}' är också på '{lang}': en översättning ska vara på ett annat språk",
        "en": "'{target}' is also in '{lang}': a translation must be in another language",
    },
    "translation-chain": {
        "fi": "'{target}' on itse käännös; viittaa alkutekstiin '{original}'",
        "sv": "'{target}' är själv en översättning; hänvisa till originalet '{original}'",
        "en": "'{target}' is itself a translation; point to the original '{original}'",
    },
    "translation-type": {
        "fi": "'{target}' on tyyppiä {theirs}, tämä asiakirja tyyppiä {mine}",
        "sv": "'{target}' är av typen {theirs}, det här dokumentet av typen {mine}",
        "en": "'{target}' is a {theirs}, this is a {mine}",
    },
    "translation-mismatch": {
        "fi": "{field} '{mine}' on eri kuin alkutekstin '{theirs}'",
        "sv": "{field} '{mine}' skiljer sig från originalets '{theirs}'",
        "en": "{field} '{mine}' differs from the original's '{theirs}'",
    },
    "duplicate-translation": {
        "fi": "{file} on jo käännös asiakirjasta '{target}' kielelle '{lang}'",
        "sv": "{file} översätter redan '{target}' till '{lang}'",
        "en": "{file} already translates '{target}' into '{lang}'",
    },
    "translation-outdated": {
        "fi": "{original} on muuttunut tämän käännöksen tekemisen jälkeen "
        "(versio {recorded}, nyt {current})",
        "sv": "{original} har ändrats sedan den här översättningen gjordes "
        "(version {recorded}, nu {current})",
        "en": "{original} has changed since this translation was made "
        "(version {recorded}, now {current})",
    },
    "translation-outdated:hint": {
        "fi": "päivitä käännös ajan tasalle ja aja sitten `soteneg translated {file}`",
        "sv": "uppdatera översättningen och kör sedan `soteneg translated {file}`",
        "en": "bring the translation up to date, then run `soteneg translated {file}`",
    },
    # --- languages of the site -----------------------------------------------------------
    "language-not-published": {
        "fi": "'{lang}' ei ole mukana sivuston kielissä tiedostossa site.yaml",
        "sv": "'{lang}' är inte ett av webbplatsens språk i site.yaml",
        "en": "'{lang}' is not one of the site's languages in site.yaml",
    },
    "language-not-published:hint": {
        "fi": "lisää se kohtaan `languages:` tiedostossa site.yaml tai muuta kenttää `lang`",
        "sv": "lägg till det i `languages:` i site.yaml, eller ändra `lang`",
        "en": "add it to `languages:` in site.yaml, or change `lang`",
    },
    "language-without-content": {
        "fi": "'{lang}' on kentässä languages, mutta yksikään asiakirja ei ole sillä "
        "kielellä, joten sivustolla ei ole sivuja /{lang}/",
        "sv": "'{lang}' finns i languages, men inget dokument är skrivet på det, så "
        "webbplatsen har inga sidor under /{lang}/",
        "en": "'{lang}' is listed in languages, but no document is written in it, so the "
        "site has no /{lang}/ pages",
    },
    "language-without-content:hint": {
        "fi": "kirjoita asiakirjoja, joissa on `lang: {lang}`, tai poista '{lang}' "
        "kentästä languages",
        "sv": "skriv dokument med `lang: {lang}`, eller ta bort '{lang}' ur languages",
        "en": "write documents with `lang: {lang}`, or remove '{lang}' from languages",
    },
    # --- links and images in a document --------------------------------------------------
    "image-alt-missing": {
        "fi": "kuvalta '{href}' puuttuu tekstivastine",
        "sv": "bilden '{href}' saknar textalternativ",
        "en": "the image '{href}' has no alternative text",
    },
    "image-alt-missing:hint": {
        "fi": "kuvaile kuva hakasulkeiden välissä: ![mitä kuvassa näkyy](kuva.png)",
        "sv": "beskriv bilden mellan hakparenteserna: ![vad den visar](bild.png)",
        "en": "describe the image between the brackets: ![what it shows](file.png)",
    },
    "remote-image": {
        "fi": "kuva '{href}' ei ole projektin tiedosto",
        "sv": "bilden '{href}' är inte en fil i projektet",
        "en": "the image '{href}' is not a file in the project",
    },
    "remote-image:hint": {
        "fi": "tallenna kuva asiakirjan viereen ja linkitä se tiedostonimellä",
        "sv": "spara bilden bredvid dokumentet och länka till den med dess filnamn",
        "en": "save the image beside the document and link it by its file name",
    },
    "unsafe-link": {
        "fi": "linkit, jotka alkavat '{scheme}:', eivät ole sallittuja",
        "sv": "länkar med '{scheme}:' är inte tillåtna",
        "en": "links with '{scheme}:' are not allowed",
    },
    "unsafe-link:hint": {
        "fi": "käytä https://-osoitetta tai suhteellista linkkiä kansion content/ tiedostoon",
        "sv": "använd en https://-adress eller en relativ länk till en fil i content/",
        "en": "use an https:// address or a relative link to a file in content/",
    },
    "broken-anchor": {
        "fi": "tässä asiakirjassa ei ole otsikkoa '#{anchor}'",
        "sv": "det finns ingen rubrik '#{anchor}' i det här dokumentet",
        "en": "there is no heading '#{anchor}' in this document",
    },
    "broken-anchor.in-target": {
        "fi": "asiakirjassa '{path}' ei ole otsikkoa '#{anchor}'",
        "sv": "'{path}' har ingen rubrik '#{anchor}'",
        "en": "'{path}' has no heading '#{anchor}'",
    },
    "link-outside-content": {
        "fi": "'{href}' johtaa kansion {dir}/ ulkopuolelle",
        "sv": "'{href}' leder utanför {dir}/",
        "en": "'{href}' leads outside {dir}/",
    },
    "link-outside-content:hint": {
        "fi": "linkitä vain kansiossa content/ oleviin asiakirjoihin",
        "sv": "länka bara till dokument i content/",
        "en": "link only to documents inside content/",
    },
    "broken-link": {
        "fi": "'{path}' ei ole asiakirja",
        "sv": "'{path}' är inte ett dokument",
        "en": "'{path}' is not a document",
    },
    # --- regions in time (time_checks) ---------------------------------------------------
    # A period is written by core.formats ("1.1.2023 alkaen", "fr.o.m. 1.1.2023"); this
    # is the one that has neither end.
    "@days#one": {"fi": "{n} päivä", "sv": "{n} dag", "en": "{n} day"},
    "@days#other": {"fi": "{n} päivää", "sv": "{n} dagar", "en": "{n} days"},
    "@period.always": {
        "fi": "aina",
        "sv": "alltid",
        "en": "at all times",
    },
    "region-not-in-round": {
        "fi": "alue '{region}' on voimassa {period}, mutta kierros '{round}' kestää {round_period}",
        "sv": "området '{region}' gäller {period}, men omgången '{round}' pågår {round_period}",
        "en": "region '{region}' is valid {period}, but round '{round}' runs {round_period}",
    },
    "@region-not-in-round.successor": {
        "fi": "käytä sen sijaan silloin voimassa ollutta seuraajaa: {regions}",
        "sv": "ange i stället dess efterträdare som gällde då: {regions}",
        "en": "use its successor valid then instead: {regions}",
    },
    "@region-not-in-round.successors": {
        "fi": "käytä sen sijaan jotakin silloin voimassa olleista seuraajista: {regions}",
        "sv": "ange i stället en av dess efterträdare som gällde då: {regions}",
        "en": "use one of its successors valid then instead: {regions}",
    },
    "@region-not-in-round.no-successor": {
        "fi": "mikään alueen '{region}' seuraaja ei ollut silloin voimassa: tarkista "
        "`round` tai alueen valid_from ja valid_to tiedostossa {file}",
        "sv": "ingen efterträdare till '{region}' gällde då: kontrollera `round`, eller "
        "områdets valid_from och valid_to i {file}",
        "en": "no successor of '{region}' was valid then: check `round`, or the region's "
        "valid_from and valid_to in {file}",
    },
    "@region-not-in-round.predecessor": {
        "fi": "käytä sen sijaan silloin voimassa ollutta edeltäjää: {regions}",
        "sv": "ange i stället dess föregångare som gällde då: {regions}",
        "en": "use its predecessor valid then instead: {regions}",
    },
    "@region-not-in-round.predecessors": {
        "fi": "käytä sen sijaan jotakin silloin voimassa olleista edeltäjistä: {regions}",
        "sv": "ange i stället en av dess föregångare som gällde då: {regions}",
        "en": "use one of its predecessors valid then instead: {regions}",
    },
    "@region-not-in-round.no-predecessor": {
        "fi": "mikään alueen '{region}' edeltäjä ei ollut silloin voimassa: tarkista "
        "`round` tai alueen valid_from ja valid_to tiedostossa {file}",
        "sv": "ingen föregångare till '{region}' gällde då: kontrollera `round`, eller "
        "områdets valid_from och valid_to i {file}",
        "en": "no predecessor of '{region}' was valid then: check `round`, or the region's "
        "valid_from and valid_to in {file}",
    },
    "succession-cycle": {
        "fi": "seuraajien ketju palaa alueeseen '{first}': {cycle}",
        "sv": "kedjan av efterträdare återvänder till '{first}': {cycle}",
        "en": "succession returns to '{first}': {cycle}",
    },
    "succession-cycle:hint": {
        "fi": "alueen seuraajiksi merkitään vain alueita, jotka alkavat sen päätyttyä; "
        "poista '{last}' alueen '{region}' kentästä succeeded_by",
        "sv": "ett område efterträds bara av områden som börjar efter att det har upphört; "
        "ta bort '{last}' ur succeeded_by för '{region}'",
        "en": "a region is succeeded only by regions that begin after it ends; remove "
        "'{last}' from the succeeded_by of '{region}'",
    },
    "history-too-long": {
        "fi": "alue '{region}' jatkaa useamman kuin {limit} kierrosten aikana olemassa "
        "olleen edeltäjänsä historiaa; sen jokainen teemasivu luettelisi niiden kaikki "
        "kierrokset",
        "sv": "området '{region}' för vidare historien för fler än {limit} föregångare som "
        "fanns under omgångar; var och en av dess temasidor skulle räkna upp alla deras "
        "omgångar",
        "en": "region '{region}' continues the history of more than {limit} predecessors "
        "that existed during rounds; each of its theme pages would list all their rounds",
    },
    "history-too-long:hint": {
        "fi": "näin pitkä seuraajien ketju on todennäköisesti virhe kentissä succeeded_by, "
        "valid_from tai valid_to; edeltäjiä saa olla enintään {limit}",
        "sv": "en så lång kedja av efterträdare är troligen ett fel i succeeded_by, "
        "valid_from eller valid_to; högst {limit} föregångare är tillåtna",
        "en": "a chain of successors this long is most likely a mistake in succeeded_by, "
        "valid_from or valid_to; at most {limit} predecessors are allowed",
    },
    "succession-without-end": {
        "fi": "alueella '{region}' on seuraajia, mutta ei kenttää valid_to",
        "sv": "området '{region}' har efterträdare men inget valid_to",
        "en": "region '{region}' has successors but no valid_to",
    },
    "succession-without-end.never": {
        "fi": "alueella '{region}' on seuraajia, mutta se ei pääty koskaan ({end})",
        "sv": "området '{region}' har efterträdare men upphör aldrig ({end})",
        "en": "region '{region}' has successors but never ends ({end})",
    },
    "@succession-without-end.day-before": {
        "fi": "lisää valid_to: {day}, seuraajien alkua edeltävä päivä",
        "sv": "lägg till valid_to: {day}, dagen före efterträdarnas början",
        "en": "add valid_to: {day}, the day before its successors begin",
    },
    "@succession-without-end.last-day": {
        "fi": "lisää valid_to, alueen '{region}' viimeinen päivä",
        "sv": "lägg till valid_to, den sista dagen för '{region}'",
        "en": "add valid_to, the last day of '{region}'",
    },
    "succession-gap.no-start": {
        "fi": "alue '{region}' päättyy {end}, ja sen seuraajalta '{successor}' puuttuu valid_from",
        "sv": "området '{region}' upphör den {end}, och dess efterträdare '{successor}' "
        "saknar valid_from",
        "en": "region '{region}' ends on {end}, and its successor '{successor}' has no valid_from",
    },
    "succession-gap.gap": {
        "fi": "alue '{region}' päättyy {end}, ja sen seuraaja '{successor}' alkaa "
        "{begins}: väliin jää {days}, jolloin kumpikaan ei ole voimassa",
        "sv": "området '{region}' upphör den {end}, och dess efterträdare '{successor}' "
        "börjar den {begins}: under {days} gäller ingetdera",
        "en": "region '{region}' ends on {end}, and its successor '{successor}' begins on "
        "{begins}: {days} without either",
    },
    "succession-gap.overlap": {
        "fi": "alue '{region}' päättyy {end}, ja sen seuraaja '{successor}' alkaa "
        "{begins}: {days}, jolloin molemmat ovat voimassa",
        "sv": "området '{region}' upphör den {end}, och dess efterträdare '{successor}' "
        "börjar den {begins}: under {days} gäller båda",
        "en": "region '{region}' ends on {end}, and its successor '{successor}' begins on "
        "{begins}: {days} when both are valid",
    },
    "@succession-gap.hint": {
        "fi": "seuraaja alkaa edeltäjän päättymistä seuraavana päivänä: valid_from: "
        "{expected} alueelle '{successor}', tai korjaa alueen '{region}' valid_to",
        "sv": "en efterträdare börjar dagen efter att föregångaren har upphört: valid_from: "
        "{expected} för '{successor}', eller rätta valid_to för '{region}'",
        "en": "a successor begins the day after its predecessor ends: valid_from: "
        "{expected} for '{successor}', or correct valid_to of '{region}'",
    },
    "@succession-gap.hint-gap": {
        "fi": "seuraaja alkaa edeltäjän päättymistä seuraavana päivänä: valid_from: "
        "{expected} alueelle '{successor}', tai korjaa alueen '{region}' valid_to; jos "
        "väli on historiaa (esimerkiksi vuodet uudistuksen raukeamisesta hyvinvointialueisiin), "
        "kerro syy alueen '{region}' kentässä gap",
        "sv": "en efterträdare börjar dagen efter att föregångaren har upphört: valid_from: "
        "{expected} för '{successor}', eller rätta valid_to för '{region}'; om uppehållet "
        "är historia (till exempel åren mellan att reformen förföll och välfärdsområdena), "
        "ange orsaken i fältet gap för '{region}'",
        "en": "a successor begins the day after its predecessor ends: valid_from: "
        "{expected} for '{successor}', or correct valid_to of '{region}'; if the gap is "
        "history (the years between the lapsed reform and the counties, say), give the "
        "reason in gap of '{region}'",
    },
    "region-outside-era": {
        "fi": "alue '{region}' on voimassa {period} eli kautensa '{era}' ulkopuolella "
        "(kausi on voimassa {era_period})",
        "sv": "området '{region}' gäller {period}, utanför sin period '{era}', som gäller "
        "{era_period}",
        "en": "region '{region}' is valid {period}, outside its era '{era}', valid {era_period}",
    },
    "region-outside-era:hint": {
        "fi": "anna alueelle sen oman ajan päivämäärät (valid_from, valid_to) tai merkitse "
        "kausi, johon se kuuluu",
        "sv": "ge området datumen för dess egen tid (valid_from, valid_to), eller ange "
        "den period det hör till",
        "en": "give the region the dates of its own time (valid_from, valid_to), or name "
        "the era it belongs to",
    },
}
