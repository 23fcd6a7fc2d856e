"""Bilingual keyword search shared by every kind of listing.

Text is normalised in Python (lower case, accents removed) and stemmed with Snowball, Spanish
fields with the Spanish stemmer and English fields with the English one. Each listing stores
its title terms and its other terms (apps.core.models.TermsField): on PostgreSQL as two
GIN-indexed tsvector columns (``search_index_operations``), the title's small and cheap to
rank with; elsewhere as space-delimited text.
A query word matches if any of its stems (Spanish, English or the word itself) is among a
listing's terms; every query word must match; listings whose titles match more words rank
first. SQLite reads the text columns, PostgreSQL the index: the same results either way.

Any type's entries (apps.core.models.SearchEntry, kept by apps.core.indexing) are searched
with `entries_search` (keywords, a ZIP radius, a publication date: the filters every type
shares, a `SearchFilters`) and ordered with `entries_order`; a type adds its own filters.
"""

import json
import math
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import ClassVar, NamedTuple, Self, TypeVar, cast, overload

import snowballstemmer
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, connections, migrations
from django.db.models import (
    BooleanField,
    Case,
    F,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    SmallIntegerField,
    Value,
    When,
)
from django.db.models.expressions import Combinable, OrderBy, RawSQL
from django.db.models.functions import Cast, Coalesce, Floor
from django.db.models.lookups import Lookup
from django.db.models.query import prefetch_related_objects
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.datastructures import BaseTable
from django.utils import timezone
from django.utils.translation import get_language

from apps.core.instances import row_loader
from apps.core.models import PLACE_KEY, TermsField
from apps.core.us import EARTH_RADIUS_MILES, ZipPoint, bounding_box, locate_zip

LANGUAGE_NAMES = {"es": "spanish", "en": "english"}

T = TypeVar("T")

# Words too common to help; they are dropped from documents and queries alike.
STOP_WORDS = frozenset(
    {"a", "al", "and", "con", "de", "del", "el", "en", "for", "in", "la", "las", "los", "of",
     "on", "or", "para", "por", "the", "to", "un", "una", "y", "with"}
)  # fmt: skip
MAX_QUERY_TERMS = 8
# An entry's stemmed terms (apps.core.models.TermsField): of its title, and of the rest.
TERM_COLUMNS = ("search_title", "search_body")


def normalise(text: str) -> list[str]:
    """Lower-case words without accents: "Información" -> ["informacion"]."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return [word for word in re.findall(r"[a-z0-9]+", plain) if word not in STOP_WORDS]


@lru_cache(maxsize=2)
def _stemmer(language: str):
    return snowballstemmer.stemmer(LANGUAGE_NAMES[language])


# Snowball in pure Python takes a fraction of a millisecond a word, and listings use few
# distinct words: remembering them makes indexing thousands of items (an import, a reindex)
# several times faster.
@lru_cache(maxsize=100_000)
def _stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word)


def stems(text: str, language: str) -> list[str]:
    return [_stem(word, language) for word in normalise(text)]


def document(texts: dict[str, list[str]]) -> str:
    """The stored terms of some text: {"es": [...], "en": [...]} -> " term term ... "."""
    terms = set()
    for language, parts in texts.items():
        for part in parts:
            terms.update(stems(part or "", language))
    return f" {' '.join(sorted(terms))} " if terms else ""


def query_terms(query: str) -> list[frozenset[str]]:
    """Each query word as the set of forms that may match it."""
    terms = []
    for word in normalise(query)[:MAX_QUERY_TERMS]:
        forms = frozenset({word, _stem(word, "es"), _stem(word, "en")})
        if forms not in terms:
            terms.append(forms)
    return terms


def search(queryset: QuerySet, query: str) -> QuerySet:
    """Filter to the listings matching every word of `query`, annotated with `title_hits`
    (how many query words their titles match). The model needs `search_title` and
    `search_body` columns (TermsField), and on PostgreSQL `search_index_operations`."""
    terms = query_terms(query)
    if not terms:
        return queryset.annotate(title_hits=Value(0, output_field=IntegerField()))
    if connection.vendor == "postgresql":
        # Only the model's own table name is interpolated; the query words are parameters.
        # Each word is looked for in the title or the body: two GIN indexes, and no vector
        # built per row as matching their concatenation would.
        table = queryset.model._meta.db_table
        title, body = (f'"{table}"."{column}"' for column in TERM_COLUMNS)
        groups = [_tsquery_group(forms) for forms in terms]
        word = f"({title} @@ to_tsquery('simple', %s) OR {body} @@ to_tsquery('simple', %s))"
        title_hits = " + ".join(f"({title} @@ to_tsquery('simple', %s))::int" for _ in terms)
        return queryset.filter(
            RawSQL(  # noqa: S611
                " AND ".join(word for _ in terms),
                [group for group in groups for _ in range(2)],
                output_field=BooleanField(),
            )
        ).annotate(
            title_hits=RawSQL(title_hits, groups, output_field=IntegerField())  # noqa: S611
        )
    matches = Q()
    hits: Combinable = Value(0)
    for forms in terms:
        in_title = Q()
        in_body = Q()
        for form in forms:
            in_title |= Q(search_title__contains=f" {form} ")
            in_body |= Q(search_body__contains=f" {form} ")
        matches &= in_title | in_body
        hits = hits + Case(When(in_title, then=Value(1)), default=Value(0))
    return queryset.filter(matches).annotate(
        title_hits=Case(default=hits, output_field=IntegerField())
    )


def distance_from(point: ZipPoint, table: str) -> RawSQL:
    """Great-circle distance in miles from `point` to the coordinates of a row of `table`, in
    SQL (Django provides these functions on SQLite too). One raw expression with the point's
    terms worked out here: built from Django's function expressions, compiling it twice per
    query (annotation and filter) cost more than the rest of a page's queries."""
    lat, lon = f'RADIANS("{table}"."latitude")', f'RADIANS("{table}"."longitude")'
    smallest = "LEAST" if connection.vendor == "postgresql" else "MIN"  # of two values
    here_lat = math.radians(point.latitude)
    return RawSQL(  # noqa: S611 (only the model's own table name is interpolated)
        f"%s * ACOS({smallest}(%s * COS({lat}) * COS({lon} - %s) + %s * SIN({lat}), 1.0))",
        [EARTH_RADIUS_MILES, math.cos(here_lat), math.radians(point.longitude), math.sin(here_lat)],
        output_field=FloatField(),
    )


def within_radius(
    entries: QuerySet, point: ZipPoint, miles: float, *, box: bool = True
) -> QuerySet:
    """The entries within `miles` of `point`, annotated with their `distance`. The bounding
    box comes first so that a place index (apps.core.models.PLACE_KEY) narrows the rows
    before the distance is computed for each: the box's whole degrees of longitude, then
    its latitudes in each. At 1,000,000 entries, counting the first thousand near a ZIP
    code read 22 index pages this way; by latitude alone it read 396. Without the `box`
    when something else finds the entries near the place (the facets of a keyword search,
    `entries_facets`): given the box, the planner read both indexes and intersected them."""
    # One annotate and one filter (a copy of the query each): the box's conditions first.
    near = []
    if box:
        min_lat, max_lat, min_lon, max_lon = bounding_box(point.latitude, point.longitude, miles)
        near += [
            Q(longitude_band__in=list(_whole_degrees(min_lon, max_lon))),
            Q(latitude__range=(min_lat, max_lat)),
            Q(longitude__range=(min_lon, max_lon)),
        ]
    near.append(Q(distance__lte=miles))
    distance = PlaceDistance(point, miles, entries.model._meta.db_table)
    return entries.annotate(distance=distance).filter(*near)


class PlaceDistance(RawSQL):
    """An entry's distance from a place (distance_from's SQL) as within_radius annotates
    it, knowing the place and the radius: a page nearest first walks the places within it
    (_nearest_page)."""

    def __init__(self, point: ZipPoint, miles: float, table: str):
        distance = distance_from(point, table)
        super().__init__(distance.sql, distance.params, output_field=FloatField())
        self.point, self.miles = point, miles


def _whole_degrees(low: float, high: float) -> range:
    """The whole degrees (each its floor, as SearchEntry.longitude_band is) from `low` to
    `high`: the longitude bands, or the latitudes, that a bounding box spans."""
    return range(math.floor(low), math.floor(high) + 1)


# An entry's facets, on PostgreSQL (`facets_sql`): its place's cell (a whole degree of
# latitude by one of longitude), and each of its labels (SearchEntry.facet_columns) in that
# cell. The title's and the body's GIN indexes hold them beside the words (facet_operations),
# so that a keyword search near a place, with a label or not, finds the entries holding both
# in one index: intersecting all the word's entries with all the label's near the place
# cost 1.1 ms at 100,000 jobs and 11.6 ms at 1,000,000; this, 0.4 and 4 ms.

# A search matches the facets of at most this many cells (25 miles spans 4 to 6); around a
# wider radius, the words and the place are found apart.
MAX_FACET_CELLS = 16


