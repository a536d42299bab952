"""Portuguese phrase pack."""

LABELS = {
    "live": ("ouvir", "ouça", "ouvir notícia", "ao vivo", "assista", "assistir", "áudio"),
    "short-link": (),
    "print": ("imprimir",),
    "tools": ("salvar", "fechar", "buscar", "ver mais", "carregar mais", "galeria"),
    "share": ("compartilhar", "partilhar", "compartilhe", "enviar por e-mail", "enviar", "copiar link", "link copiado"),
    "subscribe": ("assine", "assinar", "inscreva-se", "newsletter", "entrar", "cadastre-se", "siga-nos"),
    "related": ("leia também", "leia mais", "veja também", "notícias relacionadas", "mais lidas",
                "as mais lidas", "relacionadas", "saiba mais", "últimas notícias", "recomendadas",
                "você pode gostar", "você também pode gostar", "você também pode se interessar",
                "posts relacionados", "artigos relacionados"),
    "comments": ("comentários", "comentário", "comentar", "deixe um comentário", "responder"),
    "ads": ("publicidade", "patrocinado", "conteúdo patrocinado", "continua após a publicidade"),
    "cookie": ("aceitar", "aceitar todos", "rejeitar", "configurar cookies"),
    "navigation": ("início", "página inicial", "contato", "contacto", "quem somos",
                   "política de privacidade", "termos de uso", "voltar ao topo", "política",
                   "economia", "esportes", "desporto", "mundo", "cultura", "opinião"),
}

PATTERNS = {
    "share": (r"^\s*(?:compartilhar|partilhar|compartilhe|enviar)\s+(?:no|na|em|por|via|pelo)\s+[\w.+ -]{1,25}$",),
    "subscribe": (r"\b(?:assine|inscreva-se|siga-nos)\b", r"\bnossa newsletter\b", r"\bnosso canal\b"),
    "related": (r"^\s*(?:leia também|leia mais|veja também)\s*[:：|›»>-]",),
    "comments": (r"^\s*\d+\s*comentários?\s*$",
                 # the notice over a blog's comment form
                 r"\b(?:o )?seu endereço de e-?mail não será publicado\b",),
    "cookie": (r"\b(?:usamos|utilizamos|este site usa) cookies\b",),
    "navigation": (r"\btodos os direitos reservados\b",),
    "widget": (r"^\s*(?:foto|imagem|fonte)\s*[:：]\s*[^.]{1,80}$",
               # a caption ending in its credit ("… em Brasília. Foto: Fulano/Agência Brasil")
               r"(?:[.!?]\s+|\s[|·]\s*)(?:foto|imagem)\s*[:：]\s*[^.:]{2,60}$",
               r"\((?:foto|imagem)\s*[:：]\s*[^()]{1,50}\)\s*$",
               r"/\s?(?:lusa|folhapress|agência brasil|estadão conteúdo)\W{0,3}$"),
    "ads": (
        r"^\s*publicidade\s*$",
        r"\bcontinua (?:depois|ap[oó]s) (?:a )?publicidade\b",
    ),
}
