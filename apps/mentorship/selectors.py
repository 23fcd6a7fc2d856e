from django.db.models import F, QuerySet

from apps.core.search import entries_order, entries_search, items_of
from apps.core.vocabulary import Category
from apps.mentorship.filters import MentorFilters
from apps.mentorship.models import (
    MeetingMode,
    MentoringLanguage,
    MentorProfile,
    MentorSearchEntry,
    bit_of,
)

# What a result card shows: a page of results loads only these.
MENTOR_CARD_FIELDS = [
    "id", "status", "headline_es", "headline_en", "occupations_es", "occupations_en",
    "industries", "languages", "meeting_modes", "zip_code", "capacity", "active_mentees",
    "user__display_name",
]  # fmt: skip


def _having(entries: QuerySet, column: str, bit: int) -> QuerySet:
    """The entries whose bit set `column` holds `bit`."""
    return entries.alias(**{f"{column}_bit": F(column).bitand(bit)}).filter(
        **{f"{column}_bit__gt": 0}
    )


def mentors_search(filters: MentorFilters):
    """The search entries of the listed mentors matching the filters, in the order asked
    for: one SQL query, whatever the number of mentors. mentors_for() loads a page."""
    entries = entries_search(MentorSearchEntry.objects.all(), filters)
    if filters.language:
        entries = _having(entries, "languages", bit_of(filters.language, MentoringLanguage))
    if filters.industry:
        entries = _having(entries, "industries", bit_of(filters.industry, Category))
    if filters.mode:
        entries = _having(entries, "meeting_modes", bit_of(filters.mode, MeetingMode))
    return entries_order(entries, filters.sort)


def mentors_for(entries) -> list[MentorProfile]:
    """The mentors of some search entries, in their order, with what a card shows: one
    query."""
    return items_of(entries, MentorProfile.objects.select_related("user").only(*MENTOR_CARD_FIELDS))


def mentor_detail_queryset() -> QuerySet[MentorProfile]:
    """A mentor's public page: listed mentors only (a paused, full or retired one is not
    found)."""
    return MentorProfile.objects.listed().select_related("user")
