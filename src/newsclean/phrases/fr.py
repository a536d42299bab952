"""French phrase pack."""

LABELS = {
    "live": ("écouter", "écouter l'article", "écouter cet article", "en direct", "direct",
             "regarder", "lire la vidéo", "écouter le direct", "audio"),
    "short-link": ("lien court",),
    "print": ("imprimer", "imprimer l'article", "version imprimable"),
    "tools": ("taille du texte", "sauvegarder", "enregistrer", "ajouter à mes favoris", "fermer",
              "rechercher", "voir plus", "afficher plus", "agrandir", "diaporama",
              "offrir cet article", "offrir l'article", "signaler une erreur"),
    "share": ("partager", "partager l'article", "partager sur facebook", "partager sur twitter",
              "envoyer par e-mail", "envoyer par email", "envoyer", "tweeter", "partage", "copier le lien",
              "lien copié"),
    "subscribe": ("s'abonner", "abonnez-vous", "je m'abonne", "newsletter", "se connecter",
                  "connexion", "s'inscrire", "inscription", "mon compte", "suivre", "nous suivre"),
    "related": ("à lire aussi", "a lire aussi", "lire aussi", "à lire également",
                "sur le même sujet", "articles liés", "voir aussi", "les plus lus",
                "les plus populaires", "à découvrir", "dans la même rubrique",
                "recommandé pour vous", "à voir aussi", "à la une", "nos dernières actualités",
                "lire la suite", "en savoir plus", "vous aimerez aussi", "vous pourriez aimer",
                "à lire également sur le sujet", "articles similaires", "articles connexes"),
    "comments": ("commentaires", "commentaire", "réagir", "réagissez", "laisser un commentaire",
                 "voir les commentaires", "répondre", "signaler", "contributions"),
    "ads": ("publicité", "pub", "sponsorisé", "contenu sponsorisé", "contenu partenaire",
            "la suite après cette publicité", "la suite après la publicité"),
    "cookie": ("tout accepter", "accepter", "refuser", "tout refuser", "paramétrer les cookies",
               "gérer mes choix", "continuer sans accepter"),
    "navigation": ("accueil", "mentions légales", "contact", "contactez-nous", "qui sommes-nous",
                   "plan du site", "cgu", "conditions générales", "politique de confidentialité",
                   "haut de page", "retour en haut", "précédent", "suivant", "politique", "économie",
                   "société", "culture", "sport", "sports", "monde", "international", "france",
                   "santé", "sciences", "opinions", "idées", "actualités", "toute l'actualité",
                   "rubriques", "aller au contenu", "archives"),
}

PATTERNS = {
    "share": (r"^\s*(?:partager|envoyer|publier)\s+(?:sur|par|via|avec)\s+[\w.+ -]{1,25}$",),
    "subscribe": (
        r"\b(?:abonnez-vous|inscrivez-vous|suivez-nous|rejoignez-nous)\b",
        r"\bnotre (?:newsletter|lettre d'information|chaîne|application)\b",
        r"\b(?:téléchargez|installez) (?:notre|l')application\b",
        r"\bne manquez (?:rien|aucune)\b",
        r"\brecevez (?:notre|nos|gratuitement)\b",
        r"\bdans votre bo[iî]te (?:mail|e-mail|aux lettres|de réception)\b",
    ),
    "related": (r"^\s*(?:à lire aussi|a lire aussi|lire aussi|voir aussi|à lire également)\s*[:：|›»>-]",),
    "comments": (r"^\s*\d[\d\s]*\s*(?:commentaires?|réactions?|contributions?)\s*$",
                 # the notice over a blog's comment form
                 r"\bvotre adresse (?:e-?mail|de messagerie|courriel) ne sera pas publiée\b",),
    "cookie": (r"\b(?:nous utilisons|ce site utilise|utilisation) (?:des )?cookies\b",
               r"\bvous acceptez l'utilisation (?:des|de) cookies\b"),
    "ads": (r"^\s*publicité\s*$",),
    "navigation": (r"\btous droits réservés\b",),
    "widget": (r"^\s*(?:photo|crédit photo|crédits?|illustration|source|vidéo)\s*[:：]\s*[^.]{1,80}$",
               # a caption ending in its credit ("… à Paris. Photo : Ludovic Marin/AFP", "(Photo AFP)")
               r"(?:[.!?]\s+|\s[|·]\s*)(?:photo|crédit photo)\s*[:：]\s*[^.:]{2,60}$",
               r"\((?:photo|crédit photo)\s*[:：]?\s*[^()]{1,50}\)\s*$",
               r"\s©\s?(?:afp|reuters|ap|getty images|maxppp|abaca|hans lucas)\b[^.]{0,40}$",
               r"^\s*(?:temps de lecture|lecture)\s*[:：]?\s*\d{1,3}\s*min(?:utes?)?\.?\s*$",
               r"^\s*\d{1,3}\s*min(?:utes?)?\.? de lecture\s*$"),
}

#: The marks of a site's small print, by kind (as ``en.LEGAL``).
LEGAL = {
    "trademark": (r"\bmarques? (?:déposées?|commerciales?)\b",),
    "reserved": (r"\btous droits réservés\b",),
    "owners": (r"\bpropriétés? de leurs? (?:propriétaires|détenteurs) respectifs\b",),
    "permission": (r"\bsans (?:l['’])?(?:autorisation|accord|consentement) (?:préalable|écrite?)\b",),
    "opinions": (r"\bn['’]engagent? que (?:leurs?|son|ses) auteurs?\b",),
}
