"""German phrase pack."""

LABELS = {
    "live": ("live hören", "jetzt live", "livestream", "artikel anhören", "anhören", "vorlesen",
             "artikel vorlesen lassen", "audio", "video abspielen", "hören"),
    "short-link": ("kurzlink", "kurz-url"),
    "print": ("drucken", "artikel drucken", "druckversion"),
    "tools": ("schriftgröße", "merken", "speichern", "artikel merken", "zur merkliste",
              "bild vergrößern", "mehr anzeigen", "mehr laden", "schließen", "menü", "suche",
              "bildergalerie", "fehler melden", "artikel verschenken"),
    "share": ("teilen", "artikel teilen", "beitrag teilen", "auf facebook teilen", "per e-mail",
              "per mail teilen", "twittern", "link kopiert", "weiterleiten", "verschicken", "link kopieren"),
    "subscribe": ("abonnieren", "jetzt abonnieren", "newsletter", "anmelden", "registrieren",
                  "einloggen", "folgen", "mein konto", "abo", "jetzt abschließen"),
    "related": ("lesen sie auch", "lesen sie mehr", "mehr zum thema",
                "das könnte sie auch interessieren", "auch interessant", "weitere artikel",
                "meistgelesen", "meistgelesene artikel", "am meisten gelesen", "empfehlungen",
                "verwandte themen", "verwandte artikel", "weitere nachrichten", "top-themen",
                "neueste artikel", "mehr aus dem ressort", "passend zum thema", "auch lesenswert",
                "weiterlesen", "mehr lesen", "zum thema", "das könnte ihnen auch gefallen",
                "das könnte dich auch interessieren", "ähnliche artikel", "ähnliche beiträge",
                "verwandte beiträge"),
    "comments": ("kommentare", "kommentar", "kommentieren", "diskussion", "leserkommentare",
                 "kommentar schreiben", "kommentare anzeigen", "netiquette", "antworten", "melden"),
    "ads": ("anzeige", "werbung", "gesponsert", "sponsored", "advertorial", "anzeige schließen",
            "weiter nach der anzeige", "artikel wird nach der anzeige fortgesetzt"),
    "cookie": ("alle akzeptieren", "akzeptieren", "ablehnen", "cookie-einstellungen",
               "einstellungen", "zustimmen", "datenschutzeinstellungen"),
    "navigation": ("startseite", "zur startseite", "impressum", "datenschutz", "datenschutzerklärung",
                   "kontakt", "über uns", "agb", "nutzungsbedingungen", "nach oben", "zurück",
                   "weiter", "politik", "wirtschaft", "sport", "kultur", "meinung", "wissen",
                   "panorama", "gesundheit", "reise", "ausland", "inland", "regional", "lokales",
                   "nachrichten", "alle nachrichten", "mediathek", "themen", "barrierefreiheit",
                   "zum inhalt springen", "direkt zum inhalt", "hauptnavigation", "archiv", "ressorts"),
}

PATTERNS = {
    "share": (r"^\s*(?:teilen|senden|verschicken|per)\s+(?:auf|über|via|per|mit)?\s*[\w.+ -]{1,25}\s*(?:teilen)?$",),
    "subscribe": (
        r"\b(?:abonnieren sie|melden sie sich|registrieren sie sich|folgen sie uns)\b",
        r"\bunser(?:en|em)? [\w-]{0,20}newsletter\b",
        r"\bnewsletter (?:abonnieren|bestellen)\b",
        r"\bjetzt (?:abonnieren|abonnent werden|registrieren|kostenlos testen)\b",
        r"\b(?:laden sie|holen sie sich) (?:unsere|die) [\w-]{0,20}app\b",
        r"\bverpassen sie keine\b",
        r"\bin ihr(?:en)? (?:e-mail-)?(?:postfach|posteingang)\b",
    ),
    "related": (r"^\s*(?:lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|weiterlesen)\s*[:：|›»>-]",),
    "comments": (r"^\s*\d[\d.]*\s*kommentare?\s*$", r"^\s*kommentare?\s*\(\s*\d+\s*\)\s*$",
                 # the notice over a blog's comment form
                 r"\b(?:deine|ihre) e-mail-adresse wird nicht veröffentlicht\b",),
    "cookie": (r"\bwir (?:verwenden|nutzen) cookies\b", r"\bdiese (?:website|seite) (?:verwendet|nutzt) cookies\b"),
    "ads": (r"^\s*(?:anzeige|werbung)\s*$",),
    "navigation": (r"\balle rechte vorbehalten\b",),
    "widget": (
        r"^\s*(?:foto|bild|fotos|quelle|grafik|video)\s*[:：]\s*[^.]{1,80}$",
        # a caption ending in its credit ("… am Montag in Berlin. Foto: Michael Kappeler/dpa",
        # "… (Bild: Keystone)") or in an agency ("… picture alliance/dpa")
        r"(?:[.!?]\s+|\s[|·]\s*)(?:foto|bild|fotos)\s*[:：]\s*[^.:]{2,60}$",
        r"\((?:foto|bild)\s*[:：]\s*[^()]{1,50}\)\s*$",
        r"(?:picture[ -]alliance\s?|/\s?)(?:/\s?)?dpa(?:-zentralbild)?(?:/[\p{L} .-]{2,40})?\W{0,3}$",
        r"^\s*(?:lesezeit|lesedauer)\s*[:：]?\s*(?:ca\.\s*)?\d{1,3}\s*min(?:uten?)?\.?\s*$",
        r"^\s*\d{1,3}\s*min(?:uten?)?\.?\s*lesezeit\s*$",
    ),
}

#: The marks of a site's small print, by kind (as ``en.LEGAL``).
LEGAL = {
    "trademark": (r"\b(?:eingetragene (?:marken|warenzeichen)|warenzeichen|markenzeichen)\b",),
    "reserved": (r"\balle rechte vorbehalten\b",),
    "owners": (r"\beigentum (?:der|ihrer) (?:jeweiligen )?(?:inhaber|eigentümer|rechteinhaber)\b",),
    "permission": (r"\bohne (?:vorherige |ausdrückliche )?schriftliche (?:genehmigung|zustimmung|erlaubnis)\b",),
    "opinions": (r"\b(?:gibt|geben|spiegel[nt]) nicht (?:unbedingt|zwingend|notwendigerweise) die meinung\b",),
    "disclaimer": (r"^\W{0,3}haftungsausschluss\s*:",),
}
