"""Mentorship's reads that span models: the matches a person may open, a match's thread,
conduct reports for staff and feedback per mentor."""

from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet

from apps.core.roles import is_curator
from apps.core.search import PageItems, entries_having, entries_order, entries_search, items_of
from apps.core.vocabulary import Category, bit_of
from apps.mentorship.filters import MentorFilters
from apps.mentorship.models import (
    Match,
    MatchFeedback,
    MatchMessage,
    MatchReport,
    MeetingMode,
    MentoringLanguage,
    MentorProfile,
    MentorSearchEntry,
    Side,
)

# The latest messages shown on the match page, oldest of them first.
THREAD_SHOWN = 100


def matches_visible_to(user) -> QuerySet[Match]:
    """The matches a person may open: their own, as mentee or mentor; for staff also the
    matches someone reported (to look into the report). Anyone else's is not found (404)."""
    matches = Match.objects.select_related("mentor__user", "mentee")
    if is_curator(user):
        reported = MatchReport.objects.filter(match=OuterRef("pk"))
        return matches.filter(Q(mentee=user) | Q(mentor__user=user) | Exists(reported))
    return matches.of(user)


def mentors_not_to_suggest(user) -> set[int]:
    """The mentors a seeker may not ask, whatever the mentor's state (services.request_refusal):
    their own profile, and the mentors they have an open request, proposal or match with.
    One query."""
    open_with = Match.objects.open_as_mentee(user).values("mentor")
    mentors = MentorProfile.objects.filter(Q(user=user) | Q(pk__in=open_with))
    return set(mentors.values_list("pk", flat=True))


def match_thread(match: Match) -> list[MatchMessage]:
    """The latest THREAD_SHOWN messages, oldest first (one query)."""
    latest = (
        MatchMessage.objects.filter(match=match)
        .select_related("sender")
        .order_by("-created_at", "-pk")[:THREAD_SHOWN]
    )
    return list(reversed(latest))


def reports_for_staff() -> QuerySet[MatchReport]:
    """Open reports first (oldest first), then those resolved, latest first."""
    return MatchReport.objects.select_related(
        "match__mentor__user", "match__mentee", "reporter", "reported", "resolved_by"
    ).order_by("-resolved_at", "created_at", "pk")


def report_mentor_id(report: MatchReport) -> int | None:
    """The mentor staff may pause over a report: the match's; once the match went with an
    account, the reported person's profile if they were the mentor and are still here."""
    if report.match_id is not None:
        return report.match.mentor_id  # type: ignore[union-attr]
    if report.reported_side != Side.MENTOR or report.reported_id is None:
        return None
    profiles = MentorProfile.objects.filter(user_id=report.reported_id)
    return profiles.values_list("pk", flat=True).first()


def mentors_with_feedback() -> QuerySet[MentorProfile]:
    """Mentors with feedback from completed matches, the mentees' average rating and how
    many gave it; the lowest averages first, as those need a look."""
    from_mentees = Q(matches__feedback__side=Side.MENTEE)
    return (
        MentorProfile.objects.select_related("user")
        .annotate(
            average=Avg("matches__feedback__rating", filter=from_mentees),
            given=Count("matches__feedback", filter=from_mentees, distinct=True),
            completed=Count("matches", filter=Q(matches__status="completed"), distinct=True),
        )
        .filter(given__gt=0)
        .order_by("average", "pk")
    )


def feedback_of_mentors(mentor_ids: list[int]) -> QuerySet[MatchFeedback]:
    return (
        MatchFeedback.objects.filter(match__mentor_id__in=mentor_ids)
        .select_related("match__mentee", "match__mentor")
        .order_by("-created_at", "pk")
    )


# What a result card shows: a page of results loads only these.
MENTOR_CARD_FIELDS = [
    "id", "status", "headline_es", "headline_en", "occupations_es", "occupations_en",
    "industries", "languages", "meeting_modes", "zip_code", "capacity", "active_mentees",
    "user__display_name",
]  # fmt: skip


def mentors_search(filters: MentorFilters):
    """The search entries of the listed mentors matching the filters, in the order asked
    for: one SQL query, whatever the number of mentors. mentors_for() loads a page."""
    entries = entries_search(MentorSearchEntry.objects.all(), filters)
    if filters.language:
        entries = entries_having(entries, "languages", bit_of(filters.language, MentoringLanguage))
    if filters.industry:
        entries = entries_having(entries, "industries", bit_of(filters.industry, Category))
    if filters.mode:
        entries = entries_having(entries, "meeting_modes", bit_of(filters.mode, MeetingMode))
    return entries_order(entries, filters)


MENTOR_CARDS = PageItems(
    lambda: MentorProfile.objects.select_related("user").only(*MENTOR_CARD_FIELDS)
)


def mentors_for(entries) -> list[MentorProfile]:
    """The mentors of some search entries, in their order, with what a card shows: one
    query."""
    return items_of(entries, MENTOR_CARDS)


def mentor_detail_queryset() -> QuerySet[MentorProfile]:
    """A mentor's public page: listed mentors only (a paused, full or retired one is not
    found)."""
    return MentorProfile.objects.listed().select_related("user")
