"""Words that dates are written with, as data grouped by concept and language.

Everything is lower case. Accented words get an unaccented twin automatically (see
:func:`fold`), so "fevrier", "marz" and "pazdziernika" match too. Adding a language means adding
entries here, not code.
"""

from __future__ import annotations

import unicodedata


def _phrases(block: str) -> tuple[str, ...]:
    """The phrases of a data block, separated by " / " or line breaks (phrases may hold spaces)."""
    return tuple(p.strip() for line in block.splitlines() for p in line.split(" / ") if p.strip())


# Month names: for each language one line per month (January first) holding the full name,
# its inflected forms (Slavic genitives) and common abbreviations, separated by spaces.
MONTHS: dict[str, tuple[str, ...]] = {
    "en": tuple(
        """
        january jan
        february feb
        march mar
        april apr
        may
        june jun
        july jul
        august aug
        september sep sept
        october oct
        november nov
        december dec
        """.strip().splitlines()
    ),
    "de": tuple(
        """
        januar jänner jan
        februar feb
        märz maerz mär mrz
        april apr
        mai
        juni jun
        juli jul
        august aug
        september sep sept
        oktober okt
        november nov
        dezember dez
        """.strip().splitlines()
    ),
    "fr": tuple(
        """
        janvier janv
        février févr fév
        mars
        avril avr
        mai
        juin
        juillet juil
        août
        septembre sept
        octobre oct
        novembre nov
        décembre déc
        """.strip().splitlines()
    ),
    "es": tuple(
        """
        enero ene
        febrero feb
        marzo mar
        abril abr
        mayo may
        junio jun
        julio jul
        agosto ago
        septiembre setiembre sep sept
        octubre oct
        noviembre nov
        diciembre dic
        """.strip().splitlines()
    ),
    "it": tuple(
        """
        gennaio gen
        febbraio feb
        marzo mar
        aprile apr
        maggio mag
        giugno giu
        luglio lug
        agosto ago
        settembre set
        ottobre ott
        novembre nov
        dicembre dic
        """.strip().splitlines()
    ),
    "pt": tuple(
        """
        janeiro jan
        fevereiro fev
        março mar
        abril abr
        maio mai
        junho jun
        julho jul
        agosto ago
        setembro set
        outubro out
        novembro nov
        dezembro dez
        """.strip().splitlines()
    ),
    "nl": tuple(
        """
        januari jan
        februari feb
        maart mrt mar
        april apr
        mei
        juni jun
        juli jul
        augustus aug
        september sep sept
        oktober okt
        november nov
        december dec
        """.strip().splitlines()
    ),
    "ru": tuple(
        """
        январь января янв
        февраль февраля фев
        март марта мар
        апрель апреля апр
        май мая
        июнь июня июн
        июль июля июл
        август августа авг
        сентябрь сентября сен сент
        октябрь октября окт
        ноябрь ноября ноя
        декабрь декабря дек
        """.strip().splitlines()
    ),
    "uk": tuple(
        """
        січень січня січ
        лютий лютого лют
        березень березня бер
        квітень квітня квіт
        травень травня трав
        червень червня черв
        липень липня лип
        серпень серпня серп
        вересень вересня вер
        жовтень жовтня жовт
        листопад листопада лист
        грудень грудня груд
        """.strip().splitlines()
    ),
    "pl": tuple(
        """
        styczeń stycznia sty
        luty lutego lut
        marzec marca mar
        kwiecień kwietnia kwi
        maj maja
        czerwiec czerwca cze
        lipiec lipca lip
        sierpień sierpnia sie
        wrzesień września wrz
        październik października paź
        listopad listopada lis
        grudzień grudnia gru
        """.strip().splitlines()
    ),
    "tr": tuple(
        """
        ocak oca
        şubat şub
        mart mar
        nisan nis
        mayıs mayis may
        haziran haz
        temmuz tem
        ağustos ağu
        eylül eyl
        ekim eki
        kasım kasim kas
        aralık aralik ara
        """.strip().splitlines()
    ),
}

