"""Spanish phrase pack."""

LABELS = {
    "live": ("escuchar", "escuchar artículo", "escuchar noticia", "en vivo", "en directo",
             "ver en directo", "ver video", "ver vídeo", "audio", "escucha la noticia"),
    "short-link": ("enlace corto",),
    "print": ("imprimir", "imprimir artículo", "versión para imprimir"),
    "tools": ("tamaño de texto", "guardar", "guardar artículo", "cerrar", "buscar", "ver más",
              "cargar más", "ampliar", "galería", "regalar artículo"),
    "share": ("compartir", "compartir en facebook", "compartir en twitter", "compartir en whatsapp",
              "enviar por correo", "enviar", "tuitear", "comparte", "copiar enlace", "copiar link",
              "enlace copiado"),
    "subscribe": ("suscríbete", "suscribirse", "suscríbase", "boletín", "newsletter", "iniciar sesión",
                  "regístrate", "registrarse", "mi cuenta", "seguir", "síguenos"),
    "related": ("te puede interesar", "le puede interesar", "también te puede interesar",
                "noticias relacionadas", "artículos relacionados", "lee también", "lea también",
                "leer más", "ver también", "lo más leído", "más leídas", "lo más visto",
                "recomendados", "más noticias", "relacionado", "relacionadas", "te recomendamos",
                "últimas noticias", "contenido relacionado", "sigue leyendo", "más información",
                "también te puede gustar", "te puede gustar", "quizás te interese",
                "entradas relacionadas"),
    "comments": ("comentarios", "comentario", "comentar", "deja un comentario", "ver comentarios",
                 "responder", "denunciar", "normas de participación"),
    "ads": ("publicidad", "anuncio", "patrocinado", "contenido patrocinado"),
    "cookie": ("aceptar", "aceptar todo", "aceptar todas", "rechazar", "configurar cookies",
               "configuración de cookies", "política de cookies"),
    "navigation": ("inicio", "portada", "aviso legal", "contacto", "quiénes somos",
                   "política de privacidad", "mapa del sitio", "volver arriba", "anterior",
                   "siguiente", "política", "economía", "sociedad", "cultura", "deportes",
                   "internacional", "nacional", "opinión", "salud", "ciencia", "tecnología",
                   "secciones", "hemeroteca", "ir al contenido"),
}

PATTERNS = {
    "share": (r"^\s*(?:compartir|enviar|comparte|publicar)\s+(?:en|por|v[ií]a|con)\s+[\w.+ -]{1,25}$",),
    "subscribe": (
        r"\b(?:suscr[ií]bete|suscr[ií]base|s[ií]guenos|[uú]nete|reg[ií]strate)\b",
        r"\bnuestro (?:bolet[ií]n|newsletter|canal)\b",
        r"\b(?:descarga|descargue) (?:nuestra|la) app\b",
        r"\bno te pierdas\b",
        r"\ben tu (?:correo|bandeja de entrada|email)\b",
    ),
    "related": (r"^\s*(?:lee también|lea también|te puede interesar|ver también|leer más)\s*[:：|›»>-]",),
    "comments": (r"^\s*\d[\d.]*\s*comentarios?\s*$",
                 # the notice over a blog's comment form
                 r"\btu dirección de correo(?: electrónico)? no será publicada\b",),
    "cookie": (r"\b(?:utilizamos|usamos|este sitio (?:web )?utiliza) cookies\b",),
    "navigation": (r"\btodos los derechos reservados\b",),
    "widget": (r"^\s*(?:foto|fotografía|imagen|fuente|vídeo|video)\s*[:：]\s*[^.]{1,80}$",
               # a caption ending in its credit ("… en Madrid. Foto: Juan Pérez/EFE", "(Imagen: Reuters)")
               r"(?:[.!?]\s+|\s[|·]\s*)(?:foto|fotografía|imagen)\s*[:：]\s*[^.:]{2,60}$",
               r"\((?:foto|fotografía|imagen)\s*[:：]\s*[^()]{1,50}\)\s*$",
               r"/\s?(?:efe|europa press)\W{0,3}$",
               r"^\s*(?:tiempo de lectura|lectura)\s*[:：]?\s*\d{1,3}\s*min(?:utos?)?\.?\s*$"),
    "ads": (
        r"^\s*publicidad\s*$",
        r"\bcontin[uú]a (?:leyendo )?(?:despu[eé]s de|tras) (?:la|el) (?:publicidad|anuncio)\b",
    ),
}

#: The marks of a site's small print, by kind (as ``en.LEGAL``).
LEGAL = {
    "trademark": (r"\bmarcas? registradas?\b",),
    "reserved": (r"\btodos los derechos reservados\b",),
    "owners": (r"\bpropiedad de sus (?:respectivos )?(?:dueños|propietarios|titulares)\b",),
    "permission": (r"\bsin (?:el |la )?(?:previ[oa] )?(?:consentimiento|permiso|autorización) (?:previ[oa]|expres[oa]|por escrito)\b",),
    "opinions": (r"\bno (?:necesariamente )?(?:refleja|representa)n? (?:necesariamente )?(?:la opinión|el punto de vista)\b",),
}
