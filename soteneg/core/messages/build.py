"""Making the site and its PDFs: templates, output, search index, print budgets, fonts,
printing."""

MESSAGES: dict[str, dict[str, str]] = {
    "@print-and": {"fi": " ja ", "sv": " och ", "en": " and "},
    # --- Print budgets (packets/budgets.py) ---------------------------------------------
    "too-many-footnotes": {
        "fi": "asiakirjassa on {count} alaviiteviittausta; raja on {limit} "
        "(print_budget.max_footnotes_per_document tiedostossa site.yaml), ja tämä on "
        "viittaus {reference}",
        "sv": "{count} fotnotshänvisningar i ett dokument; gränsen är {limit} "
        "(print_budget.max_footnotes_per_document i site.yaml), och detta är hänvisning "
        "{reference}",
        "en": "{count} footnote references in one document; the limit is {limit} "
        "(print_budget.max_footnotes_per_document in site.yaml), and this is reference "
        "{reference}",
    },
    "too-many-footnotes:hint": {
        "fi": "tulosteessa jokaisen viittauksen alaviite tulee sen sivun alareunaan: yhdistä "
        "alaviitteitä, kirjoita ne tekstiin tai jaa asiakirja osiin",
        "sv": "i tryck hamnar varje hänvisnings fotnot längst ned på dess sida: slå ihop "
        "fotnoter, skriv in dem i texten eller dela upp dokumentet",
        "en": "print sets every reference's note at the foot of its page: merge notes, write "
        "them into the text, or split the document",
    },
    "table-too-long": {
        "fi": "taulukossa on {rows} riviä; taulukkoa kohden raja on {limit} "
        "(print_budget.max_rows_per_table tiedostossa site.yaml), ja tämä on rivi {row}",
        "sv": "en tabell med {rows} rader; gränsen per tabell är {limit} "
        "(print_budget.max_rows_per_table i site.yaml), och detta är rad {row}",
        "en": "a table of {rows} rows; the limit per table is {limit} "
        "(print_budget.max_rows_per_table in site.yaml), and this is row {row}",
    },
    "table-too-long:hint": {
        "fi": "jaa taulukko osiin tai liitä koko aineisto taulukkolaskentatiedostona: xlsx, "
        "ods tai csv",
        "sv": "dela upp tabellen eller bifoga hela materialet som kalkylblad: xlsx, ods eller csv",
        "en": "split the table, or attach the full data as a spreadsheet: xlsx, ods or csv",
    },
    "table-too-large": {
        "fi": "taulukossa on {rows} riviä ja {columns} saraketta eli {cells} solua "
        "otsikkorivi mukaan lukien; raja on {limit} solua taulukkoa kohden "
        "(print_budget.max_cells_per_table tiedostossa site.yaml), ja raja ylittyy tällä "
        "rivillä",
        "sv": "en tabell med {rows} rader och {columns} kolumner har {cells} celler, "
        "rubrikraden medräknad; gränsen är {limit} celler per tabell "
        "(print_budget.max_cells_per_table i site.yaml), och gränsen överskrids på den här "
        "raden",
        "en": "a table of {rows} rows and {columns} columns has {cells} cells, the header row "
        "included; the limit is {limit} cells per table (print_budget.max_cells_per_table "
        "in site.yaml), and this row goes over it",
    },
    "table-too-large:hint": {
        "fi": "PDF-tiedostoa tulostettaessa jokainen solu vie muistia noin 30 kt: jaa taulukko "
        "osiin, jätä sarakkeita pois tai liitä koko aineisto taulukkolaskentatiedostona: "
        "xlsx, ods tai csv",
        "sv": "när PDF-filen skrivs ut tar varje cell cirka 30 kB minne: dela upp tabellen, "
        "utelämna kolumner eller bifoga hela materialet som kalkylblad: xlsx, ods eller csv",
        "en": "printing a PDF holds every cell in memory, about 30 KB each: split the table, "
        "leave columns out, or attach the full data as a spreadsheet: xlsx, ods or csv",
    },
    "packet-too-long": {
        "fi": "PDF-tiedostosta tulisi tulostettuna yli {limit} sivua "
        "(print_budget.max_pages_per_packet tiedostossa site.yaml): {pdfs}; raja ylittyy "
        "{where}",
        "sv": "PDF-filen {pdfs} skulle bli över {limit} sidor i tryck "
        "(print_budget.max_pages_per_packet i site.yaml); gränsen överskrids {where}",
        "en": "the PDF {pdfs} would print more than {limit} pages "
        "(print_budget.max_pages_per_packet in site.yaml), going over {where}",
    },
    "packet-too-long.many": {
        "fi": "PDF-tiedostoista tulisi tulostettuna yli {limit} sivua "
        "(print_budget.max_pages_per_packet tiedostossa site.yaml): {pdfs}; raja ylittyy "
        "{where}",
        "sv": "PDF-filerna {pdfs} skulle bli över {limit} sidor i tryck "
        "(print_budget.max_pages_per_packet i site.yaml); gränsen överskrids {where}",
        "en": "the PDFs {pdfs} would print more than {limit} pages "
        "(print_budget.max_pages_per_packet in site.yaml), going over {where}",
    },
    "packet-too-long:hint": {
        "fi": "liitä kukin tiedosto vain kerran, jaa asiakirja osiin tai linkitä pitkä "
        "tiedosto tekstistä liittämisen sijaan: linkitettyä tiedostoa ei tulosteta "
        "neuvotteluaineistoihin",
        "sv": "bifoga varje fil bara en gång, dela upp dokumentet eller länka till en lång fil "
        "i texten i stället för att bifoga den: en länkad fil skrivs inte ut i "
        "förhandlingsmaterialet",
        "en": "attach each file once, split the document, or link to a long file from the "
        "text instead of attaching it: a linked file is not printed into packets",
    },
    "build-too-long": {
        "fi": "tämän koonnin PDF-tiedostoista tulisi tulostettuna yhteensä noin {pages} "
        "sivua, yli {limit} (print_budget.max_pages_per_build tiedostossa site.yaml); raja "
        "ylittyy {where}, PDF-tiedostossa {url}",
        "sv": "PDF-filerna i det här bygget skulle bli sammanlagt cirka {pages} sidor i tryck, "
        "över {limit} (print_budget.max_pages_per_build i site.yaml); gränsen överskrids "
        "{where}, i PDF-filen {url}",
        "en": "the PDFs of this build would print about {pages} pages in all, more than "
        "{limit} (print_budget.max_pages_per_build in site.yaml); the total goes over "
        "{where}, in {url}",
    },
    "build-too-long:hint": {
        "fi": "jokainen asiakirja tulostetaan omaksi PDF-tiedostokseen ja neuvotteluaineistoihin, "
        "ja jokainen liite niiden mukana: linkitä pitkät tiedostot tekstistä liittämisen "
        "sijaan. Jos sivusto on kasvanut näin suureksi, ylläpitäjä voi nostaa rajaa",
        "sv": "varje dokument skrivs ut som en egen PDF-fil och i förhandlingsmaterialen, och "
        "varje bilaga med dem: länka till långa filer i texten i stället för att bifoga dem. "
        "Om webbplatsen har vuxit så här stor kan administratören höja gränsen",
        "en": "every document is printed as its own PDF and in the packets, and every "
        "attachment with it: link to long files from the text instead of attaching them. If "
        "the site has grown this large, its owner may raise the limit",
    },
    "packet-too-many-cells": {
        "fi": "PDF-tiedostoon tulisi yli {limit} taulukon solua "
        "(print_budget.max_cells_per_packet tiedostossa site.yaml): {pdfs}; raja ylittyy "
        "tässä taulukossa ({cells} solua)",
        "sv": "PDF-filen {pdfs} skulle få över {limit} tabellceller "
        "(print_budget.max_cells_per_packet i site.yaml); gränsen överskrids vid den här "
        "tabellen ({cells} celler)",
        "en": "the PDF {pdfs} would hold more than {limit} table cells "
        "(print_budget.max_cells_per_packet in site.yaml), going over at this table "
        "({cells} cells)",
    },
    "packet-too-many-cells.many": {
        "fi": "PDF-tiedostoihin tulisi yli {limit} taulukon solua "
        "(print_budget.max_cells_per_packet tiedostossa site.yaml): {pdfs}; raja ylittyy "
        "tässä taulukossa ({cells} solua)",
        "sv": "PDF-filerna {pdfs} skulle få över {limit} tabellceller "
        "(print_budget.max_cells_per_packet i site.yaml); gränsen överskrids vid den här "
        "tabellen ({cells} celler)",
        "en": "the PDFs {pdfs} would hold more than {limit} table cells "
        "(print_budget.max_cells_per_packet in site.yaml), going over at this table "
        "({cells} cells)",
    },
    "packet-too-many-cells:hint": {
        "fi": "PDF-tiedosto ladotaan kokonaan muistiin ennen tulostamista, ja jokainen "
        "taulukon solu vie noin 30 kt: lyhennä taulukoita tai liitä aineistot "
        "taulukkolaskentatiedostoina: xlsx, ods tai csv",
        "sv": "en PDF-fil sätts helt i minnet innan den skrivs ut, och varje tabellcell tar "
        "cirka 30 kB: korta tabellerna eller bifoga materialet som kalkylblad: xlsx, ods "
        "eller csv",
        "en": "a PDF is laid out whole in memory before it is written, and every table cell "
        "takes about 30 KB: shorten the tables, or attach the data as spreadsheets: xlsx, "
        "ods or csv",
    },
    "@packet-pdf": {
        "fi": "{url} (noin {pages})",
        "sv": "{url} (cirka {pages})",
        "en": "{url} (about {pages})",
    },
    "@packet-cells": {
        "fi": "{url} ({cells})",
        "sv": "{url} ({cells})",
        "en": "{url} ({cells})",
    },
    "@packet-more#one": {"fi": "{n} muu", "sv": "{n} till", "en": "{n} more"},
    "@packet-more#other": {"fi": "{n} muuta", "sv": "{n} till", "en": "{n} more"},
    "@cells#one": {"fi": "{n} solu", "sv": "{n} cell", "en": "{n} cell"},
    "@cells#other": {"fi": "{n} solua", "sv": "{n} celler", "en": "{n} cells"},
    "@packet-over-here": {"fi": "tässä", "sv": "här", "en": "here"},
    "@packet-over-at": {
        "fi": "liitteen '{file}' kohdalla ({pages})",
        "sv": "vid '{file}' ({pages})",
        "en": "at '{file}' ({pages})",
    },
    # --- Print fonts (packets/fonts.py) -------------------------------------------------
    "fontconfig-missing": {
        "fi": "PDF-tiedostoja ei voi tulostaa: fontconfig-kirjastoa ei voi ladata ({detail})",
        "sv": "PDF-filer kan inte skrivas ut: fontconfig kan inte laddas ({detail})",
        "en": "PDFs cannot be printed: fontconfig cannot be loaded ({detail})",
    },
    "fontconfig-missing:hint": {
        "fi": "asenna Pango ja fontconfig (Debian ja Ubuntu: apt-get install "
        "libpangoft2-1.0-0) tai jätä PDF-tiedostot pois valinnalla --no-pdf",
        "sv": "installera Pango och fontconfig (Debian och Ubuntu: apt-get install "
        "libpangoft2-1.0-0) eller hoppa över PDF-filerna med --no-pdf",
        "en": "install Pango and fontconfig (Debian and Ubuntu: apt-get install "
        "libpangoft2-1.0-0), or leave the PDFs out with --no-pdf",
    },
    "font-missing": {
        "fi": "tulostusfonttia {fonts} ei ole asennettu: neuvotteluaineistot tulostuisivat "
        "toisella fontilla, ja sivunvaihdot osuisivat eri kohtiin",
        "sv": "typsnittet {fonts} för utskrift är inte installerat: förhandlingsmaterialet "
        "skulle skrivas ut med ett annat typsnitt, med andra sidbrytningar",
        "en": "the print font {fonts} is not installed: packets would be printed in another "
        "font, with other page breaks",
    },
    "font-missing.many": {
        "fi": "tulostusfontteja {fonts} ei ole asennettu: neuvotteluaineistot tulostuisivat "
        "toisilla fonteilla, ja sivunvaihdot osuisivat eri kohtiin",
        "sv": "typsnitten {fonts} för utskrift är inte installerade: förhandlingsmaterialet "
        "skulle skrivas ut med andra typsnitt, med andra sidbrytningar",
        "en": "the print fonts {fonts} are not installed: packets would be printed in "
        "another font, with other page breaks",
    },
    # For one font and for several: {install} is one of the three phrases below.
    "font-missing:hint": {
        "fi": "{install}, nimeä asennettuja fonttiperheitä kohdassa print_fonts tiedostossa "
        "site.yaml tai jätä PDF-tiedostot pois valinnalla --no-pdf",
        "sv": "{install}, ange installerade typsnittsfamiljer under print_fonts i site.yaml "
        "eller hoppa över PDF-filerna med --no-pdf",
        "en": "{install}, name installed families under print_fonts in site.yaml, or leave "
        "the PDFs out with --no-pdf",
    },
    "@font-install-it": {"fi": "asenna se", "sv": "installera det", "en": "install it"},
    "@font-install-them": {"fi": "asenna ne", "sv": "installera dem", "en": "install them"},
    "@font-install-noto": {
        "fi": " (Debian ja Ubuntu: apt-get install fonts-noto-core)",
        "sv": " (Debian och Ubuntu: apt-get install fonts-noto-core)",
        "en": " (Debian, Ubuntu: apt-get install fonts-noto-core)",
    },
    # --- Printing (build/printing.py) ---------------------------------------------------
    "attachment-unreadable.print": {
        "fi": "'{file}': liitettä ei voitu piirtää tiedostoon {pdf}: {detail}",
        "sv": "'{file}': bilagan kunde inte ritas in i {pdf}: {detail}",
        "en": "'{file}' could not be drawn into {pdf}: {detail}",
    },
    "attachment-unreadable.print:hint": {
        "fi": "tulosta PDF-tiedosto uudelleen PDF-muotoon tai vie se uudelleen PDF/A-muodossa",
        "sv": "skriv ut PDF-filen på nytt som PDF eller exportera den på nytt som PDF/A",
        "en": "print the PDF to PDF again, or export it again as PDF/A",
    },
    "refused-fetch": {
        "fi": "{pdf}: tiedoston {url} lukeminen estettiin",
        "sv": "{pdf}: läsning av {url} nekades",
        "en": "{pdf}: refused to read {url}",
    },
    # --- The site's files (build/run.py, site/render.py) --------------------------------
    "url-collision": {
        "fi": "{url} kirjoitettaisiin kahdesti",
        "sv": "{url} skulle skrivas två gånger",
        "en": "{url} would be written twice",
    },
    "url-collision.attachment": {
        "fi": "'{file}' julkaistaisiin osoitteessa {url}, jossa julkaistaan jo '{other}': "
        "kahdella eri tiedostolla ei voi olla samaa osoitetta",
        "sv": "'{file}' skulle publiceras på {url}, där '{other}' redan publiceras: två "
        "olika filer kan inte ha samma adress",
        "en": "'{file}' would be published at {url}, where '{other}' is published already: "
        "two different files cannot share one address",
    },
    "url-collision.attachment:hint": {
        "fi": "nimeä toinen tiedostoista uudelleen",
        "sv": "byt namn på den ena filen",
        "en": "rename one of the two files",
    },
    "asset-missing": {
        "fi": "{name} puuttuu",
        "sv": "{name} saknas",
        "en": "{name} is missing",
    },
    # {error} is Jinja's or Python's own, as they give it.
    "template-error": {
        "fi": "{error} (sivua {page} muodostettaessa)",
        "sv": "{error} (när sidan {page} skapades)",
        "en": "{error} (while rendering {page})",
    },
    "template-error.syntax": {
        "fi": "mallissa on virhe: {error}",
        "sv": "fel i mallen: {error}",
        "en": "the template has an error: {error}",
    },
    "template-unsafe": {
        "fi": "malli lukee nimeä '{name}', jota mallit eivät saa käyttää: alaviivalla "
        "alkavien nimien ja Pythonin sisäisten nimien kautta malli voisi suorittaa koodia",
        "sv": "mallen läser namnet '{name}', som mallar inte får använda: genom namn som "
        "börjar med understreck och Pythons interna namn kunde en mall köra kod",
        "en": "the template reads '{name}', which templates may not use: through names "
        "that begin with an underscore and Python's internal names a template could run code",
    },
    "template-unsafe:hint": {
        "fi": "malli näyttää vain sille annetut tiedot; poista tämä kohta",
        "sv": "en mall visar bara de uppgifter den får; ta bort det här stället",
        "en": "a template shows only the data it is given; remove this part",
    },
    "template-unsafe.render": {
        "fi": "hiekkalaatikko esti tämän: {error} (sivua {page} muodostettaessa)",
        "sv": "sandlådan stoppade detta: {error} (när sidan {page} skapades)",
        "en": "the sandbox refused this: {error} (while rendering {page})",
    },
    "template-too-costly": {
        "fi": "sivun {page} muodostaminen tällä mallilla kesti yli {seconds} sekuntia, ja se "
        "keskeytettiin",
        "sv": "att skapa sidan {page} med den här mallen tog mer än {seconds} sekunder och avbröts",
        "en": "rendering {page} with this template took more than {seconds} seconds and was "
        "stopped",
    },
    "template-too-costly:hint": {
        "fi": "malli toistaa jotain liian monta kertaa: katso silmukat ja itseään kutsuvat makrot",
        "sv": "mallen upprepar något för många gånger: se över slingor och makron som "
        "anropar sig själva",
        "en": "the template repeats something too often: look at its loops and at macros "
        "that call themselves",
    },
    "template-too-costly.memory": {
        "fi": "sivun {page} muodostaminen tällä mallilla vei yli {mib} MiB muistia, ja se "
        "keskeytettiin",
        "sv": "att skapa sidan {page} med den här mallen tog mer än {mib} MiB minne och avbröts",
        "en": "rendering {page} with this template took more than {mib} MiB of memory and "
        "was stopped",
    },
    "template-missing": {
        "fi": "mallia '{name}' ei ole kansiossa templates/",
        "sv": "mallen '{name}' finns inte i mappen templates/",
        "en": "there is no template '{name}' in templates/",
    },
    "binary-file.template": {
        "fi": "tämä on binääritiedosto eikä UTF-8-tekstiä",
        "sv": "det här är en binär fil, inte UTF-8-text",
        "en": "this is a binary file, not UTF-8 text",
    },
    "binary-file.template:hint": {
        "fi": "mallit ovat tekstiä; kuvat ja fontit kuuluvat kansioon templates/static/",
        "sv": "mallar är text; bilder och typsnitt hör hemma i mappen templates/static/",
        "en": "templates are text; images and fonts belong in templates/static/",
    },
    # --- Output and search index (pipeline.py) ------------------------------------------
    "output-error": {
        "fi": "tähän ei kirjoiteta: {reason}",
        "sv": "skriver inte hit: {reason}",
        "en": "not writing here: {reason}",
    },
    # The detail is an `@output.` phrase below, already in the language.
    "output-error.failed": {"fi": "{detail}", "sv": "{detail}", "en": "{detail}"},
    "@output.no-staging": {
        "fi": "kansion {out} viereen ei voitu luoda kansiota: {reason}",
        "sv": "det gick inte att skapa en mapp bredvid {out}: {reason}",
        "en": "cannot create a folder beside {out}: {reason}",
    },
    "@output.cannot-write": {
        "fi": "sivustoa ei voitu kirjoittaa kansioon {out}: {reason}",
        "sv": "det gick inte att skriva webbplatsen till {out}: {reason}",
        "en": "cannot write the site to {out}: {reason}",
    },
    "@output.cannot-update": {
        "fi": "sivustoa ei voitu päivittää kansiossa {out}: {reason}",
        "sv": "det gick inte att uppdatera webbplatsen i {out}: {reason}",
        "en": "cannot update the site in {out}: {reason}",
    },
    "@output.symlink": {
        "fi": "{out} on symbolinen linkki; soteneg kirjoittaa vain oikeaan kansioon",
        "sv": "{out} är en symbolisk länk; soteneg skriver bara i en riktig mapp",
        "en": "{out} is a symlink; soteneg writes only into a real folder",
    },
    "@output.not-a-folder": {
        "fi": "{path} ei ole kansio (symbolinen linkki?); poista se",
        "sv": "{path} är ingen mapp (en symbolisk länk?); ta bort den",
        "en": "{path} is not a folder (a symlink?); remove it",
    },
    "@output.page-gone": {
        "fi": "sivu {path} katosi kansiosta koonnin aikana, eikä välimuistin tieto sen "
        "linkeistä ollut luettavissa; kokoa uudelleen",
        "sv": "sidan {path} försvann ur mappen under bygget, och cachens uppgifter om dess "
        "länkar gick inte att läsa; bygg igen",
        "en": "the page {path} went from the output during the build, and the cache's "
        "record of its links did not read back; build again",
    },
    "@output.cannot-lock": {
        "fi": "kansiota {out} ei voitu lukita: {reason}",
        "sv": "det gick inte att låsa {out}: {reason}",
        "en": "cannot lock {out}: {reason}",
    },
    "@output.not-replacing": {
        "fi": "{out} on olemassa eikä ole kansio; sitä ei korvata",
        "sv": "{out} finns och är ingen mapp; den ersätts inte",
        "en": "{out} exists and is not a folder; not replacing it",
    },
    "@output.holds-project": {
        "fi": "{out} sisältää projektin omia tiedostoja",
        "sv": "{out} innehåller projektets egna filer",
        "en": "{out} holds the project's own files",
    },
    "@output.hidden": {
        "fi": "{out} on projektin piilokansio (kuten .git)",
        "sv": "{out} är en dold mapp i projektet (som .git)",
        "en": "{out} is a hidden folder of the project (like .git)",
    },
    "@output.foreign": {
        "fi": "{out} ei ole tyhjä eikä soteneg ole koonnut sitä; poista se tai valitse "
        "toinen --out",
        "sv": "{out} är inte tom och har inte byggts av soteneg; ta bort den eller välj en "
        "annan --out",
        "en": "{out} is not empty and was not built by soteneg; remove it or choose another --out",
    },
    # Why the build's state folder is not used (build/state_trust.py): one line each,
    # with what to do. The cache decides what is published, so it is read only from a
    # folder nobody else can write.
    "@state.in-checkout": {
        "fi": "koonnin välimuisti {folder} on työkopiossa {checkout}, jonne muutokset ja "
        "CI voivat kirjoittaa: aseta XDG_CACHE_HOME työkopion ulkopuoliseen kansioon",
        "sv": "byggets cache {folder} ligger i arbetskopian {checkout}, där incheckningar "
        "och CI kan skriva: sätt XDG_CACHE_HOME till en mapp utanför arbetskopian",
        "en": "the build cache {folder} is inside the checkout {checkout}, where commits and "
        "CI can write: set XDG_CACHE_HOME to a folder outside the checkout",
    },
    "@state.writable": {
        "fi": "koonnin välimuistiin {folder} ei luoteta: muut käyttäjät voivat kirjoittaa "
        "kansioon {path} (oikeudet {mode}); poista heidän kirjoitusoikeutensa (chmod go-w "
        "{path}) tai aseta XDG_CACHE_HOME omaan kansioosi",
        "sv": "byggets cache {folder} är inte betrodd: andra användare kan skriva i {path} "
        "(rättigheter {mode}); ta bort deras skrivrätt (chmod go-w {path}) eller sätt "
        "XDG_CACHE_HOME till en egen mapp",
        "en": "the build cache {folder} is not trusted: other users can write {path} (mode "
        "{mode}); take away their right to write (chmod go-w {path}) or set XDG_CACHE_HOME "
        "to a folder of your own",
    },
    "@state.acl-user": {
        "fi": "koonnin välimuistiin {folder} ei luoteta: käyttöoikeusluettelo (ACL) antaa "
        "käyttäjälle {name} (uid {id}) oikeuden kirjoittaa kansioon {path}; poista "
        "luettelo (setfacl -b {path}) tai aseta XDG_CACHE_HOME omaan kansioosi",
        "sv": "byggets cache {folder} är inte betrodd: en åtkomstlista (ACL) ger användaren "
        "{name} (uid {id}) rätt att skriva i {path}; ta bort listan (setfacl -b {path}) "
        "eller sätt XDG_CACHE_HOME till en egen mapp",
        "en": "the build cache {folder} is not trusted: an access control list (ACL) lets "
        "user {name} (uid {id}) write {path}; remove it (setfacl -b {path}) or set "
        "XDG_CACHE_HOME to a folder of your own",
    },
    "@state.acl-group": {
        "fi": "koonnin välimuistiin {folder} ei luoteta: käyttöoikeusluettelo (ACL) antaa "
        "ryhmälle {name} (gid {id}) oikeuden kirjoittaa kansioon {path}; poista luettelo "
        "(setfacl -b {path}) tai aseta XDG_CACHE_HOME omaan kansioosi",
        "sv": "byggets cache {folder} är inte betrodd: en åtkomstlista (ACL) ger gruppen "
        "{name} (gid {id}) rätt att skriva i {path}; ta bort listan (setfacl -b {path}) "
        "eller sätt XDG_CACHE_HOME till en egen mapp",
        "en": "the build cache {folder} is not trusted: an access control list (ACL) lets "
        "group {name} (gid {id}) write {path}; remove it (setfacl -b {path}) or set "
        "XDG_CACHE_HOME to a folder of your own",
    },
    "@state.foreign": {
        "fi": "koonnin välimuistiin {folder} ei luoteta: kansio {path} kuuluu toiselle "
        "käyttäjälle (uid {uid}) eikä sinulle tai pääkäyttäjälle; aseta XDG_CACHE_HOME "
        "omaan kansioosi",
        "sv": "byggets cache {folder} är inte betrodd: {path} tillhör en annan användare "
        "(uid {uid}), inte dig eller root; sätt XDG_CACHE_HOME till en egen mapp",
        "en": "the build cache {folder} is not trusted: {path} belongs to another user (uid "
        "{uid}), not to you or root; set XDG_CACHE_HOME to a folder of your own",
    },
    "@state.loop": {
        "fi": "koonnin välimuistiin {folder} ei päästä, koska sen polun symboliset linkit "
        "kiertävät kehää; aseta XDG_CACHE_HOME todelliseen kansioon",
        "sv": "byggets cache {folder} går inte att nå: symboliska länkar i sökvägen går i en "
        "slinga; sätt XDG_CACHE_HOME till en riktig mapp",
        "en": "the build cache {folder} cannot be reached: symlinks in its path loop; set "
        "XDG_CACHE_HOME to a real folder",
    },
    "search-error": {
        "fi": "hakuindeksin luominen epäonnistui: {detail}",
        "sv": "det gick inte att skapa sökindexet: {detail}",
        "en": "the search index failed: {detail}",
    },
    # Why the search index failed (site.pagefind_service.SearchError).
    "@search.pagefind": {
        "fi": "Pagefind ilmoitti: {detail}",
        "sv": "Pagefind svarade: {detail}",
        "en": "{detail}",
    },
    "@search.no-binary": {
        "fi": "Pagefind-ohjelma puuttuu: asenna `pagefind[extended]`",
        "sv": "programmet Pagefind saknas: installera `pagefind[extended]`",
        "en": "the Pagefind binary is missing: install `pagefind[extended]`",
    },
    "@search.timeout": {
        "fi": "Pagefind ei valmistunut {seconds} sekunnissa",
        "sv": "Pagefind blev inte klar på {seconds} s",
        "en": "pagefind did not finish in {seconds} s",
    },
}
