"""Italian phrase pack."""

LABELS = {
    "live": ("ascolta", "ascolta l'articolo", "in diretta", "diretta", "guarda il video", "audio"),
    "short-link": (),
    "print": ("stampa", "stampa l'articolo"),
    "tools": ("salva", "chiudi", "cerca", "mostra di più", "carica altri", "galleria"),
    "share": ("condividi", "condividi su facebook", "condividi su whatsapp", "invia per email", "invia", "copia link", "link copiato"),
    "subscribe": ("abbonati", "iscriviti", "newsletter", "accedi", "registrati", "seguici"),
    "related": ("leggi anche", "potrebbe interessarti", "articoli correlati", "i più letti",
                "più letti", "correlati", "leggi di più", "ti potrebbe interessare",
                "ultime notizie", "potrebbe piacerti", "potrebbero interessarti",
                "articoli simili", "post correlati", "notizie correlate"),
    "comments": ("commenti", "commento", "commenta", "lascia un commento", "rispondi"),
    "ads": ("pubblicità", "sponsorizzato", "contenuto sponsorizzato"),
    "cookie": ("accetta", "accetta tutti", "accetta i cookie", "rifiuta", "rifiuta tutti", "gestisci cookie"),
    "navigation": ("home", "contatti", "chi siamo", "privacy", "note legali", "torna su",
                   "politica", "economia", "cronaca", "esteri", "sport", "cultura", "spettacoli"),
}

PATTERNS = {
    "share": (r"^\s*(?:condividi|invia)\s+(?:su|per|via|con)\s+[\w.+ -]{1,25}$",),
    "subscribe": (r"\b(?:iscriviti|abbonati|seguici) (?:alla|al|a|su)\b", r"\bla nostra newsletter\b"),
    # also in brackets at a paragraph's end: "(Leggi anche su: <headline>)"
    "related": (r"^\s*\(?(?:leggi anche(?: su)?|potrebbe interessarti)\s*[:：|›»>-]",),
    "comments": (r"^\s*\d+\s*commenti\s*$",
                 # the notice over a blog's comment form
                 r"\bil tuo indirizzo e-?mail non sarà pubblicato\b",),
    "cookie": (r"\b(?:utilizziamo|questo sito utilizza) (?:i )?cookie\b",),
    "navigation": (r"\btutti i diritti riservati\b", r"\briproduzione riservata\b"),
    "widget": (r"^\s*(?:foto|immagine|fonte)\s*[:：]\s*[^.]{1,80}$",
               # a caption ending in its credit ("… a Roma. Foto: Mario Rossi/Ansa", "(foto Ansa)")
               r"(?:[.!?]\s+|\s[|·]\s*)(?:foto|immagine)\s*[:：]\s*[^.:]{2,60}$",
               r"\((?:foto|immagine)\s*[:：]?\s*[^()]{1,50}\)\s*$",
               r"/\s?(?:ansa|lapresse|imagoeconomica)\W{0,3}$"),
    "ads": (
        r"^\s*pubblicit[aà]\s*$",
        r"\bcontinua (?:a leggere )?dopo (?:la )?pubblicit[aà]\b",
    ),
}
