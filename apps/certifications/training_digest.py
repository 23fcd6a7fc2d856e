"""Trainings in the weekly digest (apps.notifications.digest) and the staff daily summary
(apps.notifications.summary).

The digest lists trainings starting in the next 30 days, taught in the person's language,
that are near a ZIP code of their saved job searches (or online), or in a kind of work they
follow: their saved searches' categories and their plan's credentials and trainings. Each
start is told once: when it comes within 30 days, or when a training that starts within 30
days is published. Camino keeps no address of anyone: saved searches are all it knows of
where a person looks for work."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import date_format

from apps.accounts.models import User
from apps.certifications.models import PlanStep, Training, TrainingSearchEntry
from apps.certifications.training_services import AT_A_PLACE
from apps.core.emails import absolute_url, page_url, per_language
from apps.core.us import bounding_box, locate_zip
from apps.core.vocabulary import Category, SpokenLanguage, bit_of
from apps.jobs.models import SavedSearch
from apps.notifications.registry import SummaryPart

MAX_TRAININGS = 5
# "Soon": starting within this many days.
SOON_DAYS = 30
# How far from a saved search's ZIP code counts as near (a square around it).
NEAR_MILES = 30
# The trainings one run considers at most, soonest first.
CANDIDATES = 500
OLDEST_SHOWN = 5


class TrainingsStartingSoon:
    name = "trainings"
    template = "certifications/email/digest_trainings.txt"

    def collect(self, user_ids: list[int], *, since, until) -> dict[int, list[int]]:
        today = timezone.localdate()
        soon = today + timedelta(days=SOON_DAYS)
        # New to the digest: published this week, or its start came within 30 days this week.
        newly_near = timezone.localdate(since) + timedelta(days=SOON_DAYS)
        candidates = list(
            TrainingSearchEntry.objects.filter(
                next_start__gte=today, next_start__lte=soon, expires_on__gte=today
            )
            .filter(
                Q(published_at__gte=since, published_at__lt=until) | Q(next_start__gt=newly_near)
            )
            .order_by("next_start", "pk")
            .values_list("pk", "category", "format", "languages", "latitude", "longitude")[
                :CANDIDATES
            ]
        )
        if not candidates:
            return {}
        languages = dict(
            User.objects.filter(pk__in=user_ids).values_list("pk", "preferred_language")
        )
        categories, places = _interests(user_ids)
        found = {}
        for user_id, language in languages.items():
            language_bit = bit_of(language, SpokenLanguage)
            boxes = places[user_id]
            chosen = [
                pk
                for pk, category, format, taught, latitude, longitude in candidates
                if taught & language_bit
                and (
                    category in categories[user_id]
                    or (format in AT_A_PLACE and _inside(boxes, latitude, longitude))
                )
            ]
            if chosen:
                found[user_id] = chosen[:MAX_TRAININGS]
        return found

    def load(self, ids) -> tuple[dict, dict]:
        trainings = (
            Training.objects.published()
            .filter(pk__in=ids, search_entry__isnull=False)
            .select_related("organization", "search_entry")
            .in_bulk()
        )
        return trainings, {
            "trainings_url": page_url("certifications:trainings"),
            "training_lines": per_language(
                lambda: {
                    pk: {
                        "starts": date_format(training.search_entry.next_start, "DATE_FORMAT")
                        if training.search_entry.next_start
                        else "",
                        "url": absolute_url(training.get_absolute_url()),
                    }
                    for pk, training in trainings.items()
                }
            ),
        }


def _interests(user_ids: list[int]) -> tuple[dict[int, set[str]], dict[int, list]]:
    """Per person, the kinds of work they follow and the squares around the ZIP codes of
    their saved job searches: two queries."""
    categories: dict[int, set[str]] = defaultdict(set)
    places: dict[int, list] = defaultdict(list)
    for user_id, query in SavedSearch.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "query"
    ):
        params = QueryDict(query)
        categories[user_id].update(c for c in params.getlist("category") if c in Category.values)
        point = locate_zip(params.get("zip", ""))
        if point is not None:
            places[user_id].append(bounding_box(point.latitude, point.longitude, NEAR_MILES))
    steps = PlanStep.objects.filter(user_id__in=user_ids).filter(
        Q(credential__isnull=False) | Q(training__isnull=False)
    )
    for user_id, credential_categories, training_category in steps.values_list(
        "user_id", "credential__categories", "training__category"
    ):
        categories[user_id].update(credential_categories or ())
        if training_category:
            categories[user_id].add(training_category)
    return categories, places


def _inside(boxes: list, latitude: float | None, longitude: float | None) -> bool:
    if latitude is None or longitude is None:
        return False
    return any(
        south <= latitude <= north and west <= longitude <= east
        for south, north, west, east in boxes
    )


class TrainingsToCurate:
    """The staff summary: trainings waiting for review, oldest first."""

    def collect(self) -> SummaryPart | None:
        pending = Training.objects.awaiting_review().select_related("organization")
        count = pending.count()
        if not count:
            return None
        oldest = list(pending[:OLDEST_SHOWN])
        return SummaryPart(
            template="certifications/email/summary_trainings.txt",
            context={
                "pending_count": count,
                "oldest": oldest,
                "urls": per_language(
                    lambda: {
                        training.pk: absolute_url(training.get_manage_url()) for training in oldest
                    }
                ),
                "queue_url": page_url("core:review_queue", "trainings"),
            },
            waiting=count,
        )