# Weekday names and the small words that glue a date together ("on", "at", "de", "um", "г.").
# They may surround a date without making the text "more than a date".
FILLER_WORDS: frozenset[str] = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun on at the of in and
    montag dienstag mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so am um uhr
    den der
    lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim le à a h
    lunes martes miércoles jueves viernes sábado domingo de del las los el en
    lunedì martedì mercoledì giovedì venerdì sabato domenica il alle ore
    segunda terça quarta quinta sexta feira às
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag op om
    понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье в г
    года год от
    понеділок вівторок середа середу четвер пʼятниця пятниця субота неділя о р року
    poniedziałek wtorek środa czwartek piątek sobota niedziela r roku dnia w o godz
    pazartesi salı çarşamba perşembe cuma cumartesi pazar saat
    klo kello kl
    t
    """.split()
)

# Relative dates, usable only against an explicit ``now``: the unit words of "N units ago",
# grouped by their length in minutes (days and weeks give a date, not a time).
_UNITS_BY_MINUTES: dict[int, str] = {
    1: """
        minute minutes min mins minuten minuto minutos minuti minuut минуту минуты минут хвилину
        хвилини хвилин minutę minuty minut dakika 分钟 分 分鐘
    """,
    60: """
        hour hours hr hrs h stunde stunden heure heures hora horas ora ore uur час часа часов
        годину години годин godzinę godziny godzin saat 小时 小時 時間
    """,
    1440: """
        day days tag tagen jour jours día días dia dias giorno giorni dag dagen день дня дней
        дні днів dzień dni gün 天 日
    """,
    10080: """
        week weeks woche wochen semaine semaines semana semanas settimana settimane weken неделю
        недели недель тиждень тижні тижнів tydzień tygodnie tygodni hafta 周 週間
    """,
}
RELATIVE_UNITS: dict[str, int] = {
    word: minutes for minutes, words in _UNITS_BY_MINUTES.items() for word in words.split()
}

# Words that turn "N units" into the past: before the number ("vor", "il y a", "hace") or
# after the unit ("ago", "назад", "前").
RELATIVE_BEFORE: tuple[str, ...] = ("vor", "il y a", "hace", "há", "ha", "fa")
RELATIVE_AFTER: tuple[str, ...] = ("ago", "fa", "geleden", "назад", "тому", "temu", "önce", "前")

# Day words (one a line: some hold spaces): how many days back each one means.
_DAYS_BACK: dict[int, str] = {
    0: """
        today
        heute
        aujourd'hui
        aujourd’hui
        hoy
        oggi
        hoje
        vandaag
        сегодня
        сьогодні
        dzisiaj
        dziś
        bugün
        今天
        今日
        just now
        gerade eben
        à l'instant
    """,
    1: """
        yesterday
        gestern
        hier
        ayer
        ieri
        ontem
        gisteren
        вчера
        вчора
        wczoraj
        dün
        昨天
        昨日
    """,
}
RELATIVE_DAYS: dict[str, int] = {
    phrase: back for back, block in _DAYS_BACK.items() for phrase in _phrases(block)
}

# Labels that say which timestamp a line holds, separated by " / ". Matched at the start of a line,
# case-blind, followed by optional ":" and a glue word ("on", "am", "le", "el", "em", "il", "op").
MODIFIED_LABELS: tuple[str, ...] = _phrases(
    """
    last updated / last modified / last update / updated / modified / update
    zuletzt aktualisiert / aktualisiert / geändert / stand
    dernière mise à jour / mis à jour / mise à jour / modifié
    última actualización / actualizado / actualizada / modificado
    ultimo aggiornamento / aggiornato / aggiornata / modificato
    atualizado / atualizada / atualização
    laatst bijgewerkt / bijgewerkt / gewijzigd
    обновлено / обновлен / обновлена / изменено
    оновлено / змінено
    zaktualizowano / aktualizacja
    son güncelleme / güncellendi / güncelleme
    更新时间 / 更新於 / 更新于 / 更新日 / 最終更新 / 更新
    """
)
PUBLISHED_LABELS: tuple[str, ...] = _phrases(
    """
    first published / originally published / published / posted / date / created
    veröffentlicht / erschienen / erstellt / datum
    publié / publiée / mis en ligne / créé
    publicado / publicada / fecha / creado
    pubblicato / pubblicata / data
    gepubliceerd / geplaatst
    опубликовано / опубликован / опубликована / дата публикации / дата
    опубліковано / дата публікації
    opublikowano / opublikowany / data publikacji
    yayınlanma tarihi / yayınlanma / yayınlandı / yayın tarihi / tarih
    发布时间 / 发布于 / 发布日期 / 发表于 / 發佈時間 / 發布時間 / 发布 / 时间 / 日期
    公開日 / 投稿日 / 公開 / 時間
    """
)
# Verbs of a sentence that says when the entry was put online or changed, as blog and CMS
# themes print under a post: "This entry was posted on Saturday, December 3rd, 2011 at 12:00 pm
# and is filed under …", "Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 12:00 Uhr
# veröffentlicht …", "(last edited 2019-11-10 13:28:18 by …)".
POSTED_VERBS: tuple[str, ...] = _phrases(
    """
    posted / published / written
    veröffentlicht / gepostet / geschrieben / verfasst / erstellt
    publié / publiée / écrit / posté
    publicado / publicada / escrito
    pubblicato / pubblicata / scritto
    gepubliceerd / geplaatst / geschreven
    опубликовано / опубликован / опубліковано / opublikowano
    """
)
EDITED_VERBS: tuple[str, ...] = _phrases(
    """
    edited / updated / modified
    bearbeitet / aktualisiert / geändert
    modifié / mis à jour
    actualizado / modificado / editado
    aggiornato / modificato
    bijgewerkt / gewijzigd
    обновлено / изменено / оновлено
    """
)
# Glue words a label may carry before the date ("Updated on", "Publié le", "Aktualisiert am").
LABEL_GLUE: tuple[str, ...] = tuple("on at am um le el em il op в o dnia w den".split())


def fold(word: str) -> str:
    """``word`` without combining accents ("février" -> "fevrier", "paź" -> "paz")."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def month_table() -> dict[str, int]:
    """Every month word (and its unaccented twin) mapped to its month number.

    Raises ``ValueError`` at import if two languages give one word different months, because a
    silent collision would mis-date pages in one of them.
    """
    table: dict[str, int] = {}
    for lang, months in MONTHS.items():
        for number, words in enumerate(months, start=1):
            for word in words.split():
                for form in {word, fold(word)}:
                    if table.setdefault(form, number) != number:
                        raise ValueError(f"month word {form!r} ({lang}) is ambiguous")
    return table
