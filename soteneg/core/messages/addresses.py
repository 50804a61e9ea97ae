"""Addresses: where a document may be published, what the build keeps for itself, and
the link check of the built site."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- addresses (addresses, and what routes says of the build's own) -----------------
    "unsafe-address": {
        "fi": "tämä asiakirja julkaistaisiin osoitteessa {path}, joka ei kelpaa osoitteeksi: {why}",
        "sv": "det här dokumentet skulle publiceras på {path}, som inte är en giltig adress: {why}",
        "en": "this document would be published at {path}, which is not a clean address: {why}",
    },
    "@address.rule": {
        "fi": "osoitteiksi tulevien tiedostojen ja kansioiden nimissä saa olla vain pieniä "
        "kirjaimia a–z, numeroita sekä merkkejä '-', '_' ja '.' (ä → a, ö → o, å → a), ja "
        "nimen on alettava kirjaimella tai numerolla",
        "sv": "namnen på filer och mappar som blir adresser får bara innehålla små bokstäver "
        "a–z, siffror, '-', '_' och '.' (ä → a, ö → o, å → a), och namnet ska börja med en "
        "bokstav eller en siffra",
        "en": "the names of files and folders that become addresses may hold only lowercase "
        "letters a–z, digits, '-', '_' and '.' (ä → a, ö → o, å → a), and must begin with a "
        "letter or digit",
    },
    "@address.rename": {
        "fi": "anna tiedostolle nimi {renamed}: {rule}",
        "sv": "byt namn på det till {renamed}: {rule}",
        "en": "rename it {renamed}: {rule}",
    },
    "@address.space": {"fi": "välilyönti", "sv": "ett mellanslag", "en": "a space"},
    "@address.uppercase": {
        "fi": "isoja kirjaimia {letters}",
        "sv": "versaler {letters}",
        "en": "uppercase {letters}",
    },
    "@address.begins-with": {
        "fi": "'{segment}' alkaa merkillä '{first}'",
        "sv": "'{segment}' börjar med '{first}'",
        "en": "'{segment}' begins with '{first}'",
    },
    "@address.has": {
        "fi": "osassa '{segment}' on {chars}",
        "sv": "'{segment}' innehåller {chars}",
        "en": "'{segment}' has {chars}",
    },
    "@address.has-more": {
        "fi": "osassa '{segment}' on {chars} ja {more} muuta",
        "sv": "'{segment}' innehåller {chars} och {more} till",
        "en": "'{segment}' has {chars} and {more} more",
    },
    "url-collision.documents": {
        "fi": "tämä asiakirja ja {other} julkaistaisiin molemmat osoitteessa {path}",
        "sv": "det här dokumentet och {other} skulle båda publiceras på {path}",
        "en": "this document and {other} would both be published at {path}",
    },
    "@url-collision.rename": {
        "fi": "anna toiselle niistä eri tiedostonimi",
        "sv": "ge en av dem ett annat filnamn",
        "en": "give one of them another file name",
    },
    "@url-collision.translation": {
        "fi": "jos tämä on käännös tiedostosta {other}, lisää `translation_of: {id}`; "
        "muuten {rename}",
        "sv": "om det här är en översättning av {other}, lägg till `translation_of: {id}`; "
        "annars {rename}",
        "en": "if this is a translation of {other}, add `translation_of: {id}`; otherwise {rename}",
    },
    "reserved-address": {
        "fi": "tämä asiakirja julkaistaisiin osoitteessa {path}, {why}",
        "sv": "det här dokumentet skulle publiceras på {path}, {why}",
        "en": "this document would be published at {path}, {why}",
    },
    # A page of another document (or its PDF) where this one needs a folder.
    "url-collision.reserved": {
        "fi": "tämä asiakirja julkaistaisiin osoitteessa {path}, {why}",
        "sv": "det här dokumentet skulle publiceras på {path}, {why}",
        "en": "this document would be published at {path}, {why}",
    },
    "@reserved.page-hint": {
        "fi": "nimeä tiedosto tai sen kansio uudelleen: sivu julkaistaan polussaan kansion "
        "{dir}/ alla ilman päätettä .md",
        "sv": "byt namn på filen eller dess mapp: en sida publiceras på sin sökväg under "
        "{dir}/ utan .md",
        "en": "rename the file or its folder: a page is published at its path under {dir}/ "
        "without .md",
    },
    "@reserved.news-hint": {
        "fi": "nimeä tiedosto uudelleen: tiedotteet julkaistaan osoitteessa {news}<tiedostonimi>/",
        "sv": "byt namn på filen: pressmeddelanden publiceras på {news}<filnamn>/",
        "en": "rename the file: press releases are published at {news}<file name>/",
    },
    "@reserved.is": {"fi": "joka on {what}", "sv": "som är {what}", "en": "which is {what}"},
    "@reserved.is-folder": {
        "fi": "joka on varattu kansio ({what})",
        "sv": "som är mappen för {what}",
        "en": "which is the folder of {what}",
    },
    "@reserved.in-folder": {
        "fi": "joka on varatun kansion {folder} sisällä ({what})",
        "sv": "inne i {folder}, mappen för {what}",
        "en": "inside {folder}, the folder of {what}",
    },
    "@reserved.needs-folder": {
        "fi": "joka vaatisi kansion {folder}, mutta siihen kohtaan tallennetaan {what}",
        "sv": "som kräver en mapp {folder}, där bygget skriver {what}",
        "en": "which needs a folder {folder}, where the build writes {what}",
    },
    "@reserved.pdf-of": {
        "fi": "tiedoston {file} PDF",
        "sv": "PDF-filen för {file}",
        "en": "the PDF of {file}",
    },
    "@reserved.page-of": {
        "fi": "tiedoston {file} sivu",
        "sv": "sidan för {file}",
        "en": "the page of {file}",
    },
    "@route.static": {
        "fi": "tyylitiedostot ja muut kiinteät tiedostot",
        "sv": "stilmallarna och andra statiska filer",
        "en": "the stylesheets and other static files",
    },
    "@route.pdf": {
        "fi": "neuvotteluaineistot",
        "sv": "förhandlingsmaterialet",
        "en": "the negotiation packets",
    },
    "@route.attachments": {
        "fi": "liitteet ja kuvat",
        "sv": "bilagorna och bilderna",
        "en": "the attachments and images",
    },
    "@route.search-index": {
        "fi": "hakuindeksi, joka korvataan kokonaan joka kerta, kun sivusto kootaan",
        "sv": "sökindexet, som ersätts helt vid varje bygge",
        "en": "the search index, replaced whole on every build",
    },
    "@route.home": {"fi": "etusivu", "sv": "startsidan", "en": "the home page"},
    "@route.rounds": {
        "fi": "kierrosten luettelo",
        "sv": "listan över omgångar",
        "en": "the list of rounds",
    },
    "@route.regions": {
        "fi": "alueiden luettelo",
        "sv": "listan över områden",
        "en": "the list of regions",
    },
    "@route.themes": {
        "fi": "teemojen luettelo",
        "sv": "listan över teman",
        "en": "the list of themes",
    },
    "@route.news": {
        "fi": "tiedotteiden luettelo",
        "sv": "listan över pressmeddelanden",
        "en": "the list of press releases",
    },
    "@route.search": {"fi": "hakusivu", "sv": "söksidan", "en": "the search page"},
    "@route.statement": {
        "fi": "saavutettavuusseloste",
        "sv": "tillgänglighetsutlåtandet",
        "en": "the accessibility statement",
    },
    "@route.round": {
        "fi": "kierroksen '{round}' sivu",
        "sv": "sidan för omgången '{round}'",
        "en": "the page of round '{round}'",
    },
    "@route.region": {
        "fi": "alueen '{region}' sivu",
        "sv": "sidan för området '{region}'",
        "en": "the page of region '{region}'",
    },
    "@route.round-recommendations": {
        "fi": "kierroksen '{round}' toimenpidesuositusten sivu",
        "sv": "sidan med åtgärdsrekommendationerna i omgången '{round}'",
        "en": "the page of the recommended actions of round '{round}'",
    },
    "@route.region-recommendations": {
        "fi": "alueen '{region}' toimenpidesuositusten sivu",
        "sv": "sidan med åtgärdsrekommendationerna till området '{region}'",
        "en": "the page of the recommended actions to region '{region}'",
    },
    "@route.theme": {
        "fi": "teeman '{theme}' sivu",
        "sv": "sidan för temat '{theme}'",
        "en": "the page of theme '{theme}'",
    },
    "@route.theme-region": {
        "fi": "teeman '{theme}' sivu alueella '{region}'",
        "sv": "sidan för temat '{theme}' i området '{region}'",
        "en": "the page of theme '{theme}' in region '{region}'",
    },
    "@route.theme-pairs": {
        "fi": "teeman '{theme}' vertailut alueella '{region}' (kaksi kierrosta, arviot, "
        "suositukset)",
        "sv": "jämförelserna av temat '{theme}' i området '{region}' (två omgångar, "
        "bedömningar, rekommendationer)",
        "en": "the comparisons of theme '{theme}' in region '{region}' (two rounds, "
        "assessments, recommendations)",
    },
    "@route.not-found": {
        "fi": "sivu osoitteille, joita ei ole",
        "sv": "sidan för adresser som inte finns",
        "en": "the page for addresses that do not exist",
    },
    "@route.sitemap": {"fi": "sivukartta", "sv": "webbplatskartan", "en": "the sitemap"},
    "@route.feed": {
        "fi": "tiedotteiden syöte",
        "sv": "flödet med pressmeddelanden",
        "en": "the feed of press releases",
    },
    "@route.language": {
        "fi": "kielen '{lang}' sivut",
        "sv": "sidorna på '{lang}'",
        "en": "the pages in '{lang}'",
    },
    # --- the link check of the built site (linkcheck) -----------------------------------
    "@links-to-draft": {
        "fi": "se linkittää asiakirjaan {file}, joka on luonnos (`draft: true`) eikä sitä "
        "siksi julkaista; julkaise se poistamalla `draft: true` tai poista linkki. Luonnokset "
        "linkkeineen näkyvät esikatselussa `soteneg serve` ja koonnissa "
        "`soteneg build --drafts`",
        "sv": "den länkar till {file}, som är ett utkast (`draft: true`) och därför inte "
        "publiceras; publicera det genom att ta bort `draft: true`, eller ta bort länken. "
        "Utkast med sina länkar syns i förhandsvisningen `soteneg serve` och i "
        "`soteneg build --drafts`",
        "en": "it links to {file}, which is a draft (`draft: true`) and so not published; "
        "publish it by removing `draft: true`, or remove the link. To see drafts with "
        "their links, preview with `soteneg serve` or build with `soteneg build --drafts`",
    },
    "@links-to-embargoed": {
        "fi": "se linkittää asiakirjaan {file}, joka julkaistaan vasta {moment} "
        "(`publish_at`); poista linkki siihen asti tai julkaise molemmat samaan aikaan",
        "sv": "den länkar till {file}, som publiceras först {moment} (`publish_at`); ta "
        "bort länken tills dess, eller publicera båda samtidigt",
        "en": "it links to {file}, which is published only from {moment} "
        "(`publish_at`); remove the link until then, or publish both at the same time",
    },
    "broken-output-link": {
        "fi": "{url} sivulla {page}: {why}",
        "sv": "{url} på {page}: {why}",
        "en": "{url} on {page}: {why}",
    },
    "@output-link.scheme": {
        "fi": "osoitteen alku '{scheme}:' ei ole sallittu",
        "sv": "adresstypen '{scheme}:' är inte tillåten",
        "en": "the scheme '{scheme}:' is not allowed",
    },
    "@output-link.outside-base": {
        "fi": "{path} on sivuston peruspolun {base} ulkopuolella",
        "sv": "{path} ligger utanför webbplatsens bassökväg {base}",
        "en": "{path} is outside the site's base path {base}",
    },
    "@output-link.leaves-site": {
        "fi": "{path} johtaa sivuston ulkopuolelle",
        "sv": "{path} leder utanför webbplatsen",
        "en": "{path} leaves the site",
    },
    "@output-link.control-character": {
        "fi": "linkissä on ohjausmerkki",
        "sv": "länken innehåller ett styrtecken",
        "en": "the link holds a control character",
    },
    "@output-link.missing": {
        "fi": "osoitteessa {path} ei ole sivua eikä tiedostoa",
        "sv": "ingen sida eller fil finns på {path}",
        "en": "no page or file at {path}",
    },
    "@output-link.no-id": {
        "fi": "sivulla {path} ei ole elementtiä, jonka id on '{id}'",
        "sv": "{path} har inget element med id '{id}'",
        "en": "{path} has no element with id '{id}'",
    },
}
