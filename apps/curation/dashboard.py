"""How Camino is doing: every figure registered in apps.core.dashboard, as a table of numbers
and a chart drawn on the server (SVG, no script). The numbers are computed in a fixed number of
queries and kept in the cache for a short while (apps.core.cache fails open: with Redis down,
they are computed on each request)."""

import datetime
import math
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language

from apps.core.dashboard import Column, Figure, Number, Period, dashboard_figures

DEFAULT_WEEKS = 12
MAX_WEEKS = 52
# Long enough that staff reloading the page, or several staff at once, cost one computation;
# short enough that what they just did shows soon.
CACHE_SECONDS = 120


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


def shown(value: Number) -> str:
    if value is None:
        return "–"
    return number_format(value, force_grouping=True)


def _rows(figure: Figure, loaded, period: Period) -> list[tuple]:
    if not figure.weekly:
        return [(label, list(values)) for label, values in loaded]
    nothing = [0 if column.count else None for column in figure.columns]
    return [(week, list(loaded.get(week, nothing))) for week in period.week_starts]


def dashboard_tables(weeks: int) -> list[Table]:
    """Every registered figure over the last `weeks` weeks, from the cache when it has them."""
    period = Period(weeks=weeks, today=timezone.localdate())
    cache_key = f"curation:dashboard:{weeks}:{period.today.isoformat()}"
    rows = cache.get(cache_key)
    if rows is None or set(rows) != set(dashboard_figures.keys()):
        rows = {
            key: _rows(figure, figure.load(period), period)
            for key, figure in dashboard_figures.items()
        }
        cache.set(cache_key, rows, CACHE_SECONDS)
    return [Table(key, figure, rows[key]) for key, figure in dashboard_figures.items()]


def dashboard_html(weeks: int) -> SafeString:
    """Every figure's chart, table and CSV link, rendered in the current language. Kept as
    rendered as long as the numbers are: drawing ten charts and tables costs more than
    computing their numbers from the cache."""
    today = timezone.localdate().isoformat()
    cache_key = f"curation:dashboard-html:{weeks}:{get_language()}:{today}"
    html = cache.get(cache_key)
    if html is None:
        figures = [(table, chart_of(table)) for table in dashboard_tables(weeks)]
        html = render_to_string(
            "curation/includes/figures.html", {"figures": figures, "weeks": weeks}
        )
        cache.set(cache_key, html, CACHE_SECONDS)
    return html  # a SafeString from the templates, which escaped it (pickled as one)


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
