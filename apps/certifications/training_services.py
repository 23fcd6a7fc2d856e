"""Trainings' writes. Submission, review and publication go through the shared workflow
(apps.core.services); what is a training's own is here: saving it with its start dates, its
listing period, and moving its search entry's next start date on as dates pass."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from apps.certifications.models import Credential, Training, TrainingStart
from apps.certifications.vocabulary import Format
from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from apps.core.roles import Person
from apps.core.services import publications_expire_due, publishable_save
from apps.core.us import ZipPoint, locate_zip
from apps.core.vocabulary import SpokenLanguage, bits_of

# Formats taught at a place people come to (a ZIP code, a distance).
AT_A_PLACE = frozenset({Format.IN_PERSON, Format.HYBRID})

# A training is listed for a year from its publication (a programme runs for months and
# repeats); its organization renews it from the manage page, or it expires.
TRAINING_LISTING_DAYS = 365


def training_expiry():
    return timezone.localdate() + timedelta(days=TRAINING_LISTING_DAYS)


def training_save(
    *,
    actor: Person,
    training: Training,
    credentials: Iterable[Credential] | None = None,
    starts: Iterable[TrainingStart] = (),
    removed_starts: Iterable[TrainingStart] = (),
) -> Training:
    """Write a new draft or save edits (who may: apps.core.services.publishable_save), with
    the credentials it prepares for and its start dates. Its search entry follows."""
    with transaction.atomic():
        if training.pk is None:
            training.expires_on = training_expiry()
        publishable_save(actor=actor, item=training)
        if credentials is not None:
            training.credentials.set(credentials)
        for start in removed_starts:
            if start.pk and start.training_id == training.pk:
                start.delete()
        for start in starts:
            start.training = training
            start.save()
        search_index(training)  # its next start date, now that the dates are written
    return training


def training_keep_listed(*, item, transition, **_context) -> None:
    """The after_transition hook: publishing or renewing a training lists it for a year from
    that day (the shared workflow's default period suits jobs, not programmes that
    repeat)."""
    if not isinstance(item, Training) or transition.action not in (
        "publish", "renew", "renew with changes",
    ):  # fmt: skip
        return
    expires_on = training_expiry()
    Training.objects.filter(pk=item.pk).update(expires_on=expires_on)
    item.expires_on = expires_on
    search_index(item)


def next_start_of(training: Training):
    """The earliest start date that is not in the past, or None."""
    return (
        training.starts.filter(starts_on__gte=timezone.localdate())
        .order_by("starts_on")
        .values_list("starts_on", flat=True)
        .first()
    )


def training_is_listed(training: Training) -> bool:
    """In the list while published and someone can still start it: it starts any time, or
    has a start date to come. Without one it leaves the list; its page stays."""
    return training.status == PublicationStatus.PUBLISHED and (
        training.rolling_enrollment or next_start_of(training) is not None
    )


def trainings_listed(trainings: QuerySet) -> QuerySet:
    return trainings.listed()  # type: ignore[attr-defined]  # a Training queryset


@dataclass(frozen=True)
class TrainingLocation:
    """Where a training is taught, for distances: its ZIP code when people come to a place;
    an online training has none, even if a ZIP code was left in its form. A dataclass, so a
    declaration made again (ready() may run twice) is equal to the first."""

    def __call__(self, training: Training) -> ZipPoint | None:
        if training.format not in AT_A_PLACE:
            return None
        return locate_zip(training.zip_code or "")


def training_entry_columns(training: Training) -> dict:
    """A training's search entry's own columns (apps.core.indexing.SearchType.columns)."""
    return {
        "category": training.category,
        "format": training.format,
        "languages": bits_of(training.languages, SpokenLanguage),
        "cost": training.cost,
        "aid_open_to_all": training.aid_open_to_all,
        "rolling_enrollment": training.rolling_enrollment,
        "next_start": next_start_of(training),
    }


def trainings_next_start_move() -> int:
    """Daily: the entries whose next start date has passed get the next one; a training with
    none left that does not start any time leaves the list (its page stays). Returns how
    many entries changed."""
    passed = Training.objects.filter(search_entry__next_start__lt=timezone.localdate())
    count = 0
    for training in passed.order_by("pk").iterator(chunk_size=500):
        with transaction.atomic():
            search_index(training)
        count += 1
    return count


def trainings_expire_due() -> int:
    """Daily: trainings past their listing date expire (their organization is told and may
    renew). Returns how many."""
    return publications_expire_due(Training.objects.all(), fields=("organization_id",))
