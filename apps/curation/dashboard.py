"""How Camino is doing: every figure registered in apps.core.dashboard, as a table of numbers
and a chart drawn on the server (SVG, no script). The numbers are computed by a periodic task
(`figures_refresh`, apps.curation.tasks.refresh_dashboard) and stored (FigureValue): a view
only reads them, in one query, however large the data is and however slow a figure is to
compute."""

import datetime
import math
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language

from apps.core.dashboard import Column, Figure, Number, Period, dashboard_figures
from apps.curation.models import FigureValue

DEFAULT_WEEKS = 12
MAX_WEEKS = 52
# What each run of the periodic task computes again: this week, and the last one, whose last
# minutes came after the run before it ended. Older weeks change rarely (a late audit entry,
# a match that ended): the nightly full run catches them.
RECENT_WEEKS = 2


@dataclass(frozen=True)
class Table:
    """A figure's numbers: `rows` of (label, [a number per column]); the label is a week's
    Monday (a date) for a weekly figure."""

    key: str
    figure: Figure
    rows: list[tuple]

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.figure.columns

    def row_label(self, label) -> str:
        if isinstance(label, datetime.date):
            return date_format(label, "SHORT_DATE_FORMAT")
        return capfirst(str(label))  # a model's plural name is written in lower case

    def text_rows(self) -> list[tuple[str, list[str]]]:
        """The rows as the page shows them, in the reader's language."""
        return [
            (self.row_label(label), [shown(value) for value in values])
            for label, values in self.rows
        ]


@dataclass(frozen=True)
class Figures:
    """The stored figures over a period, and when they were computed (the latest run)."""

    tables: list[Table]
    computed_at: datetime.datetime | None


def shown(value: Number) -> str:
    if value is None:
        return "–"
    return number_format(value, force_grouping=True)


def _nothing(figure: Figure) -> list[Number]:
    """A row with nothing stored: 0 for a count, no number for a measure."""
    return [0 if column.count else None for column in figure.columns]


def _number(value: float | None) -> Number:
    # Stored as floats: a count shows as 3, not 3.0.
    return int(value) if value is not None and value.is_integer() else value


def dashboard_figures_stored(weeks: int) -> Figures:
    """Every registered figure over the last `weeks` weeks, as last stored. One query."""
    period = Period(weeks=weeks, today=timezone.localdate())
    stored: dict[tuple[str, str, datetime.date], dict[int, Number]] = {}
    snapshot_day: dict[tuple[str, str], datetime.date] = {}  # the day a snapshot was taken
    computed_at = None
    # The weeks shown, and the snapshots (each run replaces them: only the last one is kept).
    shown_rows = Q(week__gte=period.week_starts[0]) | ~Q(series="")
    values = FigureValue.objects.filter(shown_rows).values_list(
        "figure", "series", "column", "week", "value", "computed_at"
    )
    for name, series, column, week, value, when in values:
        stored.setdefault((name, series, week), {})[column] = _number(value)
        computed_at = when if computed_at is None else max(computed_at, when)
        if series:
            snapshot_day[(name, series)] = max(week, snapshot_day.get((name, series), week))

    def numbers(key: str, figure: Figure, series: str, week: datetime.date | None) -> list:
        row = stored.get((key, series, week), {}) if week else {}
        return [row.get(i, default) for i, default in enumerate(_nothing(figure))]

    tables = []
    for key, figure in dashboard_figures.items():
        rows: list[tuple]
        if figure.weekly:
            rows = [(week, numbers(key, figure, "", week)) for week in period.week_starts]
        else:
            rows = [
                (label, numbers(key, figure, series, snapshot_day.get((key, series))))
                for series, label in (figure.rows() if figure.rows else [])
            ]
        tables.append(Table(key, figure, rows))
    return Figures(tables, computed_at)


# Longer than the periodic task's interval: a new computation has a new key anyway.
HTML_SECONDS = 3600


def dashboard_html(stored: Figures, weeks: int) -> SafeString:
    """Every figure's chart, table and CSV link, rendered in the current language. Drawing
    them costs most of a view (about 20 ms of the 25 at 1,000,000 items, the numbers' query
    1 ms), so the HTML is kept in the cache until the figures are computed again (the key
    names the computation) or the week changes; apps.core.cache fails open."""
    from django.template.loader import render_to_string

    computed = stored.computed_at.isoformat() if stored.computed_at else "none"
    today = timezone.localdate().isoformat()
    key = f"curation:dashboard-html:{weeks}:{get_language()}:{today}:{computed}"
    html = cache.get(key)
    if html is None:
        figures = [(table, chart_of(table)) for table in stored.tables]
        html = render_to_string(
            "curation/includes/figures.html", {"figures": figures, "weeks": weeks}
        )
        cache.set(key, html, HTML_SECONDS)
    return html  # a SafeString from the templates, which escaped it (pickled as one)


