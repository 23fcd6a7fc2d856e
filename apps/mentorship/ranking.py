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
(MentorSearchEntry) and only the top `limit` leave the database: one query, whatever the
number of mentors. `suggestions_for` keeps each ranking in the cache under the generation of
the mentors' public pages (apps.core.pagecache), which every change to a search entry bumps
(approving, pausing, a mentor filling up): seekers who asked alike share it, and it is
never older than the list."""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import Combinable
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.core.pagecache import pages_generation
from apps.core.search import distance_from, word_hits
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


def mentors_ranked(wish, *, limit: int = SUGGESTIONS) -> list[Ranked]:
    """The `limit` listed mentors who fit `wish` best, in the order the module describes."""
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
    rows = entries.order_by(
        "-speaks",
        (F("same_industry") + F("hits")).desc(),
        "-meets",
        *nearer,
        "-free_places",
        "pk",
    ).values_list("pk", "speaks", "same_industry", "hits", "meets", "distance", "free_places")
    return [
        Ranked(pk, bool(speaks), bool(industry), hits, bool(meets), distance, free)
        for pk, speaks, industry, hits, meets, distance, free in rows[:limit]
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


def suggestions_for(wish, *, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """The best-fitting listed mentors with their reasons: the ranking (one query, or the
    cache) and the mentors with their people (one query)."""
    ranked = ranked_cached(wish, limit=limit)
    mentors = MentorProfile.objects.select_related("user").in_bulk([r.pk for r in ranked])
    return [
        Suggestion(mentors[r.pk], r, reasons_for(wish, mentors[r.pk], r))
        for r in ranked
        if r.pk in mentors
    ]
