"""The reads of the career pathway pages: a kind of work's pay figures, the credentials that
help in it and the trainings near a seeker. Each is one or two queries, whatever the number
of jobs, credentials or trainings (the lists are capped)."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.apps import apps
from django.db import models
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import OrderBy
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.certifications.credential_selectors import CARD_FIELDS
from apps.certifications.models import (
    Credential,
    CredentialSearchEntry,
    PayFigure,
    Training,
    TrainingSearchEntry,
)
from apps.certifications.training_selectors import first_trainings, trainings_for
from apps.certifications.vocabulary import Benefit, Format
from apps.core.registry import category_sections
from apps.core.search import within_radius
from apps.core.us import ZipPoint
from apps.core.vocabulary import Category, bit_of

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

# Trainings near a seeker's ZIP code: how far, and how many a pathway shows.
TRAINING_RADIUS_MILES = 50
TRAININGS_SHOWN = 5
# Credentials a pathway lists (what the work requires first): a few that fit on a phone's
# screen or two; the credential list, filtered by the kind of work, has all.
CREDENTIALS_SHOWN = 8

# What each kind of work is, in a line, on the pathway pages.
SUMMARIES: dict[str, "StrPromise"] = {
    Category.CONSTRUCTION: _(
        "Building, remodeling and roofing: many start as helpers and "
        "move up with safety cards and a trade."
    ),
    Category.CLEANING: _(
        "Homes, offices and buildings: steady work, and a cleaning business "
        "of your own with an ITIN."
    ),
    Category.FOOD: _(
        "Kitchens, restaurants and catering: a food handler card opens the "
        "door, a manager certificate raises pay."
    ),
    Category.HOSPITALITY: _("Hotels and events: housekeeping, front desk, banquets."),
    Category.LANDSCAPING: _(
        "Gardens, lawns and trees: seasonal work, and licenses that let you run your own crew."
    ),
    Category.AGRICULTURE: _("Farms, nurseries and packing houses."),
    Category.WAREHOUSE: _("Warehouses and factories: a forklift certificate raises pay."),
    Category.TRANSPORT: _("Driving and delivery: licenses decide what you can drive."),
    Category.CARE: _(
        "Caring for older and sick people: certificates lead to better-paid jobs in health care."
    ),
    Category.CHILDCARE: _("Caring for and teaching children, at home or in a center."),
    Category.RETAIL: _("Stores and sales."),
    Category.BEAUTY: _(
        "Hair, nails and skin care: a state license, often with the exam in Spanish."
    ),
    Category.TRADES: _(
        "Electricians, plumbers, welders and mechanics: apprenticeships and "
        "licenses lead to the best pay."
    ),
    Category.OFFICE: _("Office work, bookkeeping and administration."),
    Category.TECHNOLOGY: _("Computers, support and software."),
    Category.INTERPRETING: _(
        "Interpreting and translation: certificates that clients and courts ask for."
    ),
    Category.OTHER: _("Other kinds of work."),
}


def category_or_none(code: str) -> str | None:
    return code if code in Category.values else None


def pay_figures() -> dict[str, PayFigure]:
    """Every kind of work's stored pay figures, by category code: one query."""
    return {figure.category: figure for figure in PayFigure.objects.all()}


def pay_figure_of(category: str) -> PayFigure | None:
    """A kind of work's stored pay figures, or None before they were ever worked out."""
    return PayFigure.objects.filter(category=category).first()


@dataclass(frozen=True)
class CredentialGroup:
    benefit: str
    label: "StrPromise"
    credentials: Sequence[Credential]


def credentials_for(category: str) -> list[CredentialGroup]:
    """The published credentials that serve a kind of work, grouped by why they matter (what
    the work requires, what raises pay, what opens doors; then by name): one query. A
    credential is listed while it has a search entry (apps.core.indexing), which holds its
    categories as a bit set and its place in that order, so the first few are picked from
    the narrow entries (a subquery) and only those credentials are read."""
    bit = bit_of(category, Category)
    first = (
        CredentialSearchEntry.objects.alias(category_bit=F("categories").bitand(bit))
        .filter(category_bit__gt=0)
        .order_by("benefit_rank", "sort_name", "pk")
        .values("pk")[:CREDENTIALS_SHOWN]
    )
    credentials = sorted(
        # Sorted here, by the name in the page's language: the model's own order is not needed.
        Credential.objects.filter(pk__in=first).only(*CARD_FIELDS, "benefit").order_by(),
        key=lambda credential: (credential.name.lower(), credential.pk),
    )  # fmt: skip
    groups = []
    for code, label in Benefit.choices:
        members = [credential for credential in credentials if credential.benefit == code]
        if members:
            groups.append(CredentialGroup(code, label, members))
    return groups


def pathway_url(category: str, work_authorization: str = "") -> str:
    """A kind of work's pathway page (a category link: apps.core.registry.category_links)."""
    return reverse("certifications:pathway", kwargs={"category": category})


def credentials_url(category: str, work_authorization: str = "") -> str:
    """The credential list filtered by a kind of work (a category link)."""
    return f"{reverse('certifications:credentials')}?category={category}"


def _open_trainings(category: str) -> QuerySet[TrainingSearchEntry]:
    """The listed trainings of a kind of work that one can still join: a start date ahead,
    or starting any time."""
    today = timezone.localdate()
    return TrainingSearchEntry.objects.filter(
        Q(next_start__gte=today) | Q(rolling_enrollment=True),
        category=category,
        expires_on__gte=today,
    )


def trainings_near(category: str, zip_point: ZipPoint | None) -> dict[str, list[Training]]:
    """A kind of work's trainings one can still join, at most TRAININGS_SHOWN of each:
    "near" within TRAINING_RADIUS_MILES of the seeker's ZIP code, nearest first (only with
    a ZIP code), and "online", soonest first (starting any time last). Three queries with a
    ZIP code (the near entries with their distance, their trainings, the online ones), one
    without."""
    soonest: list[str | OrderBy] = [F("next_start").asc(nulls_last=True), "-published_at", "-pk"]
    near: list[Training] = []
    if zip_point is not None:
        entries = within_radius(_open_trainings(category), zip_point, TRAINING_RADIUS_MILES)
        near = trainings_for(
            entries.exclude(format=Format.ONLINE)
            .only("pk")
            .order_by("distance", *soonest)[:TRAININGS_SHOWN]
        )
    online = (
        _open_trainings(category)
        .filter(format__in=[Format.ONLINE, Format.HYBRID])
        .exclude(pk__in=[training.pk for training in near])
        .order_by(*soonest)
    )
    return {"near": near, "online": first_trainings(online, TRAININGS_SHOWN)}


def pathway_models() -> list[type[models.Model]]:
    """What a pathway page shows, for its page cache: credentials, trainings and pay figures,
    and what every registered section names (read when the URLs load, after the apps')."""
    labels = {"certifications.credential", "certifications.training", "certifications.payfigure"}
    for section in category_sections:
        labels.update(section.models)
    return [apps.get_model(label) for label in sorted(labels)]
