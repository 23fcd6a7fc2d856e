"""Reads of trainings: the search, a page of results, a training's page, and the trainings
that prepare for a credential (for the credential's page and pathways)."""

from datetime import timedelta

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from apps.certifications.models import Credential, Training, TrainingSearchEntry, TrainingStart
from apps.certifications.training_filters import TrainingFilters
from apps.certifications.vocabulary import Format
from apps.core.search import (
    PageItems,
    entries_having,
    entries_order,
    entries_search,
    first_items,
    items_of,
    within_radius,
)
from apps.core.us import ZipPoint
from apps.core.vocabulary import SpokenLanguage, bit_of

# What a result card shows: a page of results loads only these.
TRAINING_CARD_FIELDS = [
    "id", "status", "expires_on", "published_at", "title_es", "title_en", "summary_es",
    "summary_en", "category", "format", "languages", "cost", "aid_open_to_all",
    "rolling_enrollment", "city", "state", "organization",
]  # fmt: skip
# The soonest first; those that start any time after the dated ones.
SOONEST = [F("next_start").asc(nulls_last=True)]
# Trainings a credential's page lists.
CREDENTIAL_TRAININGS = 5
# "Near" on a credential's page: within this many miles of the seeker's ZIP code.
NEAR_MILES = 50


def entries_startable() -> QuerySet[TrainingSearchEntry]:
    """The entries someone can still start: starts any time, or a next start not yet past
    (until the daily task moves it on)."""
    return TrainingSearchEntry.objects.filter(
        Q(rolling_enrollment=True) | Q(next_start__gte=timezone.localdate())
    )


def trainings_search(filters: TrainingFilters):
    """The search entries of the listed trainings matching the filters, in the order asked
    for (soonest first unless asked otherwise): one SQL query, whatever the number of
    trainings. trainings_for() loads a page."""
    entries = entries_search(entries_startable(), filters)
    if filters.credential:
        entries = entries.filter(training__credentials=filters.credential)
    if filters.online:
        entries = entries.filter(format=Format.ONLINE)
    if filters.within:
        last = timezone.localdate() + timedelta(days=filters.within)
        entries = entries.filter(Q(next_start__lte=last) | Q(rolling_enrollment=True))
    if filters.free:
        entries = entries.filter(cost=0)
    elif filters.max_cost is not None:
        entries = entries.filter(cost__lte=filters.max_cost)
    if filters.aid:
        entries = entries.filter(aid_open_to_all=True)
    if filters.language:
        entries = entries_having(entries, "languages", bit_of(filters.language, SpokenLanguage))
    return entries_order(entries, filters, {"soonest": SOONEST, "cheapest": ["cost", *SOONEST]})


def _card_queryset() -> QuerySet[Training]:
    return Training.objects.select_related("organization", "search_entry").only(
        *TRAINING_CARD_FIELDS, "organization__name", "organization__slug",
        "search_entry__next_start",
    )  # fmt: skip


TRAINING_CARDS = PageItems(_card_queryset)


def trainings_for(entries) -> list[Training]:
    """The trainings of some search entries, in their order, with what a result card shows
    (its next start from the entry) and the distance when the search had one: one query."""
    return items_of(entries, TRAINING_CARDS)


def first_trainings(entries: QuerySet[TrainingSearchEntry], count: int) -> list[Training]:
    """The trainings of the first `count` entries of a search without a place, in their
    order, with what a result card shows: one query."""
    return first_items(entries, _card_queryset(), count)


def upcoming_starts() -> Prefetch:
    return Prefetch(
        "starts",
        queryset=TrainingStart.objects.filter(starts_on__gte=timezone.localdate()),
        to_attr="upcoming_starts",
    )


def training_detail_queryset(user) -> QuerySet[Training]:
    """Published trainings, also once they have no start date left (their page stays);
    every state for the training's organization and for curators. With its published
    credentials and its start dates to come."""
    visible = Training.objects.published_any_date() | Training.objects.managed_by(user)
    return visible.select_related("organization").prefetch_related(
        Prefetch("credentials", queryset=Credential.objects.filter(published=True)),
        upcoming_starts(),
    )


def trainings_for_credential(credential: Credential, zip_point: ZipPoint | None = None) -> list:
    """Up to five listed trainings that prepare for a credential, those starting soonest
    first; with a place, those within NEAR_MILES of it and online ones (nearest among equal
    dates). Two queries, whatever the number of trainings."""
    entries = entries_startable().filter(
        training__credentials=credential, expires_on__gte=timezone.localdate()
    )
    if zip_point is not None:
        near = within_radius(entries, zip_point, NEAR_MILES).values("pk")
        entries = entries.filter(Q(pk__in=near) | Q(format=Format.ONLINE))
    entries = entries.only("pk").order_by(*SOONEST, "-published_at", "-pk")
    return trainings_for(entries[:CREDENTIAL_TRAININGS])