def facets_sql(columns: tuple[str, ...], table: str = "") -> str:
    """An entry's facets (a tsvector) in SQL: "@41,-88" (its cell), and "category=food@41,-88"
    for each label column; none without a place (array_remove leaves out the NULLs). The
    facet index (facet_operations) holds this expression with bare column names, and a
    search matches the same with its `table`'s: PostgreSQL then finds it in the index."""
    named = f'"{table}".' if table else ""
    cell = f'floor({named}"latitude")::integer::text || \',\' || {named}"longitude_band"::text'
    facets = [f"'@' || {cell}"] + [
        f"'{column}=' || {named}\"{column}\"::text || '@' || {cell}" for column in columns
    ]
    return f"array_to_tsvector(array_remove(ARRAY[{', '.join(facets)}], NULL))"


def _facet_cells(point: ZipPoint, miles: float) -> list[str] | None:
    """The cells (as facets name them) that the bounding box around `point` touches; None
    when they are more than MAX_FACET_CELLS."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(point.latitude, point.longitude, miles)
    latitudes, bands = _whole_degrees(min_lat, max_lat), _whole_degrees(min_lon, max_lon)
    if len(latitudes) * len(bands) > MAX_FACET_CELLS:
        return None
    return [f"{latitude},{band}" for latitude in latitudes for band in bands]


def _facet(text: str) -> str:
    """A facet as a tsquery term: quoted, as it may hold any character."""
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def entries_facets(entries: QuerySet, filters: "SearchFilters") -> str:
    """The tsquery of facets that the entries a keyword search near a place finds must
    hold: one of each asked label's values in a cell near the place, or one of those cells
    without labels. Empty when no facets help: no words or no place, a radius wider than
    MAX_FACET_CELLS, or not PostgreSQL (whose other filters find the same)."""
    if not (filters.point and query_terms(filters.q)):
        return ""
    if connections[entries.db].vendor != "postgresql":
        return ""
    cells = _facet_cells(filters.point, filters.radius or RADIUS_DEFAULT)
    if cells is None:
        return ""
    faceted = entries.model.facet_columns
    labels = {
        column: values
        for column, values in filters.labels().items()
        if values and column in faceted
    }
    if not labels:
        return "(" + " | ".join(_facet(f"@{cell}") for cell in cells) + ")"
    return " & ".join(
        "("
        + " | ".join(_facet(f"{column}={value}@{cell}") for value in values for cell in cells)
        + ")"
        for column, values in labels.items()
    )


RADIUS_DEFAULT = 25
RADIUS_RANGE = (1, 500)
POSTED_DAYS = (1, 3, 7, 14, 30)
MAX_QUERY_LENGTH = 200
# A list shows at most this many results (apps.core.mixins.CappedPaginator), and best match
# ranks only the newest this many and one (`entries_order`).
RESULTS_CAP = 1000


def capped_counts(queries: dict[str, QuerySet], cap: int = RESULTS_CAP) -> dict[str, int]:
    """How many rows each query finds, each counted no further than `cap` + 1 (as the lists
    count), all in one SQL statement: a page that shows several counts pays one round trip."""
    parts: list[str] = []
    params: list = []
    for query in queries.values():
        sql, part_params = query.order_by().values("pk")[: cap + 1].query.sql_with_params()
        # Django's own SQL of each query; every value stays a parameter.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS capped)")  # noqa: S608
        params.extend(part_params)
    if not parts:
        return {}
    database = next(iter(queries.values())).db
    with connections[database].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return dict(zip(queries, row, strict=True))


@dataclass(frozen=True)
class SearchFilters:
    """What every search of entries (apps.core.models.SearchEntry) can ask for. A type's
    search subclasses it with its own filters; build it with `build()`, which settles the
    defaults, so that equal searches give equal filters."""

    q: str = ""
    point: ZipPoint | None = None
    radius: int | None = None
    posted: int | None = None  # published within this many days
    sort: str = "newest"

    # The order without keywords (and when the asked one does not apply): a type whose
    # items happen at a time (events) lists the soonest first.
    default_sort: ClassVar[str] = "newest"

    @classmethod
    def build(cls, *, zip: str = "", radius: int | None = None, sort: str = "", **fields) -> Self:
        """The filters with their defaults: a place and its radius only for a ZIP code that
        something asked for may be near (done_anywhere), and a sort that the other filters
        allow (best match needs words; nearest needs a place)."""
        point = locate_zip(zip) if zip else None
        if point is not None and cls(**fields).done_anywhere():
            point = None  # nothing asked for is at a place to be near
        radius = (radius or RADIUS_DEFAULT) if point else None
        q = fields.get("q", "")
        sort = sort or cls.automatic_sort(q, point)
        if (sort == "nearest" and point is None) or (sort == "relevance" and not q):
            sort = cls.default_sort
        return cls(point=point, radius=radius, sort=sort, **fields)

    @classmethod
    def automatic_sort(cls, q: str, point: ZipPoint | None) -> str:
        """The order when none is asked for: best match with keywords, the type's own
        without."""
        return "relevance" if q else cls.default_sort

    def labels(self) -> dict[str, tuple[str, ...]]:
        """The values asked of each label column of a type's entries (none asked: an empty
        tuple): `entries_search` keeps the entries holding one of each label's values. A
        type with such labels says so."""
        return {}

    def done_anywhere(self) -> bool:
        """Whether all the search asks for is done from anywhere (remote work, an online
        event): a ZIP code then has nothing to be near, and `build()` leaves it out. Such
        listings need no place, and most have none: near a ZIP code, none of them was found.
        A type whose filters can ask for that says so."""
        return False

    def only_words(self) -> bool:
        """Whether the words are all the search asks for (its order aside)."""
        return self == type(self).build(q=self.q, sort=self.sort)

    @staticmethod
    def parse_common(data) -> dict:
        """The shared filters of a query string (a QueryDict) that are valid, as build()
        takes them; as a search form would, an invalid value is left out."""
        q = data.get("q", "").strip()
        radius = data.get("radius", "")
        radius = int(radius) if radius.isascii() and radius.isdigit() else None
        posted = data.get("posted", "")
        zip_code = data.get("zip", "").strip()
        return {
            "q": q if len(q) <= MAX_QUERY_LENGTH and "\x00" not in q else "",
            "zip": zip_code if locate_zip(zip_code) else "",
            "radius": radius if radius and RADIUS_RANGE[0] <= radius <= RADIUS_RANGE[1] else None,
            "posted": int(posted) if posted in {str(days) for days in POSTED_DAYS} else None,
        }


def entries_search(entries: QuerySet, filters: SearchFilters) -> QuerySet:
    """The open entries matching the shared filters (keyword, place and date) and the labels
    a type's filters ask for (SearchFilters.labels). Keywords near a place are found with
    the facets of the place and of those labels (`entries_facets`), and a label the facets
    hold is not asked of its column again: its condition, counted twice, made PostgreSQL
    take such a search for several times rarer than it is, and intersect the words' index
    with the label's (10 ms at 1,000,000 jobs, where the search took 5)."""
    entries = entries.filter(expires_on__gte=timezone.localdate())
    facets = entries_facets(entries, filters)
    if filters.q:
        entries = search(entries, filters.q)
    faceted = entries.model.facet_columns if facets else ()
    for column, values in filters.labels().items():
        if values and column not in faceted:
            entries = entries.filter(**{f"{column}__in": values})
    if facets:
        # PostgreSQL finds these with the words, in each of the words' indexes.
        table = entries.model._meta.db_table
        entries = entries.filter(
            RawSQL(  # noqa: S611 (only the model's own names are interpolated)
                f"{facets_sql(entries.model.facet_columns, table)} @@ %s::tsquery",
                [facets],
                output_field=BooleanField(),
            )
        )
    if filters.posted:
        entries = entries.filter(published_at__gte=timezone.now() - timedelta(days=filters.posted))
    if filters.point:
        radius = filters.radius or RADIUS_DEFAULT
        entries = within_radius(entries, filters.point, radius, box=not facets)
    return entries


class HasAnyBits(Lookup):
    """`(column & bits) > 0`: the bit set `column` (apps.core.vocabulary.bits_of) holds any of
    `bits`. A lookup of its own rather than `F(column).bitand(bits)` compared with 0 (or an
    alias of it to filter on): a search builds it on every request, and those resolve three
    expressions, make their output fields and copy the query once more."""

    lookup_name = "has_any_bits"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"({lhs} & {rhs}) > 0", (*lhs_params, *rhs_params)


def having_bits(column: str, bits: int) -> HasAnyBits:
    """A filter: the entries whose bit set `column` holds any of `bits`."""
    return HasAnyBits(F(column), bits)


def entries_having(entries: QuerySet, column: str, bits: int) -> QuerySet:
    """The entries whose bit set `column` (apps.core.vocabulary.bits_of) holds any of `bits`."""
    return entries.filter(having_bits(column, bits))


