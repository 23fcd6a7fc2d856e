"""Emails on curation's dashboard (apps.core.dashboard), from the delivery log: an app whose
emails staff should watch (job alerts) registers a figure made here; notifications registers
its weekly digest's."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.dashboard import Column, Figure, Period, weekly_counts

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

# Sent, or not sent yet because sending failed (the last attempt's error is kept; the
# sweeper tries again up to MAX_ATTEMPTS times, then it waits for an operator).
SENT = Q(status="sent")
FAILED = ~Q(status__in=["sent", "dropped"]) & ~Q(last_error="")


def deliveries_figure(title: "str | StrPromise", kinds: Sequence[str]) -> Figure:
    """The emails of these kinds queued each week (their creation date: an alert or a digest
    goes out within minutes of it), sent and failed. One query, through the (kind, created)
    index."""

    def load(period: Period) -> dict:
        from apps.notifications.models import Delivery

        return weekly_counts(
            Delivery.objects.filter(kind__in=kinds), "created_at", [SENT, FAILED], period
        )

    return Figure(
        title, (Column(_("Sent")), Column(_("Failed, not sent yet"))), load,
        description=_("By the week they were queued."),
    )  # fmt: skip


FIGURES = {"digests": deliveries_figure(_("Weekly digests sent and failed"), ["weekly_digest"])}
