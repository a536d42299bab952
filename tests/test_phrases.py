"""The phrase packs: every language loads, uses only known concepts, covers the core concepts,
and a few labels and prompts per language fire where they should and stay quiet in prose."""

from __future__ import annotations

import importlib

import pytest
import regex

from newsclean.phrases import CONCEPT_FAMILY, LANGUAGES, label_family, prompt_pattern

#: Concepts every pack must have labels for (issue #5).
CORE_CONCEPTS = ("live", "share", "subscribe", "related", "comments", "ads", "cookie", "navigation")


def _pack(lang: str) -> object:
    return importlib.import_module(f"newsclean.phrases.{lang}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pack_uses_only_known_concepts(lang: str) -> None:
    pack = _pack(lang)
    assert set(pack.LABELS) <= set(CONCEPT_FAMILY), set(pack.LABELS) - set(CONCEPT_FAMILY)
    assert set(pack.PATTERNS) <= set(CONCEPT_FAMILY.values()) | set(CONCEPT_FAMILY)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pack_has_labels_for_the_core_concepts(lang: str) -> None:
    labels = _pack(lang).LABELS
    missing = [concept for concept in CORE_CONCEPTS if not labels.get(concept)]
    assert not missing, f"{lang} has no labels for {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pack_entries_are_tuples_of_strings(lang: str) -> None:
    # a one-item tuple written without its comma is a str, and would be read letter by letter
    pack = _pack(lang)
    for table in (pack.LABELS, pack.PATTERNS):
        for concept, entries in table.items():
            assert isinstance(entries, tuple), f"{lang}.{concept} is not a tuple"
            assert all(isinstance(entry, str) and entry for entry in entries), f"{lang}.{concept}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_pattern_compiles_on_its_own(lang: str) -> None:
    for sources in _pack(lang).PATTERNS.values():
        for source in sources:
            regex.compile(source, regex.IGNORECASE)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labels_are_lower_case(lang: str) -> None:
    # labels are compared case-folded; an upper-case entry could never match
    for concept, words in _pack(lang).LABELS.items():
        for word in words:
            assert word == word.casefold() or word.replace("İ", "i") == word, f"{lang}.{concept}: {word!r}"


# (language, block, family it must be given)
LABELS_FIRE = [
    ("en", "Listen Live", "widget"),
    ("en", "Share this article", "share"),
    ("en", "Read more", "related"),
    ("de", "Lesen Sie auch", "related"),
    ("de", "Anzeige", "ads"),
    ("fr", "À lire aussi", "related"),
    ("fr", "Partager", "share"),
    ("es", "Publicidad", "ads"),
    ("es", "Te puede interesar", "related"),
    ("it", "Leggi anche", "related"),
    ("pt", "Leia também", "related"),
    ("pt", "Você pode gostar...", "related"),
    ("de", "Das könnte Ihnen auch gefallen", "related"),
    ("it", "Potrebbe piacerti", "related"),
    ("ru", "Поделиться", "share"),
    ("ru", "Читайте также", "related"),
    ("pl", "Czytaj także", "related"),
    ("tr", "İlgili Haberler", "related"),
    ("ar", "اقرأ أيضا", "related"),
    ("zh", "相关新闻", "related"),
    ("ja", "関連記事", "related"),
]


@pytest.mark.parametrize(("lang", "text", "family"), LABELS_FIRE)
def test_label_fires(lang: str, text: str, family: str) -> None:
    assert label_family(text) == family


# (language, short block, family its prompt pattern must report)
PROMPTS_FIRE = [
    ("en", "Click to share on Facebook (Opens in new window)", "share"),
    ("en", "Sign up for our daily newsletter", "subscribe"),
    ("en", "More in White House", "related"),
    ("en", "More Washington Examiner", "related"),
    ("de", "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.", "cookie"),
    ("fr", "Abonnez-vous à notre newsletter", "subscribe"),
    ("es", "Continúa leyendo después de la publicidad", "ads"),
    ("it", "Continua a leggere dopo la pubblicità", "ads"),
    ("pt", "Todos os direitos reservados", "navigation"),
    ("ru", "На правах рекламы", "ads"),
    ("pl", "Udostępnij na Facebooku", "share"),
    ("tr", "Fotoğraf: AA", "widget"),
    ("ar", "شارك على فيسبوك", "share"),
    ("zh", "当前位置：首页 > 国内", "navigation"),
    ("ja", "当サイトではクッキーを使用しています", "cookie"),
    # the notice over a blog's comment form, as WordPress words it
    ("en", "Your email address will not be published. Required fields are marked *", "comments"),
    ("de", "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert", "comments"),
    ("fr", "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *", "comments"),
    ("es", "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *", "comments"),
    ("it", "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *", "comments"),
    ("pt", "O seu endereço de email não será publicado. Campos obrigatórios são marcados com *", "comments"),
    ("pl", "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *", "comments"),
    ("ru", "Ваш адрес email не будет опубликован. Обязательные поля помечены *", "comments"),
    ("tr", "E-posta adresiniz yayınlanmayacak. Gerekli alanlar * ile işaretlenmişlerdir", "comments"),
    # sign-up pitches for deals, and a sign-up button's label
    ("en", "Sign up for deals, updates and a free guide", "subscribe"),
    ("en", "Sign Up for e-mail newsletters", "subscribe"),
    ("en", "I'd like to sign-up", "subscribe"),
    # a paywall's notice
    ("en", "This article is exclusive to STAT+ subscribers", "subscribe"),
    ("en", "Unlock this article — plus in-depth analysis, newsletters and news alerts.", "subscribe"),
    ("en", "To read the rest of this story subscribe to The Ledger.", "subscribe"),
    # a blog's e-mail subscription box
    ("en", "Enter your email address to receive new posts by email.", "subscribe"),
    # the "related on <site>" line over a box of the site's other stories
    ("en", "Also on HuffPost:", "related"),
    ("en", "Related on The Gazette", "related"),
    # captions ending in their picture credit or agency
    ("de", "Bundeskanzler Scholz am Montag in Berlin. Foto: Michael Kappeler/dpa", "widget"),
    ("de", "Die Feuerwehr am Einsatzort (Bild: Keystone)", "widget"),
    ("de", "Demonstranten vor dem Reichstag. picture alliance/dpa", "widget"),
    ("fr", "Emmanuel Macron à l'Élysée, lundi. Photo : Ludovic Marin/AFP", "widget"),
    ("fr", "Le port de Marseille (Photo AFP)", "widget"),
    ("fr", "Manifestation à Paris, le 5 mars © AFP", "widget"),
    ("es", "El presidente en Madrid. Foto: Juan Pérez/EFE", "widget"),
    ("es", "Manifestantes en Barcelona / EFE", "widget"),
    ("it", "Il premier a Palazzo Chigi. Foto: Mario Rossi/Ansa", "widget"),
    ("it", "Piazza San Marco (foto Ansa)", "widget"),
    ("pt", "O presidente em Brasília. Foto: Fulano de Tal/Agência Brasil", "widget"),
    ("pt", "Praia de Copacabana (Foto: Reuters)", "widget"),
    ("pl", "Premier w Sejmie. Fot. PAP/Leszek Szymański", "widget"),
    ("pl", "Ulica Marszałkowska (fot. Jan Kowalski)", "widget"),
    ("ru", "Президент в Кремле. Фото: Иван Петров / ТАСС", "widget"),
    ("tr", "Cumhurbaşkanı Ankara'da konuştu. Fotoğraf: AA", "widget"),
    ("tr", "İstanbul Boğazı (Foto: DHA)", "widget"),
    # an embedded social post's placeholder (session 14)
    ("en", "View this post on Instagram", "widget"),
    ("en", "A post shared by Riverton Pools (@rivertonpools)", "widget"),
    # a related link in brackets at a paragraph's end
    ("it", "(Leggi anche su: I Cavalieri dello Zodiaco, ecco gli attori del film)", "related"),
]


@pytest.mark.parametrize(("lang", "text", "family"), PROMPTS_FIRE)
def test_prompt_pattern_fires(lang: str, text: str, family: str) -> None:
    match = prompt_pattern(frozenset({lang})).search(text)
    assert match is not None and match.lastgroup == family, text


# Article sentences that share words with the packs but are not boilerplate.
PROSE_QUIET = [
    ("en", "The company said it would share more details about the newsletter next week."),
    ("en", "More than 200 people were evacuated from the coast on Monday."),
    ("en", "More trouble ahead for the airline"),
    ("de", "Die Anzeige wurde am Montag bei der Polizei erstattet, sagte ein Sprecher."),
    ("fr", "Le ministre a refusé de commenter les chiffres publiés par le journal."),
    ("es", "La publicidad institucional creció un 12 % el año pasado, según el informe."),
    ("it", "Il sindaco ha detto che la pubblicità dei cantieri sarà rimossa entro marzo."),
    ("pt", "O museu reabre em maio depois de dois anos de obras no edifício principal."),
    ("ru", "Компания сообщила, что реклама на телевидении подорожала на треть."),
    ("pl", "Rząd zapowiedział, że reklama leków w telewizji zostanie ograniczona."),
    ("tr", "Belediye, yeni köprünün gelecek yıl hizmete gireceğini açıkladı."),
    ("ar", "قال الوزير إن الحكومة ستعلن عن خطة جديدة للنقل العام الأسبوع المقبل."),
    ("zh", "记者从铁路部门获悉，新建高速铁路将于本月下旬开通运营。"),
    ("ja", "政府は来年度の予算案で、公共交通の整備に重点を置く方針を示した。"),
    ("en", "Sign up for the course, said the teacher, who also runs classes on weekends."),
    ("en", "The deals and updates were announced by the company on Monday."),
    # sentences about photos and agencies, not captions
    ("de", "Der Fotograf sagte, er habe das Bild am Montag gemacht."),
    ("de", "Die dpa meldete am Abend, die Verhandlungen seien gescheitert."),
    ("fr", "Le photographe a expliqué que la photo avait été prise lundi."),
    ("es", "La foto fue publicada por el diario el lunes por la tarde."),
    ("it", "La foto è stata scattata durante la manifestazione di sabato."),
    ("pt", "A foto foi tirada durante o protesto de sábado."),
    ("pl", "Zdjęcie zrobiono w sobotę podczas protestu w Warszawie."),
    ("ru", "Фотография была сделана в субботу во время митинга."),
    ("tr", "Fotoğraf cumartesi günü protesto sırasında çekildi."),
    ("it", "Leggi anche tu il libro, ha detto il sindaco ai ragazzi della scuola."),
    # a plan's feature, or a story about members, not a paywall
    ("en", "**** White glove fraud remediation is only available to Ultra plan members."),
    ("en", "The club said the new pool would be available to members from June."),
    ("en", "Researchers unlock the secrets of the deep-sea squid's glowing skin."),
    ("en", "Enter your email address and password to see your order history."),
    ("en", "Also on Monday:"),
    # a post or a page named in the prose, not an embed's placeholder (session 14)
    ("en", "A post shared by the mayor on Tuesday drew thousands of replies."),
    ("en", "View this post on the council's website before the vote."),
]


@pytest.mark.parametrize(("lang", "text"), PROSE_QUIET)
def test_article_sentences_stay_quiet(lang: str, text: str) -> None:
    assert label_family(text) is None
    assert prompt_pattern(frozenset({lang, "en"})).search(text) is None, text


# (language, a site's small print, or a story's sentence that has one mark of it; kinds found)
SMALL_PRINT = [
    ("en", "Example.com is not endorsed, sponsored or affiliated with Acme Studios. Acme and its "
     "marks are trademarks of Acme Studios Inc.", 2),
    ("en", "This copy is for your personal, non-commercial use only. Distribution and use of this "
     "material are governed by our Subscriber Agreement.", 2),
    ("en", "The opinions expressed here are my own and do not necessarily reflect the views of "
     "my employer. © 2012 Jane Roe", 2),
    ("de", "Alle Rechte vorbehalten. Nachdruck nur mit ausdrücklicher, aber ohne vorherige "
     "schriftliche Genehmigung des Verlags ist untersagt.", 2),
    ("fr", "Tous droits réservés. Les marques déposées citées sont la propriété de leurs "
     "propriétaires respectifs.", 3),
    ("es", "Todos los derechos reservados. Las marcas registradas citadas son propiedad de sus "
     "respectivos dueños.", 3),
    # one mark: the stuff of stories (a trademark dispute; a picture used without consent)
    ("en", "The group said the brewery copied its trademarks and used its drawings without "
     "permission.", 1),
    ("de", "Das Gericht entschied, dass die Warenzeichen des Konzerns nicht verletzt wurden.", 1),
    ("fr", "Le tribunal a jugé que les marques déposées du groupe n'avaient pas été copiées.", 1),
]


@pytest.mark.parametrize(("lang", "text", "kinds"), SMALL_PRINT)
def test_small_print_kinds(lang: str, text: str, kinds: int) -> None:
    from newsclean.prefilter import legal_kinds
    from newsclean.rules.labels import LEGAL_NOTICE_MIN_KINDS, is_small_print

    languages = frozenset({lang, "en"})
    assert legal_kinds(text, languages) == kinds
    assert is_small_print(text, languages) is (kinds >= LEGAL_NOTICE_MIN_KINDS)