def entries_order(entries: QuerySet, filters: SearchFilters, more_sorts: dict | None = None):
    """Entries in the order the filters ask for (newest first among equals). Only the key
    leaves the database (plus distance): the sort that finds one page among thousands of
    matches then moves narrow rows. `more_sorts` adds a type's own orders by name.

    Best match ranks the newest RESULTS_CAP + 1 matches only (`BestMatches`), and walks no
    further than a page needs when the search is estimated far past that: a common word,
    alone or with filters, then costs the same at any size. With more matches than that, an
    older match whose title would rank it higher is left out; the list says there are more
    than the cap, and a narrower search finds it. Words newest first are found the same way,
    unranked (`NewestMatches`). Nearest first, a page walks the places within the radius,
    nearest first, and their newest entries (`_nearest_page`): its cost follows the places
    near the asked one and the page, not the entries."""
    if filters.q and filters.sort in ("relevance", "newest"):
        matches = BestMatches if filters.sort == "relevance" else NewestMatches
        return matches(entries, RESULTS_CAP + 1, words=filters.q, only_words=filters.only_words())
    first = {"newest": [], "nearest": ["distance"], **(more_sorts or {})}[filters.sort]
    return entries.only(entries.model._meta.pk.attname).order_by(*first, *NEWEST)


# Among equals, the newest first (and a stable order among those).
NEWEST = ("-published_at", "-pk")
NEAREST = ("distance", *NEWEST)


def is_nearest_first(entries: QuerySet) -> bool:
    return tuple(entries.query.order_by) == NEAREST


