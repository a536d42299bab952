"""Turkish phrase pack."""

LABELS = {
    "live": ("dinle", "haberi dinle", "canlı", "canlı yayın", "izle", "videoyu izle"),
    "short-link": ("linki kopyala", "bağlantıyı kopyala"),
    "print": ("yazdır",),
    "tools": ("kaydet", "kapat", "ara", "daha fazla", "galeri"),
    "share": ("paylaş", "paylaşın", "gönder"),
    "subscribe": ("abone ol", "bülten", "giriş yap", "üye ol", "takip et"),
    "related": ("ilgili haberler", "benzer haberler", "en çok okunanlar", "çok okunanlar",
                "bunlar da ilginizi çekebilir", "devamını oku", "son dakika", "diğer haberler",
                "ilginizi çekebilir"),
    "comments": ("yorumlar", "yorum", "yorum yap", "yorum yaz", "yanıtla"),
    "ads": ("reklam", "sponsorlu", "sponsorlu içerik"),
    "cookie": ("kabul et", "tümünü kabul et", "çerezleri kabul et", "reddet", "çerez ayarları"),
    "navigation": ("ana sayfa", "anasayfa", "iletişim", "hakkımızda", "gizlilik politikası",
                   "künye", "gündem", "ekonomi", "spor", "dünya", "siyaset", "kültür", "sağlık"),
}

PATTERNS = {
    "subscribe": (r"\b(?:abone olun|bültenimize|bizi takip edin)\b", r"\b(?:takip edin|abone ol)\s*$"),
    "share": (r"^\s*(?:paylaş|gönder)\s*[\w.+ -]{0,25}$",),
    "comments": (r"^\s*\d+\s*yorum\s*$",
                 # the notice over a blog's comment form
                 r"\be-?posta adresiniz yayınlanmayacak\b",),
    "cookie": (r"\bçerez(?:ler)?(?:i)? kullan",),
    "navigation": (r"\btüm hakları saklıdır\b",),
    "ads": (
        r"^\s*(?:reklam|sponsorlu içerik)\s*$",
    ),
    "related": (
        r"^\s*(?:ilgili haberler|bunlar da ilginizi çekebilir|benzer haberler|daha fazla oku)\s*[:：|›»>-]",
    ),
    "widget": (
        r"^\s*(?:fotoğraf|foto|kaynak|görsel)\s*[:：]\s*[^.]{1,80}$",
        # a caption ending in its credit ("… Ankara'da. Fotoğraf: AA", "(Foto: DHA)")
        r"(?:[.!?]\s+|\s[|·]\s*)(?:fotoğraf|foto)\s*[:：]\s*[^.:]{2,60}$",
        r"\((?:fotoğraf|foto)\s*[:：]\s*[^()]{1,50}\)\s*$",
    ),
}