def figures_refresh(*, full: bool = False) -> int:
    """Compute every registered figure and store its numbers in place of the stored ones, in
    one transaction (a view sees the last run's or this one's, never half of each): every
    snapshot, and the last RECENT_WEEKS weeks of the weekly figures or, when `full` (nightly,
    and when nothing is stored yet), all MAX_WEEKS. Returns how many numbers it stored. Run
    by the periodic task and the demo loader: no person acts, so there is no actor to check
    and nothing for the audit log (the figures are aggregated counts of what is logged)."""
    if not full and not FigureValue.objects.exists():
        full = True  # a fresh install shows its whole history from the first run
    period = Period(weeks=MAX_WEEKS if full else RECENT_WEEKS, today=timezone.localdate())
    now = timezone.now()
    values: list[FigureValue] = []
    for key, figure in dashboard_figures.items():
        loaded = figure.load(period)
        if figure.weekly:
            weeks = period.week_starts
            cells = [("", week, loaded.get(week) or _nothing(figure)) for week in weeks]
        else:
            cells = [(series, period.today, numbers) for series, numbers in loaded.items()]
        values.extend(
            FigureValue(figure=key, series=series, column=column, week=week, value=value,
                        computed_at=now)
            for series, week, numbers in cells
            for column, value in enumerate(numbers)
        )  # fmt: skip
    snapshots = [key for key, figure in dashboard_figures.items() if not figure.weekly]
    replaced = Q() if full else Q(week__gte=period.week_starts[0]) | Q(figure__in=snapshots)
    with transaction.atomic():
        FigureValue.objects.filter(replaced).delete()
        # Two runs at once (the nightly one and a periodic one) both write: the later wins.
        FigureValue.objects.bulk_create(
            values,
            update_conflicts=True,
            unique_fields=["figure", "series", "column", "week"],
            update_fields=["value", "computed_at"],
        )
    return len(values)


def figures_refresh_line() -> str:
    """The full refresh once the demo data is loaded, with the line load_demo prints."""
    return f"curation.figurevalue: {figures_refresh(full=True)} dashboard numbers"


# The chart ------------------------------------------------------------------------------

WIDTH = 480  # small enough that its 12px text stays readable on a phone
LEFT, RIGHT, TOP = 48, 8, 12  # room for the scale's numbers, and above the tallest bar
PLOT_HEIGHT = 160
LABEL_ROW = 20  # a weekly chart's dates under the bars
BAR_ROW = 22  # a snapshot's bar, with its label above it
SERIES = 4  # the palette's colours in camino.css (chart-series-1...4), then they repeat


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    texts: list[Text]
    lines: list[float]  # the scale's horizontal lines (y)
    legend: list[tuple[int, str]]  # (series, column label)
    left: int = LEFT  # where the scale's lines start


def nice_top(value: float) -> float:
    """The scale's top: the values' maximum rounded up to 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def chart_of(table: Table) -> Chart:
    """Vertical bars per week for a weekly figure, horizontal bars per row for a snapshot;
    one bar per charted column, the same colour for a column throughout."""
    charted = [i for i, column in enumerate(table.columns) if column.charted]
    legend = [(n % SERIES + 1, str(table.columns[i].label)) for n, i in enumerate(charted)]
    values = [values[i] or 0 for _label, values in table.rows for i in charted]
    top = nice_top(max(values, default=0))
    if table.figure.weekly:
        return _columns(table, charted, top, legend)
    return _rows_chart(table, charted, top, legend)


def _columns(table: Table, charted: list[int], top: float, legend) -> Chart:
    plot_width = WIDTH - LEFT - RIGHT
    group = plot_width / max(len(table.rows), 1)
    bar_width = group * 0.8 / max(len(charted), 1)
    bottom = TOP + PLOT_HEIGHT
    bars, texts = [], []
    # A date under every few weeks, so that they do not run into each other.
    every = math.ceil(len(table.rows) / 8)
    for n, (label, values) in enumerate(table.rows):
        x = LEFT + n * group + group * 0.1
        for s, i in enumerate(charted):
            height = (values[i] or 0) / top * PLOT_HEIGHT
            bars.append(Bar(round(x + s * bar_width, 1), round(bottom - height, 1),
                            round(bar_width, 1), round(height, 1), s % SERIES + 1))  # fmt: skip
        if n % every == 0:
            texts.append(Text(round(LEFT + (n + 0.5) * group, 1), bottom + 14,
                              date_format(label, "j M")))  # fmt: skip
    lines = []
    for fraction in (0, 0.5, 1):
        y = round(bottom - fraction * PLOT_HEIGHT, 1)
        lines.append(y)
        texts.append(Text(LEFT - 6, y + 4, shown(_tick(top * fraction)), "end"))
    return Chart(WIDTH, bottom + LABEL_ROW, bars, texts, lines, legend)


def _rows_chart(table: Table, charted: list[int], top: float, legend) -> Chart:
    plot_width = WIDTH - LEFT - RIGHT
    row_height = 16 + BAR_ROW * len(charted)
    bars, texts = [], []
    for n, (label, values) in enumerate(table.rows):
        y = TOP + n * row_height
        texts.append(Text(LEFT, y + 10, table.row_label(label), "start"))
        for s, i in enumerate(charted):
            width = (values[i] or 0) / top * plot_width
            bars.append(Bar(LEFT, y + 14 + s * BAR_ROW, round(width, 1), BAR_ROW - 6,
                            s % SERIES + 1))  # fmt: skip
            texts.append(Text(round(LEFT + width + 4, 1), y + 14 + s * BAR_ROW + 12,
                              shown(values[i]), "start"))  # fmt: skip
    return Chart(WIDTH, TOP + row_height * max(len(table.rows), 1) + 4, bars, texts, [], legend)


def _tick(value: float) -> Number:
    return int(value) if float(value).is_integer() else round(value, 1)
