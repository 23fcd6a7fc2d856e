"""Mentors suggested to a seeker, best fit first (`mentors_ranked`), with the reasons in
plain words (`reasons_for`).

The order, criterion by criterion (a later one only breaks ties of the earlier ones):

1. the mentor mentors in the language the seeker wants to talk in;
2. fit with the work: the mentor's industries include the seeker's kind of work (1 point),
   and each of the seeker's skill or occupation words found in the mentor's occupations,
   skills, headline or what they help with (1 point each);
3. the way to meet: the mentor meets the way the seeker asked (any way, when they did not
   say); in person means within IN_PERSON_MILES of the seeker's ZIP code when they gave one,
   and then the nearer first;
4. more free places (room for more mentees) first;
5. the older profile (smaller id) first, so that the same inputs always give the same order.

Everything is computed in SQL over the narrow search entries of listed mentors
(MentorSearchEntry) and only the top `limit` leave the database. The ranking first reads
only the mentors who share the seeker's language and kind of work (an index finds them:
`mentor_fit_keys`, migration 0006) or one of the seeker's words (the words' indexes), who
all rank before anyone else; it ranks everyone only when fewer than the top's size do. One
query, the same order as ranking every listed mentor (tests/mentorship/test_ranking_tiers.py
compares them).

`suggestions_for` keeps each ranking in the cache under the generation of
the mentors' public pages (apps.core.pagecache), which every change to a search entry bumps
(approving, pausing, a mentor filling up): seekers who asked alike share it, and it is
never older than the list."""

import hashlib
from collections.abc import Collection
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import Combinable, RawSQL
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.core.pagecache import pages_generation
from apps.core.search import any_word, distance_from, query_terms, word_hits
from apps.core.us import locate_zip
from apps.core.vocabulary import Category, bit_of
from apps.mentorship.models import (
    MeetingMode,
    MentoringLanguage,
    MentorProfile,
    MentorSearchEntry,
)

SUGGESTIONS = 10
# How far a seeker who wants to meet in person may be asked to go.
IN_PERSON_MILES = 50


@dataclass(frozen=True)
class Wish:
    """What the ranking reads of a seeker's ask (a MentorshipAsk has these fields)."""

    language: str
    industry: str = ""
    skills: str = ""
    meeting_mode: str = ""
    zip_code: str = ""


@dataclass(frozen=True)
class Ranked:
    """A suggested mentor's id with how they scored on each criterion."""

    pk: int
    speaks: bool
    same_industry: bool
    word_hits: int
    meets: bool
    distance: float | None
    free_places: int


