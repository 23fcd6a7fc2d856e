"""How Camino is doing, for staff: the figures of curation's dashboard. Each app registers the
figures it knows in `dashboard_figures` (in its AppConfig.ready()), so the dashboard lists no
app. A figure is a small table of aggregated counts, never a person: one row per week of the
period (a weekly figure) or one row per kind of thing as it is now (a snapshot), and one
number per column. Its `load` answers in a fixed number of queries whatever the data size,
aggregating in the database."""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.core.registry import Registry

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

Number = int | float | None


@dataclass(frozen=True)
class Period:
    """The last `weeks` weeks, the current one included; weeks start on Monday, in Camino's
    time zone (as PostgreSQL's date_trunc('week') counts them)."""

    weeks: int
    today: datetime.date

    @property
    def week_starts(self) -> list[datetime.date]:
        monday = self.today - datetime.timedelta(days=self.today.weekday())
        return [monday - datetime.timedelta(weeks=n) for n in range(self.weeks - 1, -1, -1)]

    @property
    def start(self) -> datetime.datetime:
        """The first week's Monday at midnight, as an aware datetime."""
        return self.bounds()[0][0]

    @property
    def end(self) -> datetime.datetime:
        """The end of the current week (next Monday at midnight): what is dated later (an
        event to come) is not counted yet."""
        return self.bounds()[-1][1]

    def bounds(self) -> list[tuple[datetime.datetime, datetime.datetime]]:
        """Each week's start and end (the next Monday) at midnight, aware."""

        def midnight(day: datetime.date) -> datetime.datetime:
            return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

        return [
            (midnight(day), midnight(day + datetime.timedelta(weeks=1))) for day in self.week_starts
        ]


@dataclass(frozen=True)
class Column:
    label: "str | StrPromise"
    # Whether the chart draws it (a figure's counts), or only its table shows it (the age of
    # the oldest report, in days, beside counts of reports).
    charted: bool = True
    # A count shows 0 in a week with nothing; a measure (a median) shows nothing then.
    count: bool = True


@dataclass(frozen=True)
class Figure:
    """One chart and its table. A weekly figure's `load(period)` returns {week's Monday:
    [a number per column]} (weeks with nothing may be left out: they show 0); a snapshot's
    returns {row key: [a number per column]}, and its `rows()` the (row key, label) it shows,
    without a query: the numbers are stored by key (curation's periodic task) and labelled in
    the reader's language when shown."""

    title: "str | StrPromise"
    columns: tuple[Column, ...]
    load: Callable[[Period], dict]
    weekly: bool = True
    description: "str | StrPromise" = ""
    rows: Callable[[], list[tuple[str, "str | StrPromise"]]] | None = None


dashboard_figures: Registry[Figure] = Registry("dashboard figures")


