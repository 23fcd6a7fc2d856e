"""Curation reasons: why an item needs a person (waiting for review, reported, not checked
within its period, missing a translation, expiring soon). Each app registers its own, in its
AppConfig.ready() (or a *_setup module), with curation_reason_register(); staff's one queue
(apps.curation) reads them all, so a new app appears there without the queue changing. The
helpers below derive the usual reasons from what a type already declared (a publishable type,
a checked type, reports)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.db import models
from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Cast
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from apps.core.models import PublicationStatus, Publishable, translation_gap
from apps.core.publishable import publishable_types
from apps.core.registry import Registry
from apps.core.verification import checked_types, overdue

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class Reason(models.TextChoices):
    REPORTED = "reported", gettext_lazy("Reported")
    WAITING = "waiting", gettext_lazy("Waiting for review")
    STALE = "stale", gettext_lazy("Not checked within its period")
    UNTRANSLATED = "untranslated", gettext_lazy("Missing a translation")
    EXPIRING = "expiring", gettext_lazy("Expiring soon")


# Reports come before everything else: someone may be cheated or at risk.
URGENT_REASONS = frozenset({Reason.REPORTED})


def _nothing(item: Any) -> str:
    return ""


@dataclass(frozen=True, eq=False)
class CurationReason:
    """One reason one kind of item needs a person. `items()` returns a query of those items
    annotated with `since` (when they started to need one; None for "never", which is
    oldest), ordered by it, oldest first, then by the item. Its rows name their item by
    `item`: "pk" when it is a query of the items, or the path to them when it is a narrower
    one (each reported job's oldest open report names it by "job"); `carried` names more of
    its annotations the item gets (the count of open reports). `url(item)` is the page where
    staff handle it; `note` says more in one line ("Missing: Spanish"). `organization` names
    the item's organization field, for the queue's organization filter ("" when it has
    none)."""

    reason: str
    model: type[models.Model]
    items: Callable[[], QuerySet]
    url: Callable[[Any], str]
    organization: str = ""
    note: Callable[[Any], "str | StrPromise"] = _nothing
    select_related: tuple[str, ...] = field(default=())
    item: str = "pk"
    carried: tuple[str, ...] = field(default=())

    def __eq__(self, other: object) -> bool:
        # One reason per kind of item: ready() running twice declares the same again (with
        # new functions), which is no conflict.
        if not isinstance(other, CurationReason):
            return NotImplemented
        return (self.reason, self.model) == (other.reason, other.model)

    def __hash__(self) -> int:
        return hash((self.reason, self.model))

    @property
    def kind(self) -> str:
        """What the item is, as the queue's kind filter names it ("jobs.job")."""
        return self.model._meta.label_lower

    @property
    def urgent(self) -> bool:
        return self.reason in URGENT_REASONS

    def path(self, field_name: str) -> str:
        """The path from a row of items() to the item's `field_name`."""
        return field_name if self.item == "pk" else f"{self.item}__{field_name}"


# Keyed "<kind>:<reason>" ("jobs.job:waiting").
curation_reasons: Registry[CurationReason] = Registry("curation reasons")


def curation_reason_register(*entries: CurationReason) -> None:
    for entry in entries:
        curation_reasons.register(f"{entry.kind}:{entry.reason}", entry)


def curation_kinds() -> dict[str, type[models.Model]]:
    """Every kind of item some reason brings to the queue, by its name ("jobs.job")."""
    return {entry.kind: entry.model for entry in curation_reasons}


def _organization_field(model: type[models.Model]) -> str:
    names = {f.name for f in model._meta.get_fields()}
    return "organization" if "organization" in names else ""


def missing_translation(model: type[models.Model]) -> Q:
    """Items lacking one of the type's required_translations in some language."""
    return translation_gap(getattr(model, "required_translations", ()))


def _missing_note(item) -> str:
    names = dict(settings.LANGUAGES)
    languages = ", ".join(str(names[code]) for code in item.missing_languages)
    return _("Missing: %(languages)s") % {"languages": languages}


def _ends_note(item) -> str:
    return _("Ends on %(date)s") % {"date": formats.date_format(item.expires_on)}


def _reports_note(item) -> str:
    count = item.open_reports
    text = ngettext("%(count)s open report", "%(count)s open reports", count)
    return text % {"count": formats.number_format(count)}


def expiring_days() -> int:
    return settings.CURATION_EXPIRING_DAYS


def review_reasons(key: str) -> list[CurationReason]:
    """The reasons of a publishable type (apps.core.publishable): waiting for review,
    published but missing a language, and, for a listing its organization renews, ending
    within CURATION_EXPIRING_DAYS. Pending items missing a language are waiting already."""
    kind = publishable_types[key]
    model = kind.model
    organization = _organization_field(model)
    manager: Any = model.objects

    def reason(code: str, items: Callable[[], QuerySet], note=_nothing) -> CurationReason:
        return CurationReason(
            code, model=model, items=items, url=lambda item: item.get_manage_url(),
            organization=organization, note=note, select_related=tuple(model.owner_related),
        )  # fmt: skip

    def waiting():
        pending = manager.filter(status=PublicationStatus.PENDING)
        return pending.annotate(since=F("submitted_at")).order_by("since", "pk")

    def untranslated():
        gaps = manager.published().filter(missing_translation(model))
        return gaps.annotate(since=F("published_at")).order_by("since", "pk")

    reasons = [
        reason(Reason.WAITING, waiting),
        reason(Reason.UNTRANSLATED, untranslated, _missing_note),
    ]
    if kind.renewable and issubclass(model, Publishable):

        def expiring():
            # Since it came within the days before its end: the soonest end is the oldest
            # (and the order its (status, expires_on) index reads).
            days = expiring_days()
            soon = timezone.localdate() + timedelta(days=days)
            ending = manager.published().filter(expires_on__lte=soon)
            entered = Cast(F("expires_on"), DateTimeField()) - timedelta(days=days)
            since = ExpressionWrapper(entered, output_field=DateTimeField())
            return ending.annotate(since=since).order_by("expires_on", "pk")

        reasons.append(reason(Reason.EXPIRING, expiring, _ends_note))
    return reasons


def stale_reason(key: str) -> CurationReason:
    """A checked type's items not checked within its period (apps.core.verification)."""
    kind = checked_types[key]

    def stale():
        items = overdue(kind).annotate(since=F(kind.checked_at))
        return items.order_by(F("since").asc(nulls_first=True), "pk")  # never checked first

    return CurationReason(
        Reason.STALE, model=kind.model, items=stale, url=kind.page_url,
        organization=_organization_field(kind.model),
        select_related=(kind.checked_by, *kind.select_related),
    )  # fmt: skip


def reported_reason(
    model: type[models.Model], *, reports: str = "reports", url: Callable[[Any], str]
) -> CurationReason:
    """Items people reported (apps.core.models.Report, through the item's `reports`) that
    staff have not handled yet, since the oldest open report; `url` is where staff read them."""
    relation = cast(models.ManyToOneRel, model._meta.get_field(reports))
    report_model = cast(type[models.Model], relation.related_model)
    item = relation.field.name

    def reported():
        # One row per item: its oldest open report (no older one is open), found by walking
        # the reports in date order, so the queue reads as few as it shows however many
        # wait; each row counts its item's open reports.
        open_reports = report_model._default_manager.filter(resolved_at=None)
        same_item = open_reports.filter(**{item: OuterRef(item)})
        older = same_item.filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        count = same_item.order_by().values(item).annotate(count=Count("pk")).values("count")
        oldest = open_reports.filter(~Exists(older)).annotate(
            since=F("created_at"), open_reports=Subquery(count)
        )
        return oldest.order_by("since", "pk")

    return CurationReason(
        Reason.REPORTED, model=model, items=reported, url=url,
        organization=_organization_field(model), note=_reports_note,
        select_related=tuple(getattr(model, "owner_related", ())),
        item=item, carried=("open_reports",),
    )  # fmt: skip