def _has(column: str, bit: int) -> Combinable:
    """1 when the entry's bit set `column` holds `bit`, else 0 (0 when bit is 0)."""
    if not bit:
        return Value(0, output_field=IntegerField())
    return Case(
        When(Q(**{f"{column}_bit__gt": 0}), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


def _scored(wish):
    """Every listed mentor's search entry with its score on each criterion, and the order
    the module describes."""
    entries = MentorSearchEntry.objects.annotate(
        languages_bit=F("languages").bitand(bit_of(wish.language, MentoringLanguage)),
        industries_bit=F("industries").bitand(bit_of(wish.industry, Category)),
        meeting_modes_bit=F("meeting_modes").bitand(bit_of(wish.meeting_mode, MeetingMode)),
    ).annotate(
        speaks=_has("languages", bit_of(wish.language, MentoringLanguage)),
        same_industry=_has("industries", bit_of(wish.industry, Category)),
        hits=word_hits(MentorSearchEntry, wish.skills),
    )
    point = locate_zip(wish.zip_code) if wish.meeting_mode == MeetingMode.IN_PERSON else None
    if point:
        entries = entries.annotate(
            distance=distance_from(point, MentorSearchEntry._meta.db_table)
        ).annotate(
            meets=Case(
                When(Q(meeting_modes_bit__gt=0, distance__lte=IN_PERSON_MILES), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        nearer = [F("distance").asc(nulls_last=True)]
    else:
        meets = _has("meeting_modes", bit_of(wish.meeting_mode, MeetingMode))
        entries = entries.annotate(
            distance=Value(None, output_field=IntegerField()),
            meets=meets if wish.meeting_mode else Value(1, output_field=IntegerField()),
        )
        nearer = []
    order = ["-speaks", (F("same_industry") + F("hits")).desc(), "-meets", *nearer,
             "-free_places", "pk"]  # fmt: skip
    return entries, order


def _top(entries, order, limit: int) -> list[Ranked]:
    rows = entries.order_by(*order).values_list(*COLUMNS)
    return [
        Ranked(pk, bool(speaks), bool(industry), hits, bool(meets), distance, free)
        for pk, speaks, industry, hits, meets, distance, free in rows[:limit]
    ]


def fit_key(wish) -> int | None:
    """The seeker's language and kind of work as one of the keys `mentor_fit_keys` gives a
    mentor (a bit position of each: language * 64 + kind of work), None without both."""
    language, industry = bit_of(wish.language, MentoringLanguage), bit_of(wish.industry, Category)
    if not (language and industry):
        return None
    return (language.bit_length() - 1) * 64 + industry.bit_length() - 1


def _sharing_language_and_work(entries, wish):
    entries = entries.filter(languages_bit__gt=0, industries_bit__gt=0)
    # The same cut, in the words of the index that finds it (the bits alone read every row).
    table = MentorSearchEntry._meta.db_table
    return entries.filter(
        RawSQL(  # noqa: S611 (only the model's own table name is interpolated)
            f'mentor_fit_keys("{table}"."languages", "{table}"."industries") @> ARRAY[%s]',
            [fit_key(wish)],
            output_field=BooleanField(),
        )
    )


def everyone_ranked(wish, *, limit: int = SUGGESTIONS) -> list[Ranked]:
    """The ranking's definition: every listed mentor ranked in one query, which reads them
    all. mentors_ranked() gives the same and reads fewer."""
    entries, order = _scored(wish)
    return _top(entries, order, limit)


COLUMNS = ("pk", "speaks", "same_industry", "hits", "meets", "distance", "free_places")


def _part(entries, order, limit: int) -> tuple[str, tuple]:
    """The SQL of the top `limit` of some entries, as a table of COLUMNS."""
    sql, params = entries.order_by(*order).values_list(*COLUMNS)[:limit].query.sql_with_params()
    # Django's own SQL of a queryset, its values as parameters.
    return f"SELECT * FROM ({sql}) AS part({', '.join(COLUMNS)})", params  # noqa: S608


def mentors_ranked(wish, *, limit: int = SUGGESTIONS) -> list[Ranked]:
    """The `limit` listed mentors who fit `wish` best, in the order the module describes.

    One query, which ranks only the mentors who share the language and either the kind of
    work (`mentor_fit_keys`' index) or a word (the words' indexes): all of them rank before
    anyone else, since they speak it and score at least 1 on the work. Only when fewer than
    `limit` do, the query ranks everyone (a one-time filter PostgreSQL checks before reading
    them)."""
    if fit_key(wish) is None or connection.vendor != "postgresql":
        return everyone_ranked(wish, limit=limit)
    entries, order = _scored(wish)
    parts = [_part(_sharing_language_and_work(entries, wish), order, limit)]
    if query_terms(wish.skills):
        words = entries.filter(any_word(MentorSearchEntry, wish.skills), speaks=1,
                               same_industry=0)  # fmt: skip
        parts.append(_part(words, order, limit))
    fitting = " UNION ALL ".join(f"({sql})" for sql, _params in parts)
    everyone, everyone_params = _part(entries, order, limit)
    # The querysets' own SQL; every value is a parameter.
    sql = (
        f"WITH fitting AS MATERIALIZED ({fitting}) "  # noqa: S608
        f"SELECT * FROM ("
        f"SELECT * FROM fitting WHERE (SELECT count(*) FROM fitting) >= %s "
        f"UNION ALL (SELECT * FROM ({everyone}) AS everyone "
        f"WHERE (SELECT count(*) FROM fitting) < %s)"
        f") AS ranked ORDER BY speaks DESC, same_industry + hits DESC, meets DESC, "
        f"distance ASC NULLS LAST, free_places DESC, pk ASC LIMIT %s"
    )
    params = [p for _sql, part_params in parts for p in part_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, *everyone_params, limit, limit])
        rows = cursor.fetchall()
    return [
        Ranked(pk, bool(speaks), bool(industry), hits, bool(meets), distance, free)
        for pk, speaks, industry, hits, meets, distance, free in rows
    ]


@dataclass(frozen=True)
class Suggestion:
    mentor: MentorProfile
    ranked: Ranked
    reasons: list[str]


def reasons_for(wish, mentor: MentorProfile, ranked: Ranked) -> list[str]:
    """Why a mentor is suggested, in plain words of the current language: "speaks Spanish",
    "Skilled trades", "electrician", "meets online", "room for 2 more"."""
    reasons = []
    if ranked.speaks:
        language = dict(MentoringLanguage.choices).get(wish.language, wish.language)
        reasons.append(_("speaks %(language)s") % {"language": str(language).lower()})
    if ranked.same_industry:  # a kind of work, written inside the sentence
        reasons.append(str(dict(Category.choices)[wish.industry]).lower())
    if ranked.word_hits:
        occupation = (mentor.occupations or "").split(",")[0].strip()
        reasons.append(occupation or _("knows the skills you named"))
    if ranked.meets and wish.meeting_mode:
        if ranked.distance is not None and ranked.distance < 1:
            reasons.append(_("meets in person, near you"))
        elif ranked.distance is not None:
            reasons.append(
                _("meets in person, %(miles)s mi away") % {"miles": f"{ranked.distance:,.0f}"}
            )
        else:
            reasons.append(MEETS[wish.meeting_mode]())
    elif not wish.meeting_mode:
        reasons.append(", ".join(MEETS[mode]() for mode in mentor.meeting_modes if mode in MEETS))
    if ranked.free_places:
        count = ranked.free_places
        reasons.append(
            ngettext("room for %(count)s more mentee", "room for %(count)s more mentees", count)
            % {"count": count}
        )
    return [reason for reason in reasons if reason]


MEETS = {
    MeetingMode.ONLINE: lambda: _("meets online"),
    MeetingMode.PHONE: lambda: _("meets by phone"),
    MeetingMode.IN_PERSON: lambda: _("meets in person"),
}


RANKING_SECONDS = 60 * 60


def ranked_cached(wish, *, limit: int) -> list[Ranked]:
    """mentors_ranked(), from the cache while no mentor's search entry has changed."""
    generation = pages_generation(MentorProfile._meta.label_lower)
    fields = (wish.language, wish.industry, wish.skills, wish.meeting_mode, wish.zip_code, limit)
    digest = hashlib.sha256(repr(fields).encode()).hexdigest()[:32]
    key = f"mentors:ranked:{generation}:{digest}"
    ranked = cache.get(key)
    if ranked is None:
        ranked = mentors_ranked(wish, limit=limit)
        cache.set(key, ranked, timeout=RANKING_SECONDS)
    return ranked


def suggestions_for(
    wish, *, limit: int = SUGGESTIONS, leave_out: Collection[int] = frozenset()
) -> list[Suggestion]:
    """The best-fitting listed mentors with their reasons, but for the mentors in `leave_out`
    (selectors.mentors_not_to_suggest): the ranking (one query, or the cache) and the mentors
    with their people (one query). The ranking is shared by seekers who asked alike, so it
    reaches past the ones left out and the list stays full."""
    ranking = ranked_cached(wish, limit=limit + len(leave_out))
    ranked = [r for r in ranking if r.pk not in leave_out][:limit]
    mentors = MentorProfile.objects.select_related("user").in_bulk([r.pk for r in ranked])
    return [
        Suggestion(mentors[r.pk], r, reasons_for(wish, mentors[r.pk], r))
        for r in ranked
        if r.pk in mentors
    ]