class Median(models.Aggregate):
    """The median of the values (PostgreSQL's percentile_cont; None on other databases,
    which Camino uses only to be tried on a laptop)."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = models.FloatField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return "NULL", []


def weekly_counts(
    queryset: models.QuerySet, date_field: str, counts: Sequence[Q | None], period: Period
) -> dict[datetime.date, list[int]]:
    """One query: the rows of `queryset` whose `date_field` falls in the period, counted per
    week, once per filter in `counts` (None counts every row)."""
    # Counting the date (never empty here) rather than the ids: an index of the filtered
    # columns and the date answers alone (an index-only scan).
    aggregates = {
        f"n{i}": Count(date_field, filter=condition) for i, condition in enumerate(counts)
    }
    rows = (
        queryset.filter(**{f"{date_field}__gte": period.start, f"{date_field}__lt": period.end})
        .annotate(week=TruncWeek(date_field))
        .order_by()
        .values("week")
        .annotate(**aggregates)
    )
    return {_week_date(row["week"]): [row[f"n{i}"] for i in range(len(counts))] for row in rows}


def _week_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def open_counts(queryset: models.QuerySet, *, opened: str, now: datetime.datetime) -> list:
    """[how many, how many for more than a week, the oldest's age in days] of open things
    (reports), in one query; `opened` names when each was opened."""
    week_ago = now - datetime.timedelta(days=7)
    result = queryset.aggregate(
        count=Count("pk"), old=Count("pk", filter=Q(**{f"{opened}__lt": week_ago})),
        oldest=Min(opened),
    )  # fmt: skip
    oldest = result["oldest"]
    return [result["count"], result["old"], (now - oldest).days if oldest else 0]


OPEN_COLUMNS = (
    Column(_("Open")),
    Column(_("Open for more than a week")),
    Column(_("Days the oldest has waited"), charted=False),
)


def missing_language_counts(queryset: models.QuerySet, required: Iterable[str]) -> list[int]:
    """How many of the items lack each of Camino's languages in one of `required`'s
    translated fields, in one query (a column per language, in settings.LANGUAGES order)."""
    required = list(required)
    aggregates = {}
    for code, _name in settings.LANGUAGES:
        missing = Q()
        for name in required:
            missing |= Q(**{f"{name}_{code}": ""}) | Q(**{f"{name}_{code}__isnull": True})
        aggregates[code] = Count("pk", filter=missing)
    result = queryset.aggregate(**aggregates)
    return [result[code] for code, _name in settings.LANGUAGES]


def _missing_in(language) -> str:
    return gettext("Missing in %(language)s") % {"language": language}


missing_in = lazy(_missing_in, str)


def language_columns() -> tuple[Column, ...]:
    """A column per language, named in the reader's language when shown."""
    return tuple(Column(missing_in(name)) for _code, name in settings.LANGUAGES)


# The things people report (a job, a legal help provider, a mentor's conduct): each app
# registers its report model, which has `created_at` and `resolved_at` (apps.core.models.Report
# or the same two fields), so one figure counts every kind of report still open.
report_models: Registry[type[models.Model]] = Registry("report models")


def dashboard_declare(
    *,
    figures: dict[str, Figure] | None = None,
    reports: dict[str, type[models.Model]] | None = None,
) -> None:
    """What an app adds to the dashboard, from its AppConfig.ready()."""
    for key, figure in (figures or {}).items():
        dashboard_figures.register(key, figure)
    for key, model in (reports or {}).items():
        report_models.register(key, model)


# Core's figures, from what every app declares already ---------------------------------------

# Actions of the review workflow (apps.core.services.TRANSITIONS) that the figures count.
SUBMITTED = ("submit", "renew with changes")
DECIDED = ("publish", "reject")


def review_activity(period: Period) -> dict:
    """Counted from the audit log, not from the items' dates: an item keeps only its latest
    submission and publication dates and no date of rejection, while the log has every
    submission and decision, of every type, in one table (one query)."""
    from apps.core.models import AuditEntry

    return weekly_counts(
        AuditEntry.objects.filter(action__in=[*SUBMITTED, *DECIDED]), "created_at",
        [Q(action__in=SUBMITTED), Q(action="publish"), Q(action="reject")], period,
    )  # fmt: skip


def decision_times(period: Period) -> dict:
    """For each decision (published or rejected) in a week, the time since the item was last
    sent for review before it, in days: the week's median. Staff may publish a draft of their
    own, which waited for nobody: it has no submission and does not count. One query; the
    previous submission is found through the log's (item, date) index, once per decision.
    Without JIT compilation, which costs more than the query (half a second at 35,000
    decisions) and which PostgreSQL would choose for its estimated cost."""
    from django.db import connection, transaction
    from django.db.models import F, OuterRef, Subquery
    from django.db.models.functions import Extract

    from apps.core.models import AuditEntry

    submitted = AuditEntry.objects.filter(
        content_type=OuterRef("content_type"), object_id=OuterRef("object_id"),
        action__in=SUBMITTED, created_at__lte=OuterRef("created_at"),
    ).order_by("-created_at").values("created_at")[:1]  # fmt: skip
    rows = (
        AuditEntry.objects.filter(
            action__in=DECIDED, created_at__gte=period.start, created_at__lt=period.end
        )
        .annotate(submitted_at=Subquery(submitted))
        .annotate(waited=Extract(F("created_at") - F("submitted_at"), "epoch") / 86400.0)
        .annotate(week=TruncWeek("created_at"))
        .order_by()
        .values("week")
        .annotate(median=Median("waited"))
    )
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        found = list(rows)
    return {
        _week_date(row["week"]): [round(row["median"], 1) if row["median"] is not None else None]
        for row in found
    }


def open_reports(period: Period) -> dict:
    now = timezone.now()
    return {
        key: open_counts(model._default_manager.filter(resolved_at__isnull=True),
                         opened="created_at", now=now)
        for key, model in report_models.items()
    }  # fmt: skip


def report_rows() -> list:
    return [(key, model._meta.verbose_name_plural) for key, model in report_models.items()]


def stale_items(period: Period) -> dict:
    from apps.core.verification import overdue_counts

    return {key: [count] for key, count in overdue_counts().items()}


def stale_rows() -> list:
    from apps.core.verification import checked_types

    return [(key, kind.title) for key, kind in checked_types.items()]


def _translated_types() -> list:
    from apps.core.publishable import publishable_types

    return [(key, kind) for key, kind in publishable_types.items()
            if kind.model.required_translations]  # fmt: skip


def translation_gaps(period: Period) -> dict:
    """Per publishable type, the items published or waiting for review that lack a language
    in one of the fields the type requires (Reviewable.required_translations)."""
    from apps.core.models import PublicationStatus

    shown = (PublicationStatus.PENDING, PublicationStatus.PUBLISHED)
    return {
        key: missing_language_counts(kind.model._default_manager.filter(status__in=shown),
                                     kind.model.required_translations)
        for key, kind in _translated_types()
    }  # fmt: skip


def translation_rows() -> list:
    return [(key, kind.model._meta.verbose_name_plural) for key, kind in _translated_types()]


CORE_FIGURES = {
    "review": Figure(
        _("Items sent for review, published and rejected"),
        (Column(_("Sent for review")), Column(_("Published")), Column(_("Rejected"))),
        review_activity,
        description=_("Every kind of item, from the audit log, by week."),
    ),
    "decision_time": Figure(
        _("Days from sending for review to a decision (median)"),
        (Column(_("Median days"), count=False),),
        decision_times,
        description=_("Half of the items published or rejected that week waited less."),
    ),
    "reports": Figure(
        _("Open reports and their age"),
        OPEN_COLUMNS,
        open_reports,
        weekly=False,
        rows=report_rows,
        description=_("Reports that staff have not handled yet, as they are now."),
    ),
    "stale": Figure(
        _("Not checked again within their period"),
        (Column(_("To check")),),
        stale_items,
        weekly=False,
        rows=stale_rows,
    ),
    "translations": Figure(
        _("Missing a translation"),
        language_columns(),
        translation_gaps,
        weekly=False,
        rows=translation_rows,
        description=_("Items published or waiting for review that lack a language."),
    ),
}
