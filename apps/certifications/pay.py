"""What each kind of work pays now (PayFigure), worked out from the current job listings.

How the figures stay fresh cheaply: a periodic task (portal/celery.py, "refresh-pay-figures",
hourly; the demo's scheduler runs it too, and once after the demo data loads) reads the pay
per hour of every listed job in one aggregate query grouped by kind of work, and writes one
row per kind of work. A pathway page then reads one row: nothing is computed per request from
all the jobs, whatever their number.

The figures: the median pay per hour, and as the range the 10th and 90th percentiles, "what
most listings pay". Not the lowest and highest: one listing with a typing slip, or one
foreman's rate, would set them, and a seeker would read the extreme as the norm. The
percentiles are PostgreSQL's percentile_cont (linear interpolation between the two nearest
listings); the fallback for SQLite (the zero-setup demo) computes the same in Python.

No invented numbers: with fewer than CERTIFICATIONS_PAY_MIN_LISTINGS listings behind them,
a kind of work's row keeps the count and no figures, and its page says there are not enough
current listings to show pay."""

from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Aggregate, Count, FloatField
from django.utils import timezone

from apps.certifications.models import PayFigure
from apps.core.pagecache import pages_changed
from apps.core.vocabulary import Category
from apps.jobs.models import JobSearchEntry

CENT = Decimal("0.01")
# The range shown: the middle 80% of listings.
LOW, MEDIAN, HIGH = 0.1, 0.5, 0.9


class Percentile(Aggregate):
    """PostgreSQL's continuous percentile of an expression, e.g. Percentile("pay", 0.5)."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fraction: float, **extra):
        if not 0 <= fraction <= 1:
            raise ValueError("a percentile's fraction is between 0 and 1")
        super().__init__(expression, fraction=float(fraction), **extra)


def percentile(ordered: list[Decimal], fraction: float) -> Decimal:
    """percentile_cont of values in ascending order: linear interpolation between the two
    values around the position fraction * (n - 1)."""
    position = Decimal(repr(fraction)) * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def _listed_pay():
    """The search entries of the listed jobs (published, not expired) whose pay compares per
    hour: an hour, a day, a week, a month or a year; piece rates do not."""
    return JobSearchEntry.objects.filter(
        expires_on__gte=timezone.localdate(), pay_per_hour__isnull=False
    )


def pay_statistics() -> dict[str, tuple[int, Decimal, Decimal, Decimal]]:
    """{category: (listings, low, median, high)} for each kind of work with listings: one
    query."""
    if connection.vendor == "postgresql":
        rows = (
            _listed_pay()
            .order_by()
            .values("category")
            .annotate(
                listings=Count("pk"),
                low=Percentile("pay_per_hour", LOW),
                median=Percentile("pay_per_hour", MEDIAN),
                high=Percentile("pay_per_hour", HIGH),
            )
        )
        return {
            row["category"]: (
                row["listings"],
                Decimal(repr(row["low"])),
                Decimal(repr(row["median"])),
                Decimal(repr(row["high"])),
            )
            for row in rows
        }
    # The portable fallback: every pay per hour in order, grouped here.
    pays: dict[str, list[Decimal]] = defaultdict(list)
    for category, pay in (
        _listed_pay().order_by("category", "pay_per_hour").values_list("category", "pay_per_hour")
    ):
        pays[category].append(pay)
    return {
        category: (
            len(ordered),
            percentile(ordered, LOW),
            percentile(ordered, MEDIAN),
            percentile(ordered, HIGH),
        )
        for category, ordered in pays.items()
    }


def pay_figures_refresh() -> int:
    """Work out every kind of work's pay figures again from the current listings and store
    them (a row for every kind of work, none left behind). Returns how many kinds of work
    have figures to show. Run by the periodic task: no person acts, so there is no actor to
    check and nothing for the audit log."""
    minimum = settings.CERTIFICATIONS_PAY_MIN_LISTINGS
    statistics = pay_statistics()
    now = timezone.now()
    figures = []
    for category in Category.values:
        listings, low, median, high = statistics.get(category, (0, None, None, None))
        enough = listings >= minimum and listings > 0
        figures.append(
            PayFigure(
                category=category,
                listings=listings,
                low=low.quantize(CENT) if enough and low is not None else None,
                median=median.quantize(CENT) if enough and median is not None else None,
                high=high.quantize(CENT) if enough and high is not None else None,
                computed_at=now,
            )
        )
    with transaction.atomic():
        pages_changed(PayFigure)  # the pathway pages show them
        PayFigure.objects.bulk_create(
            figures,
            update_conflicts=True,
            unique_fields=["category"],
            update_fields=["listings", "low", "median", "high", "computed_at"],
        )
    return sum(1 for figure in figures if figure.median is not None)


def pay_figures_refresh_line() -> str:
    """The refresh once the demo data is loaded, with the line load_demo prints."""
    return f"certifications.payfigure: {pay_figures_refresh()} kinds of work with pay shown"
