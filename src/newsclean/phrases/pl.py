"""Polish phrase pack."""

LABELS = {
    "live": ("słuchaj", "posłuchaj", "na żywo", "transmisja na żywo", "oglądaj", "odsłuchaj artykuł"),
    "short-link": (),
    "print": ("drukuj",),
    "tools": ("zapisz", "zamknij", "szukaj", "pokaż więcej", "galeria"),
    "share": ("udostępnij", "podziel się", "wyślij", "kopiuj link", "skopiuj link"),
    "subscribe": ("subskrybuj", "zapisz się", "newsletter", "zaloguj się", "obserwuj", "zarejestruj się"),
    "related": ("czytaj także", "czytaj też", "zobacz także", "zobacz też", "polecamy",
                "najczęściej czytane", "podobne artykuły", "czytaj więcej", "najnowsze"),
    "comments": ("komentarze", "komentarz", "skomentuj", "dodaj komentarz", "odpowiedz"),
    "ads": ("reklama", "artykuł sponsorowany", "materiał partnera", "sponsorowane"),
    "cookie": ("akceptuję", "zaakceptuj", "akceptuj wszystkie", "odrzuć"),
    "navigation": ("strona główna", "kontakt", "o nas", "regulamin", "polityka prywatności",
                   "polityka", "gospodarka", "kraj", "świat", "sport", "kultura", "wiadomości"),
}

PATTERNS = {
    "subscribe": (r"\b(?:zapisz się|subskrybuj|obserwuj nas)\b", r"\bnasz(?:ego|ym)? (?:newslettera?|kanał)\b"),
    "related": (r"^\s*(?:czytaj (?:także|też|więcej)|zobacz (?:także|też))\s*[:：|›»>-]",),
    "comments": (r"^\s*\d+\s*komentarz(?:y|e)?\s*$",
                 # the notice over a blog's comment form
                 r"\btwój adres e-?mail nie zostanie opublikowany\b",),
    "cookie": (r"\b(?:używamy|korzystamy z) (?:plików )?cookies?\b",),
    "navigation": (r"\bwszelkie prawa zastrzeżone\b",),
    "widget": (r"^\s*(?:fot\.|foto|zdjęcie|źródło)\s*[:：]?\s*[^.]{1,80}$",
               # a caption ending in its credit ("… w Warszawie. Fot. PAP/Leszek Szymański")
               r"(?:[.!?]\s+|\s[|·]\s*)(?:fot\.|foto\s*[:：])\s*[^.:]{2,60}$",
               r"\((?:fot\.|foto\s*[:：])\s*[^()]{1,50}\)\s*$"),
    "ads": (
        r"^\s*reklama\s*$",
        r"\bdalsza część (?:artykułu|tekstu) (?:pod|poniżej) reklam",
    ),
    "share": (
        r"^\s*(?:udostępnij|wyślij)\s+(?:na|przez|w)\s+[\w.+ -]{1,25}$",
    ),
}