def entries_page(
    entries: QuerySet, *, number: int, size: int, cap: int, kept_as: Hashable | None = None
) -> tuple[list, int, int]:
    """Page `number` (of `size` entries) of ordered entries, as their keys and distances
    (`RankedEntry`, what items_of() reads), how many entries there are, counted no further
    than `cap` + 1, and the page's number: the last one when `number` is past the end. One
    statement (`_page_statement`), whose offset the count settles in SQL. The entries up to
    the end of the asked page are selected first, a number the planner sees: with only the
    offset, which it cannot know, it took the page for a tenth of the entries, and sorted
    all 32,500 entries with a label near a ZIP code, at 1,000,000 entries, to skip them
    (14 ms), where walking the newest took 0.1 ms.

    With `kept_as`, a key naming the search (its type and filters) such that the same key
    gives the same entries but for the clock, the statement is compiled once per minute and
    kept: compiling it cost more than running it (bench/jobs_search.py). A search that reads
    the clock (what has expired, what has ended) may then see it up to a minute late, as its
    cached pages do for longer (apps/core/pagecache.py).

    A search estimated far past the cap is not counted: its page comes from a bounded walk
    through the newest entries (`_walked_page`), as a common word's does, or through the
    table in another order an index gives (by pay).
    Nearest first, from a walk through the places near the asked one (`_nearest_page`)."""
    walk = _nearest_page if tuple(entries.query.order_by) == NEAREST else _walked_page
    walked = walk(entries, number=number, size=size, cap=cap, kept_as=kept_as)
    if walked is not None:
        return walked
    connection = connections[entries.db]
    sql, params, with_distance, reaching = _kept(
        kept_as, ("page", cap, entries.db), lambda: _page_statement(entries, cap)
    )
    # The entries up to the end of the asked page, or of the last one the cap allows.
    reach = [min(number, -(-(cap + 1) // size)) * size] if reaching else []
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *reach, *_page_parameters(number, size)])
        rows = cursor.fetchall()
    found = rows[0][-1] if rows else 0
    last = max(-(-found // size), 1)
    # What items_of() reads of an entry: its key and distance (no model instance needed).
    keys = [RankedEntry(row[0], row[1] if with_distance else None) for row in rows]
    return keys, found, min(number, last)


class _Statement(NamedTuple):
    sql: str
    params: list
    with_distance: bool  # whether its rows have a distance
    # Whether its first page parameter is how many entries reach to the end of the page.
    reaching: bool = False


def _kept(kept_as: Hashable | None, what: tuple, make: Callable[[], T]) -> T:
    """What `make()` gives for the search `kept_as` names (entries_page), kept for the rest of
    the minute and the day, per language; `what` names what it is (the search, its page
    statement, its best matches' statements) and how much, in which database. Made each
    time without `kept_as`."""
    if kept_as is None:
        return make()
    minute = int(time.time() // 60)
    key = (kept_as, what, get_language(), timezone.localdate(), minute)
    found = _kept_searches.get(key)
    return found if found is not None else _kept_searches.keep(key, make())


def kept_search(kept_as: Hashable, build: Callable[[], "QuerySet | BestMatches"]):
    """The entries `build()` gives for the search `kept_as` names (SearchListMixin: its view
    and filters), built once a minute as its statement is compiled (entries_page): building
    a keyword and ZIP search's queryset cost more than a tenth of its page. Each caller gets
    its own copy: the kept one is never run."""
    found = _kept(kept_as, ("search",), build)
    return found.all() if isinstance(found, QuerySet) else found.named(kept_as)


def _page_statement(entries: QuerySet, cap: int) -> _Statement:
    """The statement of a page of ordered entries with their count (its rows: a key, maybe a
    distance, and last the count; its last parameters are _limited_to_page's): the count, in
    no order (an index that only filters answers it), then the page. Nearest first (where
    the places are not walked, _nearest_page: SQLite) counts the nearest entries in the
    same statement: ordering by distance computes the distance of every entry near the
    place anyway, so counting the first `cap` + 1 of them costs almost nothing, where a
    separate count would find them all again.

    Words' matches are sorted once found (_unindexed): walking an index in the page's order
    instead, PostgreSQL, which takes a word ANALYZE did not list for one entry in a thousand,
    read all 1,000,000 jobs by pay (540 ms) to find a rare word's 100. Past the cap a
    common word's page is walked (_walked_page), not read here."""
    words = "title_hits" in entries.query.annotations  # a keyword search (search())
    if words and not is_nearest_first(entries):  # no index gives a distance anyway
        entries = entries.order_by(*_unindexed(entries.query.order_by))
    pk = entries.model._meta.pk.attname
    connection = connections[entries.db]
    name = connection.ops.quote_name
    # Django's own SQL of the queries, and quoted names; every value stays a parameter.
    if is_nearest_first(entries):
        nearest = entries.values(pk, "distance", "published_at")[: cap + 1]
        sql, params = nearest.query.sql_with_params()
        statement = (
            f"WITH {name('nearest')} AS ({sql}) "  # noqa: S608
            f"SELECT {name(pk)}, {name('distance')}, "
            f"(SELECT COUNT(*) FROM {name('nearest')}) AS {name('found')} "
            f"FROM {name('nearest')} "
            f"ORDER BY {name('distance')}, {name('published_at')} DESC, {name(pk)} DESC "
            + _limited_to_page(connection, "COUNT(*)", name("nearest"))
        )
        return _Statement(statement, list(params), with_distance=True)
    count_sql, count_params = entries.order_by().values(pk)[: cap + 1].query.sql_with_params()
    with_distance = "distance" in entries.query.annotations
    columns = [pk, *(["distance"] if with_distance else []), "found"]
    found = RawSQL(f"SELECT {name('found')} FROM {name('counted')}", ())  # noqa: S608, S611
    # The entries up to the asked page are selected with the values they are sorted by, to
    # sort them again once selected: SQL keeps no subquery's order. PostgreSQL sees they come
    # sorted and does not sort them again.
    sorts = _order_columns(entries)
    newest = entries.annotate(found=found, **{alias: value for alias, value, _ in sorts})
    aliases = [alias for alias, _, _ in sorts]
    newest_sql, newest_params = newest.values(*columns, *aliases).query.sql_with_params()
    order = ", ".join(f"{name(alias)}{direction}" for alias, _, direction in sorts)
    statement = (
        f"WITH {name('counted')} AS (SELECT COUNT(*) AS {name('found')} "  # noqa: S608
        f"FROM ({count_sql}) AS {name('capped')}) "
        f"SELECT {', '.join(name(column) for column in columns)} "
        f"FROM ({newest_sql} LIMIT %s) AS {name('newest')} ORDER BY {order} "
        + _limited_to_page(connection, name("found"), name("counted"))
    )
    return _Statement(statement, [*count_params, *newest_params], with_distance, reaching=True)


def _unindexed(order) -> list:
    """The same order through expressions no index gives, each column coalesced with
    itself: PostgreSQL then finds the entries by their conditions and sorts them."""
    keys = []
    for key in order:
        if isinstance(key, str):
            column = F(key.lstrip("-"))
            key = OrderBy(Coalesce(column, column), descending=key.startswith("-"))
        elif isinstance(key, OrderBy) and isinstance(key.expression, F):
            column = key.expression
            key = OrderBy(
                Coalesce(column, column), descending=key.descending,
                nulls_first=key.nulls_first, nulls_last=key.nulls_last,
            )  # fmt: skip
        keys.append(key)
    return keys


def _walked_page(
    entries: QuerySet, *, number: int, size: int, cap: int, kept_as: Hashable | None
) -> tuple[list, int, int] | None:
    """As entries_page, for ordered entries that the planner estimates far past the cap
    (_planned_past_cap): the page from a walk through the table in their order that stops at
    its end, and `cap` + 1 for their number, uncounted. Several labels together have no
    index of their own: counting the first thousand of them read 78,000 entries (22 ms at
    1,000,000 jobs for food, open to all and part time); a common word by pay read and
    sorted all 42,000 of its matches (11 ms). None when not so estimated, for an order an
    index does not give (_read_in_order; newest first always has its index), or when the
    walk has met fewer entries than the page needs by its bound (_walk_bound)."""
    order = _column_order(entries)
    if order is None:
        return None
    estimate = _planned_past_cap(entries, cap + 1, kept_as)
    number = min(number, -(-(cap + 1) // size))
    bound = None if estimate is None else _walk_bound(entries, number * size, estimate)
    if bound is None:
        return None
    # Kept by table and order, which alone settle the answer, whatever else is asked.
    table = entries.model._meta.db_table
    if tuple(entries.query.order_by) != NEWEST and not _kept(
        ("in order", table, order), (entries.db,), lambda: _read_in_order(entries, order)
    ):
        return None
    sql, params, with_distance, _ = _kept(
        kept_as, ("walk", entries.db), lambda: _walk_statement(entries, order)
    )
    params = [bound if param is WALK_BOUND else param for param in params]
    with connections[entries.db].cursor() as cursor:
        cursor.execute(sql, [*params, size, (number - 1) * size])
        rows = cursor.fetchall()
    if len(rows) < size:
        return None
    keys = [RankedEntry(row[0], row[1] if with_distance else None) for row in rows]
    return keys, cap + 1, number


def _walk_statement(entries: QuerySet, order: tuple[str, ...]) -> _Statement:
    """The statement of a page of ordered entries, among the first entries in their `order`
    only (_among_the_first); its last parameters are the page's size and offset."""
    with_distance = "distance" in entries.query.annotations
    columns = [entries.model._meta.pk.attname, *(["distance"] if with_distance else [])]
    walked = _among_the_first(entries, order).values_list(*columns)
    sql, params = walked.query.sql_with_params()
    return _Statement(f"{sql} LIMIT %s OFFSET %s", list(params), with_distance)


def _nearest_page(
    entries: QuerySet, *, number: int, size: int, cap: int, kept_as: Hashable | None
) -> tuple[list, int, int] | None:
    """As entries_page, for entries nearest first on PostgreSQL: the page from a walk
    through the places within the radius, nearest first, that takes the newest entries of
    each until the page is full (_nearest_statement). Every entry stands at its ZIP code's
    point, so a place holds many: sorting all 130,000 entries within 25 miles of a Chicago
    ZIP code took 58 ms at 1,000,000 jobs (7 ms at 100,000), where the places there are 59
    whatever the jobs. Estimated far past the cap (_planned_past_cap), the entries are not
    counted, as newest first; otherwise, or when that walk has not filled the page, the
    same statement counts them first, up to `cap` + 1, and sorts them all when there are no
    more. None elsewhere, or for a distance asked without a radius."""
    if connections[entries.db].vendor != "postgresql":
        return None  # no LATERAL: SQLite (a development database) sorts them all
    if not isinstance(entries.query.annotations.get("distance"), PlaceDistance):
        return None
    number = min(number, -(-(cap + 1) // size))
    walk = [number * size, size, (number - 1) * size]  # the entries ending the page, LIMIT, OFFSET
    if _planned_past_cap(entries, cap + 1, kept_as) is not None:
        sql, params, _, _ = _kept(
            kept_as, ("nearest", None, entries.db), lambda: _nearest_statement(entries, None)
        )
        with connections[entries.db].cursor() as cursor:
            cursor.execute(sql, [*params, *walk])
            rows = cursor.fetchall()
        if len(rows) == size:
            return [RankedEntry(key, distance) for key, distance in rows], cap + 1, number
    sql, params, _, _ = _kept(
        kept_as, ("nearest", cap, entries.db), lambda: _nearest_statement(entries, cap)
    )
    with connections[entries.db].cursor() as cursor:
        cursor.execute(sql, [*params, *walk, *_page_parameters(number, size)])
        rows = cursor.fetchall()
    found = rows[0][-1] if rows else 0
    keys = [RankedEntry(row[0], row[1]) for row in rows]
    return keys, found, min(number, max(-(-found // size), 1))


def _nearest_statement(entries: QuerySet, cap: int | None) -> _Statement:
    """The statement of a page of entries nearest first (_nearest_page); its last
    parameters are how many entries end the page, its size and offset, then, with a `cap`,
    _limited_to_page's. A recursive walk finds the places within the place's box one by
    one, each the next in the place index (PLACE_KEY) after the last: a few index pages a
    place, however many entries it holds. Nearest first, each place gives its newest
    entries that match, at most as many as end the page (from the same index, whose key
    ends with the newest order where a type's place index says so,
    SearchEntry.place_index), until the page is full: PostgreSQL sorts the places' entries
    in groups of equal distance and stops. With a `cap`, the entries are counted first up
    to `cap` + 1, in no order (the place index finds them), and the count ends each row;
    when there are no more, they are sorted instead of walked."""
    connection = connections[entries.db]
    name = connection.ops.quote_name
    table = name(entries.model._meta.db_table)
    distance = cast(PlaceDistance, entries.query.annotations["distance"])
    min_lat, max_lat, min_lon, max_lon = bounding_box(
        distance.point.latitude, distance.point.longitude, distance.miles
    )
    place = [name(column) for column in PLACE_KEY]  # band, latitude, longitude
    band, latitude, longitude = place
    columns = ", ".join(place)
    pk, near, here = name("pk"), name("near"), name("here")
    at_place = RawSQL(  # noqa: S611 (quoted names only)
        " AND ".join(f"{table}.{column} = {near}.{column}" for column in place),
        (),
        output_field=BooleanField(),
    )
    newest = entries.filter(at_place).order_by(*NEWEST).values_list("pk", "published_at")
    newest_sql, newest_params = newest.query.sql_with_params()
    params = [
        list(_whole_degrees(min_lon, max_lon)), min_lat, max_lat, min_lon, max_lon,
        max_lat, min_lon, max_lon,
    ]  # fmt: skip
    # Quoted names, a number and Django's own SQL of the distance and the entries; every
    # value from a request stays a parameter.
    places = (
        f"WITH RECURSIVE {name('places')} AS ("  # noqa: S608
        f"(SELECT {name('first')}.* FROM unnest(%s::integer[]) AS {name('bands')}({band}) "
        f"CROSS JOIN LATERAL (SELECT {columns} FROM {table} "
        f"WHERE {band} = {name('bands')}.{band} AND {latitude} BETWEEN %s AND %s "
        f"AND {longitude} BETWEEN %s AND %s "
        f"ORDER BY {latitude}, {longitude} LIMIT 1) AS {name('first')}) "
        f"UNION ALL (SELECT {name('next')}.* FROM {name('places')} "
        f"CROSS JOIN LATERAL (SELECT {columns} FROM {table} "
        f"WHERE {table}.{band} = {name('places')}.{band} "
        f"AND ({table}.{latitude}, {table}.{longitude}) "
        f"> ({name('places')}.{latitude}, {name('places')}.{longitude}) "
        f"AND {table}.{latitude} <= %s AND {table}.{longitude} BETWEEN %s AND %s "
        f"ORDER BY {table}.{latitude}, {table}.{longitude} LIMIT 1) AS {name('next')}))"
    )
    found, walking, counted = "", "", ""
    if cap is not None:
        nearby = entries.order_by().values_list("pk", "distance", "published_at")[: cap + 1]
        nearby_sql, nearby_params = nearby.query.sql_with_params()
        params += nearby_params
        counted = f"(SELECT {name('found')} FROM {name('counted')})"  # noqa: S608
        found, walking = f", {counted}", f"{counted} > {int(cap)} AND "
        places += (
            f", {name('nearby')}({pk}, {name('distance')}, {name('published_at')}) "  # noqa: S608
            f"AS ({nearby_sql}), {name('counted')} AS "
            f"(SELECT COUNT(*) AS {name('found')} FROM {name('nearby')})"
        )
    # The places within the radius, nearest first (the distance's SQL reads a place as it
    # reads an entry, under the entries' table's name), and the newest entries of each.
    statement = (
        f"{places} (SELECT {here}.{pk}, {near}.{name('distance')}{found} "  # noqa: S608
        f"FROM (SELECT {columns}, {distance.sql} AS {name('distance')} "
        f"FROM {name('places')} AS {table} WHERE {walking}{distance.sql} <= %s "
        f"ORDER BY {name('distance')}) AS {near} "
        f"CROSS JOIN LATERAL ({newest_sql} LIMIT %s) AS {here}({pk}, {name('published_at')}) "
        f"ORDER BY {near}.{name('distance')}, {here}.{name('published_at')} DESC, {here}.{pk} DESC "
        f"LIMIT %s OFFSET %s)"
    )
    params += [*distance.params, *distance.params, distance.miles, *newest_params]
    if cap is not None:
        # Up to the cap: all of them, sorted.
        statement += (
            f" UNION ALL (SELECT {pk}, {name('distance')}{found} FROM {name('nearby')} "  # noqa: S608
            f"WHERE {counted} <= {int(cap)} "
            f"ORDER BY {name('distance')}, {name('published_at')} DESC, {pk} DESC "
            + _limited_to_page(connection, name("found"), name("counted"))
            + ")"
        )
    return _Statement(statement, params, with_distance=True)


def _order_columns(entries: QuerySet) -> list[tuple[str, Combinable, str]]:
    """The values ordered entries are sorted by, each as an alias, its expression and its
    direction in SQL, for a statement that sorts the entries a second time by what they
    were selected with."""
    sorts: list[tuple[str, Combinable, str]] = []
    for n, key in enumerate(entries.query.order_by):
        value: Combinable
        if isinstance(key, str):
            value, descending, nulls = F(key.lstrip("-")), key.startswith("-"), ""
        elif isinstance(key, OrderBy):
            value, descending = key.expression, key.descending
            nulls = " NULLS LAST" if key.nulls_last else " NULLS FIRST" if key.nulls_first else ""
        else:
            raise ValueError(f"no sort column for the order {key!r}")
        sorts.append((f"sorted_as_{n}", value, (" DESC" if descending else "") + nulls))
    return sorts


class _KeptSearches:
    """The most recently used searches and statements, by key (at most `size`)."""

    def __init__(self, size: int):
        self.size = size
        self._kept: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()  # the development server runs requests in threads

    def get(self, key: Hashable):
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def keep(self, key: Hashable, found: T) -> T:
        with self._lock:
            self._kept[key] = found
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return found

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


# A search, its page statement or its best matches' two: 1,024 searches.
_kept_searches = _KeptSearches(size=4096)


def search_memory_clear() -> None:
    """Forget the kept searches and statements and the terms' statistics (tests: each
    starts from its own data)."""
    _kept_searches.clear()
    _term_statistics.cache_clear()


def _limited_to_page(connection, count: str, counted: str) -> str:
    """The LIMIT and OFFSET of a page of a statement whose row count is `count`, read from
    `counted`: the asked page's offset, or the last page's when there are fewer rows. Its
    parameters come from _page_parameters()."""
    least, greatest = ("LEAST", "GREATEST") if connection.vendor == "postgresql" else ("MIN", "MAX")
    # Only function names and the caller's quoted names; every value stays a parameter.
    return (
        f"LIMIT %s OFFSET (SELECT %s * {greatest}({least}(%s, ({count} + %s - 1) / %s) - 1, 0)"  # noqa: S608
        f" FROM {counted})"
    )


def _page_parameters(number: int, size: int) -> list[int]:
    """The values of _limited_to_page's parameters, in its order, for page `number`."""
    return [size, size, number, size, size]


def _through_entry(key):
    """An order of entries ("-published_at", F("next_start").asc()) as the same order of
    their items, read through each item's entry (every entry's item calls it
    `search_entry`)."""
    if isinstance(key, str):
        name = key.lstrip("-")
        return key if name == "pk" else key.replace(name, f"search_entry__{name}")
    if isinstance(key, OrderBy) and isinstance(key.expression, F):
        return OrderBy(
            F(f"search_entry__{key.expression.name}"), descending=key.descending,
            nulls_first=key.nulls_first, nulls_last=key.nulls_last,
        )  # fmt: skip
    raise ValueError(f"no item order for the entries' order {key!r}")


def first_items(entries: QuerySet, items: QuerySet, count: int) -> list:
    """The items of the first `count` entries, in the entries' order, in one query: the
    entries' keys as a subquery, the order read through the items' entries. For entries
    without a place (a distance is the entries' own), where items_of() would read the
    entries first."""
    order = [_through_entry(key) for key in entries.query.order_by]
    return list(items.filter(pk__in=entries.values("pk")[:count]).order_by(*order))


class AmongKeys(Lookup):
    """`column = ANY(keys)`, the keys one parameter (on SQLite a JSON array, read with
    json_each): the SQL is then the same for any keys, and can be compiled once."""

    lookup_name = "among_keys"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", (*lhs_params, self.rhs)
        # Django's SQL of the column; the keys stay a parameter.
        return f"{lhs} IN (SELECT value FROM json_each(%s))", (*lhs_params, self.rhs)  # noqa: S608


class _Compiled(NamedTuple):
    items: QuerySet  # what make() returned, never run itself
    sql: str
    params: list  # the queryset's own, and the keys' in their place
    compiler: SQLCompiler  # read only: its converters and the columns' places
    load: Callable  # a row's instance with its select_related() objects
    annotations: dict[str, int]


class PageItems:
    """A type's items as its result cards show them, loaded by key a page at a time.
    `make()` returns the queryset of what a card reads (only(), select_related(), annotate(),
    prefetch_related()); its SQL is compiled once per language and then run with the page's
    keys as one parameter. Compiling it for every page, as in_bulk() does, cost more than
    running it (bench/jobs_search.py)."""

    _MARK = object()  # the keys' parameter while compiling

    def __init__(self, make: Callable[[], QuerySet]):
        self.make = make
        self._compiled: dict[str | None, _Compiled] = {}

    def _compile(self) -> _Compiled:
        items = self.make()
        compiler = items.filter(AmongKeys(F("pk"), self._MARK)).query.get_compiler(items.db)
        sql, params = compiler.as_sql()
        info = compiler.klass_info
        assert info is not None  # noqa: S101 (a model queryset always has it)
        return _Compiled(
            items=items, sql=sql, params=list(params), compiler=compiler,
            load=row_loader(info, compiler.select, items.db),
            annotations=compiler.annotation_col_map,
        )  # fmt: skip

    def in_bulk(self, keys: list[int]) -> dict:
        """The items with these keys, by key (as QuerySet.in_bulk)."""
        if not keys:
            return {}
        language = get_language()
        compiled = self._compiled.get(language)
        if compiled is None:
            compiled = self._compiled[language] = self._compile()
        items = compiled.items
        connection = connections[items.db]
        keys_param = list(keys) if connection.vendor == "postgresql" else json.dumps(list(keys))
        params = [keys_param if param is self._MARK else param for param in compiled.params]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        found = {}
        for row in compiled.compiler.results_iter(results=[rows]):
            item = compiled.load(row)
            for name, position in compiled.annotations.items():
                setattr(item, name, row[position])
            found[item.pk] = item
        prefetches = items._prefetch_related_lookups  # type: ignore[attr-defined]
        if prefetches:
            prefetch_related_objects(list(found.values()), *prefetches)
        return found


def items_of(entries, items: "QuerySet | PageItems") -> list:
    """The items of some search entries (an entry's key is its item's), in the entries'
    order, each with the `distance` its entry had when the search had a place: one query
    (and the queryset's prefetches)."""
    entries = list(entries)
    found = items.in_bulk([entry.pk for entry in entries])
    ordered = []
    for entry in entries:
        item = found[entry.pk]
        item.distance = getattr(entry, "distance", None)
        ordered.append(item)
    return ordered


class RankedEntry(NamedTuple):
    """An entry of a best-match list or a nearest-first page: its key, and its distance when
    the search had a place."""

    pk: int
    distance: float | None


# Reading a match from the terms' index, then sorting it, cost two to three times as much as
# meeting it on a walk through the newest entries (bench/jobs_search.py's words, at 100,000
# and 1,000,000 entries).
READ_COST = 3


def _walking_pays(entries: QuerySet, words: str, size: int) -> bool:
    """Whether the newest `size` entries matching `words` are found sooner by walking the
    newest entries until that many match (what PostgreSQL's planner prefers) than by reading
    all the matches from the terms' index and sorting them. The walk meets `size` / share
    entries; the read meets share x entries, each costing READ_COST walked ones. The planner
    prices checking an entry's terms as almost free: for a word in 4% of 100,000 entries it
    walked 25,000 of them (8 ms) where reading the 4,200 took 3 ms. The shares come from
    the planner's own statistics of the terms (_term_statistics); without them, or on
    another database, the planner chooses."""
    terms = query_terms(words)
    statistics = _statistics_of(entries) if terms else None
    if statistics is None:
        return True
    share = 1.0
    for forms in terms:  # every word must match; each matches through any of its forms
        share *= min(
            1.0, sum(column.share(form) for column in statistics.columns for form in forms)
        )
    walked = min(statistics.entries, size / share) if share else statistics.entries
    return walked < READ_COST * share * statistics.entries


class _ColumnTerms(NamedTuple):
    shares: dict[str, float]  # of the entries holding each of the column's common terms
    unlisted: float  # what the planner takes for a term not listed

    def share(self, term: str) -> float:
        return self.shares.get(term, self.unlisted)


class _TermStatistics(NamedTuple):
    columns: list[_ColumnTerms]  # the title's terms and the others'
    entries: float  # how many entries there are


# PostgreSQL's share for a term ANALYZE did not list: half the rarest listed one's, at most
# this (DEFAULT_TS_MATCH_SEL in its source).
UNLISTED_TERM_SHARE = 0.005


def _statistics_of(entries: QuerySet) -> "_TermStatistics | None":
    """The terms' statistics of the entries' table, read once an hour (_term_statistics);
    None off PostgreSQL or before ANALYZE has run."""
    if connections[entries.db].vendor != "postgresql":
        return None
    return _term_statistics(entries.db, entries.model._meta.db_table, int(time.time() // 3600))


@lru_cache(maxsize=64)
def _term_statistics(database: str, table: str, hour: int) -> _TermStatistics | None:
    """What ANALYZE found of the terms of `table` (the most common ones, TERM_STATISTICS),
    read once an hour; None before it has run."""
    with connections[database].cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats"
            " WHERE schemaname = current_schema() AND tablename = %s AND attname = ANY(%s)",
            [table, list(TERM_COLUMNS)],
        )
        columns = cursor.fetchall()
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
        (entries,) = cursor.fetchone()
    if entries <= 0 or not any(terms for terms, _frequencies in columns):
        return None
    # Each column's terms, then their frequencies followed by the smallest and the largest
    # of them (and, for some types, that of nulls).
    return _TermStatistics(
        [
            _ColumnTerms(
                dict(zip(terms, frequencies, strict=False)),
                min(UNLISTED_TERM_SHARE, frequencies[len(terms)] / 2),
            )
            if terms
            else _ColumnTerms({}, UNLISTED_TERM_SHARE)
            for terms, frequencies in columns
        ],
        entries,
    )


def _estimated_matches(entries: QuerySet, words: str) -> float | None:
    """How many entries hold `words`, by the terms' statistics (which the planner estimates
    with). One word: as many as hold the form of it found most, in the title or in the rest.
    Several: at most as many as hold the rarest of them (they may go together or not, which
    ANALYZE does not see). As of the last ANALYZE, that is no more than there are: an entry
    may hold a word in both, or in several forms, and a term ANALYZE did not list is taken
    for none. None without statistics."""
    terms = query_terms(words)
    statistics = _statistics_of(entries) if terms else None
    if statistics is None:
        return None
    share = min(
        max(column.shares.get(form, 0.0) for column in statistics.columns for form in forms)
        for forms in terms
    )
    return share * statistics.entries


def _planned_matches(entries: QuerySet) -> float:
    """How many entries match, by PostgreSQL's planner: it multiplies the shares its
    statistics give each condition (words, labels, place) as if they were independent.
    Near a place, without the distance's share: the planner has no statistics of a
    distance computed for each entry, and takes it for a third of them whatever the radius
    (UNKNOWN_CONDITION_SHARE), while the place's cells or its bounding box, estimated from
    statistics, already hold the search near it. At 1,000,000 jobs, cocinero within 25
    miles of 60629 was estimated 1,932 matches for its 5,466; without that share, 5,796.
    Where the cells reach well past the radius, that is too high: the walk that trusts it
    is bounded (WALK_MARGIN)."""
    sql, params = entries.order_by().values("pk").query.sql_with_params()
    with connections[entries.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        (plan,) = cursor.fetchone()  # psycopg loads json
    planned = float(plan[0]["Plan"]["Plan Rows"])
    if "distance" in entries.query.annotations:  # within_radius
        planned /= UNKNOWN_CONDITION_SHARE
    return planned


# PostgreSQL's share of the rows for a comparison it has no statistics of (DEFAULT_INEQ_SEL
# in its source), such as an entry's distance from a place.
UNKNOWN_CONDITION_SHARE = 1 / 3


# A search is taken to have more matches than the cap, uncounted, when its estimate
# (_estimated_matches, _planned_matches) is at least this many times the cap: the statistics
# may be up to a tenth of the entries old (autovacuum analyzes again after that).
ESTIMATE_MARGIN = 2

# A walk past the cap meets this many times the entries its estimate says the page needs at
# most, then stops: words, labels and places that seldom go together (an estimate made as
# if they were independent, too high) cost a bounded walk before they are counted.
WALK_MARGIN = 4


class _WalkedTable(BaseTable):
    """The entries' table as a walk through its first rows in the entries' order that stops
    after a number of them (the parameter WALK_BOUND stands for), under the table's own
    name: the search's conditions then read the rows the walk meets, and no more."""

    def __init__(self, table_name: str, alias: str, order: tuple[str, ...]):
        super().__init__(table_name, alias)
        self.order = order  # the order's SQL over the table's own columns (_column_order)

    def as_sql(self, compiler, connection):
        name = connection.ops.quote_name
        return (
            f"(SELECT * FROM {name(self.table_name)} ORDER BY {', '.join(self.order)} "  # noqa: S608
            f"LIMIT %s) AS {name(self.table_alias)}",
            [WALK_BOUND],
        )

    def relabeled_clone(self, change_map):
        alias = change_map.get(self.table_alias, self.table_alias)
        return _WalkedTable(self.table_name, alias, self.order)


# Stands for the number of rows a bounded walk meets (_WalkedTable), given when it runs.
WALK_BOUND = object()


def _among_the_first(entries: QuerySet, order: tuple[str, ...]) -> QuerySet:
    """The same entries, among the first WALK_BOUND of their table in `order` only
    (_WalkedTable, _column_order)."""
    entries = entries.all()
    query = entries.query
    alias = query.get_initial_alias()
    query.alias_map[alias] = _WalkedTable(query.alias_map[alias].table_name, alias, order)
    return entries


def _column_order(entries: QuerySet) -> tuple[str, ...] | None:
    """The entries' order as SQL over their table's own columns ('"pay_per_hour" DESC NULLS
    LAST', ...), for a walk that reads the table in it; None when a key is not one of their
    columns (a distance)."""
    name = connections[entries.db].ops.quote_name
    meta = entries.model._meta
    order = []
    for key in entries.query.order_by:
        if isinstance(key, str):
            field, descending, nulls = key.lstrip("-"), key.startswith("-"), ""
        elif isinstance(key, OrderBy) and isinstance(key.expression, F):
            field, descending = key.expression.name, key.descending
            nulls = " NULLS LAST" if key.nulls_last else " NULLS FIRST" if key.nulls_first else ""
        else:
            return None
        try:
            column = meta.pk.column if field == "pk" else meta.get_field(field).column
        except FieldDoesNotExist:
            return None
        order.append(f"{name(column)}{' DESC' if descending else ''}{nulls}")
    return tuple(order)


def _read_in_order(entries: QuerySet, order: tuple[str, ...]) -> bool:
    """Whether PostgreSQL reads the entries' table in `order` from an index: a walk through
    a table it must sort first would read all of it."""
    name = connections[entries.db].ops.quote_name
    table = name(entries.model._meta.db_table)
    with connections[entries.db].cursor() as cursor:
        cursor.execute(  # quoted names only
            f"EXPLAIN (FORMAT JSON) SELECT * FROM {table} ORDER BY {', '.join(order)} LIMIT 1000"  # noqa: S608
        )
        (plan,) = cursor.fetchone()  # psycopg loads json
    node, kinds = plan[0]["Plan"], []
    while node:  # Limit, then what feeds it
        kinds.append(node["Node Type"])
        node = (node.get("Plans") or [None])[0]
    return "Sort" not in kinds


def _planned_past_cap(entries: QuerySet, size: int, kept_as: Hashable | None) -> float | None:
    """The planner's estimate of the entries' number (_planned_matches), kept as the
    search's statement is, when it is ESTIMATE_MARGIN times `size` or more; otherwise None,
    as before ANALYZE has run or when the table holds fewer entries than that (the terms'
    statistics tell, without asking the planner)."""
    statistics = _statistics_of(entries)
    if statistics is None or statistics.entries < ESTIMATE_MARGIN * size:
        return None
    estimate = _kept(kept_as, ("planned", entries.db), lambda: _planned_matches(entries))
    return estimate if estimate >= ESTIMATE_MARGIN * size else None


def _walk_bound(entries: QuerySet, top: int, estimate: float) -> int | None:
    """How many of the newest entries a walk meets at most to find `top` of `entries`, when
    `estimate` of all entries are (WALK_MARGIN); None when reading all of them costs less
    than meeting `top` of them on a walk (READ_COST): far down the list, a walk through a
    word in 4% of 100,000 entries took 16 ms to reach page 50."""
    statistics = _statistics_of(entries)
    total = statistics.entries if statistics else estimate
    walked = top * max(total / estimate, 1)
    if walked >= READ_COST * estimate:
        return None
    return math.ceil(WALK_MARGIN * walked)


class BestMatches:
    """The newest `size` matches of a keyword search, those whose titles hold more of the
    words first, newest first among equals: what a paginator pages through (its count is at
    most `size`, apps.core.mixins.CappedPaginator). One query finds the newest matches
    once, and ranks and counts them (a page's, `_ranked_page`), or returns all their keys
    and title hits to rank here (a feed's, or all of them). Counting the matches in a query
    of its own, or ranking them in a second one, made the database find the same rows two
    and three times.

    The walk stops once it has met as many entries whose titles hold every word as the
    asked page needs (`_statement`): those rank first, so the page is the same as if all
    were ranked. A page then costs the same with a million matches as with a thousand, but
    the walk does not count them: when the search is estimated far past the cap
    (`_estimate_past_cap`), `page()` says there are more than the cap without counting;
    otherwise, or when the walk meets fewer matches than the estimate said, it counts them.
    Such a walk is bounded (WALK_MARGIN): an estimate made as if the words and the other
    filters were independent may be far too high."""

    # Whether the matches are ranked by their title hits; if not, newest first (NewestMatches).
    ranked: ClassVar[bool] = True

    def __init__(
        self,
        entries: QuerySet,
        size: int,
        *,
        words: str,
        only_words: bool = False,
        kept_as: Hashable | None = None,
    ):
        self.entries = entries
        self.size = size
        self.words = words  # the query: how common its words are settles the plan
        # Whether the words are the search's only filter, so that the terms' statistics of a
        # single word estimate its matches without asking the planner.
        self.only_words = only_words
        self.kept_as = kept_as  # the search's name, to keep its statement (_kept)

    def named(self, kept_as: Hashable | None) -> "BestMatches":
        """The same matches, not ranked yet, under the search's name."""
        return type(self)(
            self.entries, self.size, words=self.words, only_words=self.only_words,
            kept_as=kept_as,
        )  # fmt: skip

    @property
    def _top_hits(self) -> int:
        """How many of the words the titles of the matches that rank first hold: all of
        them; none when unranked, where every match comes newest first."""
        return len(query_terms(self.words)) if self.ranked else 0

    def _statement(
        self, stopping: bool, walking: bool, bounded: bool = False, paged: bool = False
    ) -> _Statement:
        """The newest `size` matches, newest first. `stopping`: only those met before the
        walk has met more matches that rank first (_top_hits) than its last parameter
        (a run condition: PostgreSQL stops reading there). Not `walking`: read from the
        terms' index and sorted, rather than met walking the newest entries. `bounded` (a
        stopping walk): among the newest entries only, as many as the parameter WALK_BOUND
        stands for (_WalkedTable). `paged` (not stopping): one page of them, ranked, each
        row ending with how many there are; its last parameters are _limited_to_page's."""
        with_distance = "distance" in self.entries.query.annotations
        columns = ["pk", "title_hits", *(["distance"] if with_distance else [])]
        # Not walking, the same order through expressions no index gives: PostgreSQL then
        # reads the words' entries from their index and sorts them.
        newest = self.entries.order_by(*(NEWEST if walking else _unindexed(NEWEST)))
        if bounded:
            newest = _among_the_first(newest, cast(tuple, _column_order(newest)))
        if not (stopping or paged):
            sql, params = newest.values_list(*columns)[: self.size].query.sql_with_params()
            return _Statement(sql, list(params), with_distance)
        # Selected with the values they are sorted by, as _page_statement's: the walk counts
        # in that order, which PostgreSQL sees they come in.
        sorts = _order_columns(newest)
        newest = newest.annotate(**{alias: value for alias, value, _ in sorts})
        aliases = [alias for alias, _, _ in sorts]
        sql, params = newest.values(*columns, *aliases)[: self.size].query.sql_with_params()
        connection = connections[self.entries.db]
        name = connection.ops.quote_name
        order_sql = ", ".join(f"{name(alias)}{direction}" for alias, _, direction in sorts)
        selected = ", ".join(name(column) for column in columns)
        if paged:
            # Ranked and counted where they were found: only the page leaves the database
            # (sending all thousand to rank them here cost a millisecond of the web's CPU).
            ranks = f"{name('title_hits')} DESC, " if self.ranked else ""
            matches = name("matches")
            statement = (
                f"WITH {matches} AS ({sql}) "  # noqa: S608
                f"SELECT {selected}, (SELECT COUNT(*) FROM {matches}) AS {name('found')} "
                f"FROM {matches} ORDER BY {ranks}{order_sql} "
                + _limited_to_page(connection, "COUNT(*)", matches)
            )
            return _Statement(statement, list(params), with_distance)
        # Django's own SQL of the matches, and quoted names; every value stays a parameter.
        statement = (
            f"SELECT {selected} FROM (SELECT {selected}, "  # noqa: S608
            f"COUNT(*) FILTER (WHERE {name('title_hits')} >= %s) OVER (ORDER BY {order_sql} "
            f"ROWS UNBOUNDED PRECEDING) AS {name('top_met')} FROM ({sql}) AS {name('newest')}"
            f") AS {name('walked')} WHERE {name('top_met')} <= %s"
        )
        return _Statement(statement, [self._top_hits, *params], with_distance)

    def _rows(self, top: int | None = None, bound: int | None = None) -> tuple[list[tuple], bool]:
        """The rows (key, title hits, maybe distance) of all `size` matches, ranked, and
        whether they have a distance; with `top`, of those the walk meets before the match
        that makes `top` + 1 that rank first (_top_hits): their first `top` rank as they
        would among all (or all of them are there, when the walk met fewer such matches);
        with `bound` too, among the newest `bound` entries only. A page makes entries of its
        own rows only: making all thousand took a quarter of a millisecond."""
        database = self.entries.db
        stopping = top is not None
        bounded = stopping and bound is not None
        # Walking to the `top`-th costs less than walking to the `size`-th.
        walking = bounded or _walking_pays(self.entries, self.words, top or self.size)
        sql, params, with_distance, _ = _kept(
            self.kept_as, ("best", stopping, walking, bounded, self.size, database),
            lambda: self._statement(stopping, walking, bounded),
        )  # fmt: skip
        params = [bound if param is WALK_BOUND else param for param in params]
        with connections[database].cursor() as cursor:  # a key and numbers: no conversion
            cursor.execute(sql, [*params, top] if stopping else params)
            rows = cursor.fetchall()
        if self.ranked:
            rows.sort(key=itemgetter(1), reverse=True)  # stable: newest first among equals
        return rows, with_distance

    @cached_property
    def _ranked_rows(self) -> tuple[list[tuple], bool]:
        return self._rows()

    def _ranked_page(self, number: int, size: int) -> tuple[list[tuple], int, bool]:
        """The rows (key, title hits, maybe distance) of page `number` (of `size`) of all
        `size` matches ranked, or of the last page when there are fewer, how many matches
        there are, and whether the rows have a distance: one statement, as entries_page's."""
        database = self.entries.db
        walking = _walking_pays(self.entries, self.words, self.size)
        sql, params, with_distance, _ = _kept(
            self.kept_as, ("best page", walking, self.size, database),
            lambda: self._statement(stopping=False, walking=walking, paged=True),
        )  # fmt: skip
        with connections[database].cursor() as cursor:  # a key and numbers: no conversion
            cursor.execute(sql, [*params, *_page_parameters(number, size)])
            rows = cursor.fetchall()
        return rows, (rows[0][-1] if rows else 0), with_distance

    def _estimate_past_cap(self) -> float | None:
        """How many matches the search has, when that is estimated far past `size`
        (ESTIMATE_MARGIN); otherwise None. The words alone first, by the terms' statistics
        (_estimated_matches): a search cannot match more than its rarest word does. One
        word alone is estimated so; any other search, once its words are that common, by
        the planner (_planned_matches), whose estimate is kept as its statement is."""
        estimate = _estimated_matches(self.entries, self.words)
        if estimate is None or estimate < ESTIMATE_MARGIN * self.size:
            return None
        if self.only_words and len(query_terms(self.words)) == 1:
            return estimate
        return _planned_past_cap(self.entries, self.size, self.kept_as)

    def page(self, number: int, size: int) -> tuple[list["RankedEntry"], int, int]:
        """As entries_page: page `number` (of `size` entries), how many matches there are
        (at most `self.size`) and the page's number, the last one when `number` is past the
        end. Estimated far past the cap (_estimate_past_cap), a bounded walk that stops at
        the end of the page, and no count, unless the page is so far down that reading every
        match costs less (_walk_bound); otherwise, or when that walk has not met the page,
        every match ranked and counted, and only the page returned (_ranked_page)."""
        number = max(1, min(number, -(-self.size // size)))
        needed = number * size
        estimate = self._estimate_past_cap()
        bound = None if estimate is None else _walk_bound(self.entries, needed, estimate)
        if bound is not None:
            rows, with_distance = self._rows(needed, bound)
            if sum(1 for row in rows if row[1] >= self._top_hits) >= needed:
                page = rows[(number - 1) * size : needed]
                return [_ranked_entry(row, with_distance) for row in page], self.size, number
        page, found, with_distance = self._ranked_page(number, size)
        number = min(number, max(-(-found // size), 1))
        return [_ranked_entry(row, with_distance) for row in page], found, number

    def count(self) -> int:
        return len(self)

    def __len__(self) -> int:
        return len(self._ranked_rows[0])

    def __iter__(self):
        rows, with_distance = self._ranked_rows
        return (_ranked_entry(row, with_distance) for row in rows)

    @overload
    def __getitem__(self, index: int) -> "RankedEntry": ...
    @overload
    def __getitem__(self, index: slice) -> list["RankedEntry"]: ...
    def __getitem__(self, index):
        """An entry, or a slice of them: the first entries (a feed's) from a walk that stops
        after them, unless all are ranked already."""
        if isinstance(index, slice):
            stop = index.stop
            if "_ranked_rows" in self.__dict__ or stop is None or stop < 0:
                rows, with_distance = self._ranked_rows
            else:
                rows, with_distance = self._rows(stop)
            return [_ranked_entry(row, with_distance) for row in rows[index]]
        rows, with_distance = self._ranked_rows
        return _ranked_entry(rows[index], with_distance)


class NewestMatches(BestMatches):
    """The newest `size` matches of a keyword search, newest first: found, estimated and
    counted as best matches are, unranked. Counting a common word's matches to list them
    newest first cost 22 ms at 1,000,000 jobs (cocinero, open to all), and the planner,
    which estimates a word that ANALYZE did not list as if one entry in a thousand held
    it, walked all of them to find a rare one's (apicultor: 68 ms)."""

    ranked = False


def _ranked_entry(row: tuple, with_distance: bool) -> "RankedEntry":
    return RankedEntry(row[0], row[2] if with_distance else None)


def _tsquery_group(forms: frozenset[str]) -> str:
    return "(" + " | ".join(sorted(forms)) + ")"


# How many of the terms' frequencies ANALYZE keeps (PostgreSQL's default target, 100, keeps
# those of about the 1,000 most common terms only). The planner takes any other term for a
# fairly common one: at 1,000,000 entries it then walked the whole newest-first index for a
# word in 100 entries (0.6 s) instead of reading those 100 from the GIN index (0.3 ms).
TERM_STATISTICS = 1000


def search_statistics_operations(table: str, columns: tuple[str, ...] = TERM_COLUMNS) -> list:
    """Migration operations that make ANALYZE keep the frequencies of many more terms, on
    PostgreSQL, so that a rare word is planned as rare (TERM_STATISTICS)."""

    def forwards(apps, schema_editor, target=TERM_STATISTICS):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f'ALTER TABLE "{table}" '
                + ", ".join(f'ALTER COLUMN "{c}" SET STATISTICS {target}' for c in columns)
            )

    def backwards(apps, schema_editor):
        forwards(apps, schema_editor, target=-1)  # the server's default again

    return [migrations.RunPython(forwards, backwards)]


def search_index_operations(table: str, columns: tuple[str, ...] = TERM_COLUMNS) -> list:
    """Migration operations that add, on PostgreSQL, the GIN indexes that find the matches:
    of the title's terms and of the body's (or of a type's other TermsField `columns`), with
    the statistics that plan them well (`search_statistics_operations`). Other databases
    search the text."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for column in columns:
                schema_editor.execute(
                    f'CREATE INDEX "{table}_{column}" ON "{table}" USING GIN ("{column}")'
                )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for column in columns:
                schema_editor.execute(f'DROP INDEX "{table}_{column}"')

    return [
        migrations.RunPython(forwards, backwards),
        *search_statistics_operations(table, columns),
    ]


def facet_operations(table: str, columns: tuple[str, ...]) -> list:
    """Migration operations that index a type's entries' facets on PostgreSQL: the title's
    and the body's GIN indexes (`search_index_operations`) made again, holding beside the
    words the facets (`facets_sql`) of the entry's place and of its label `columns`
    (SearchEntry.facet_columns). The facets are computed, not stored: the entries stay as
    narrow. Other databases have no facets (entries_facets)."""

    def indexes(facets: str):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor != "postgresql":
                return
            for column in TERM_COLUMNS:
                schema_editor.execute(f'DROP INDEX "{table}_{column}"')
                schema_editor.execute(
                    f'CREATE INDEX "{table}_{column}" ON "{table}" USING GIN ("{column}"{facets})'
                )

        return operation

    with_facets = indexes(f", ({facets_sql(columns)})")
    return [migrations.RunPython(with_facets, indexes(""))]


# How many of the commonest places ANALYZE keeps, with how many entries lie at each. The
# planner reads every one for each ZIP search: with 457 places at 100,000 jobs, a target of
# 1,000 cost 0.48 ms to plan a search that ran in 0.07 ms; 100 cost 0.08 ms, and chose the
# same plans for ZIP codes crowded and sparse at 100,000 and 1,000,000 jobs.
PLACE_STATISTICS = 100


def longitude_band_operations(app_label: str, model_name: str) -> list:
    """Migration operations that fill the longitude band (SearchEntry.longitude_band) of the
    entries written before it existed (the next reindex would write the same) and, on
    PostgreSQL, make ANALYZE count the entries at the commonest places. Taking the band,
    the latitude and the longitude for unrelated, the planner counted 1,452 entries in a
    box around a ZIP code that held 129,000 of 1,000,000, and sorted them all for a first
    page (63 ms) instead of walking the newest until twenty matched (0.1 ms)."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        model.objects.using(schema_editor.connection.alias).filter(longitude__isnull=False).update(
            longitude_band=Cast(Floor("longitude"), SmallIntegerField())
        )
        if schema_editor.connection.vendor == "postgresql":
            table = model._meta.db_table
            schema_editor.execute(
                f'CREATE STATISTICS "{table}_place" (mcv)'
                f' ON longitude_band, latitude, longitude FROM "{table}"'
            )
            # What these migrations kept; place_statistics_operations changed it since.
            schema_editor.execute(f'ALTER STATISTICS "{table}_place" SET STATISTICS 1000')

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            table = apps.get_model(app_label, model_name)._meta.db_table
            schema_editor.execute(f'DROP STATISTICS "{table}_place"')

    return [migrations.RunPython(forwards, backwards)]


def place_statistics_operations(app_label: str, model_name: str, was: int) -> list:
    """Migration operations that make ANALYZE keep PLACE_STATISTICS of the commonest places
    of a type's entries (`longitude_band_operations` made it keep `was`), on PostgreSQL."""

    def keep(target: int):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                table = apps.get_model(app_label, model_name)._meta.db_table
                schema_editor.execute(f'ALTER STATISTICS "{table}_place" SET STATISTICS {target}')

        return operation

    return [migrations.RunPython(keep(PLACE_STATISTICS), keep(was))]


def search_vector_operations(table: str, *, drop: bool = False) -> list:
    """Migration operations of the first search entries (kept for the migrations that ran
    them): on PostgreSQL, stored tsvector columns generated from text columns, every term
    GIN-indexed and the title's. `drop=True` removes them and makes the text columns the
    tsvectors (TermsField: the migration alters the fields in its state only), which
    `search_index_operations` then indexes."""

    def add(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        if drop:  # the terms back to text, as apps.core.search.document writes them
            schema_editor.execute(
                f'ALTER TABLE "{table}" '
                + ", ".join(
                    f"ALTER COLUMN {column} TYPE text"
                    f" USING ' ' || replace({column}::text, '''', '') || ' '"
                    for column in TERM_COLUMNS
                )
            )
        schema_editor.execute(
            f'ALTER TABLE "{table}" '
            'ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS '
            "(strip(to_tsvector('simple', search_title || ' ' || search_body))) STORED, "
            'ADD COLUMN "title_vector" tsvector GENERATED ALWAYS AS '
            "(strip(to_tsvector('simple', search_title))) STORED"
        )
        schema_editor.execute(
            f'CREATE INDEX "{table}_search_vector" ON "{table}" USING GIN ("search_vector")'
        )

    def remove(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(
            f'ALTER TABLE "{table}" DROP COLUMN "search_vector", DROP COLUMN "title_vector"'
        )
        if drop:
            schema_editor.execute(
                f'ALTER TABLE "{table}" '
                + ", ".join(
                    f"ALTER COLUMN {column} TYPE tsvector USING {column}::tsvector"
                    for column in TERM_COLUMNS
                )
            )

    return [migrations.RunPython(remove, add) if drop else migrations.RunPython(add, remove)]


def search_terms_operations(table: str, model_name: str) -> list:
    """Migration operations that move an entry made with `search_vector_operations` to the
    narrow one: the generated vectors dropped, the text columns made the tsvectors
    (TermsField, in the state only: the columns are converted in SQL) and GIN-indexed."""
    return [
        *search_vector_operations(table, drop=True),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(model_name=model_name, name=column, field=TermsField())
                for column in TERM_COLUMNS
            ]
        ),
        *search_index_operations(table),
    ]


def any_word(model, query: str) -> Q | RawSQL:
    """A filter: the entries of `model` holding at least one of the words of `query` (in the
    title's terms or the rest's). On PostgreSQL the GIN indexes find them, so a ranking by
    word_hits() that needs at least one hit reads only those entries."""
    terms = query_terms(query)
    if not terms:
        return Q(pk__in=[])
    if connection.vendor == "postgresql":
        table = model._meta.db_table
        title, body = (f'"{table}"."{column}"' for column in TERM_COLUMNS)
        either = " | ".join(_tsquery_group(forms) for forms in terms)
        return RawSQL(  # noqa: S611 (only the model's own table name is interpolated)
            f"({title} @@ to_tsquery('simple', %s) OR {body} @@ to_tsquery('simple', %s))",
            [either, either],
            output_field=BooleanField(),
        )
    found = Q()
    for forms in terms:
        for form in forms:
            found |= Q(search_title__contains=f" {form} ") | Q(search_body__contains=f" {form} ")
    return found


def word_hits(model, query: str) -> Combinable:
    """How many of the words of `query` an entry of `model` holds, in its title's terms or
    the rest's (each word counted once): a ranking criterion to compute in SQL, without
    filtering. 0 when the query has no words."""
    terms = query_terms(query)
    if not terms:
        return Value(0, output_field=IntegerField())
    if connection.vendor == "postgresql":
        table = model._meta.db_table
        title, body = (f'"{table}"."{column}"' for column in TERM_COLUMNS)
        one = (
            f"(({title} @@ to_tsquery('simple', %s)) OR ({body} @@ to_tsquery('simple', %s)))::int"
        )
        groups = [_tsquery_group(forms) for forms in terms]
        return RawSQL(  # noqa: S611 (only the model's own table name is interpolated)
            " + ".join(one for _ in terms),
            [group for group in groups for _ in range(2)],
            output_field=IntegerField(),
        )
    hits: Combinable = Value(0)
    for forms in terms:
        found = Q()
        for form in forms:
            found |= Q(search_title__contains=f" {form} ") | Q(search_body__contains=f" {form} ")
        hits = hits + Case(When(found, then=Value(1)), default=Value(0))
    return Case(default=hits, output_field=IntegerField())
