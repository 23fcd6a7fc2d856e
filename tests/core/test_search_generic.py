"""The search in core serves any type, not only jobs: a test-only type
(tests.testapp.searchable) declares its entry in AppConfig.ready(), and core keeps its
entries in step with publication, searches them by keyword and by ZIP radius, and rebuilds
them with `manage.py reindex`. The same tests run on SQLite and on PostgreSQL."""

import re
import time
from dataclasses import dataclass
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.models import Value
from django.db.models.functions import Concat
from django.test.utils import CaptureQueriesContext

from apps.core.indexing import search_entries, search_index
from apps.core.mixins import SearchPaginator
from apps.core.models import PublicationStatus
from apps.core.search import (
    PLACE_STATISTICS,
    PageItems,
    RankedEntry,
    SearchFilters,
    _statistics_of,
    any_word,
    capped_counts,
    entries_facets,
    entries_order,
    entries_search,
    facets_sql,
    first_items,
    search_memory_clear,
)
from apps.core.services import publication_archive, publication_publish
from apps.jobs.models import JobSearchEntry
from tests.accounts.factories import CuratorFactory
from tests.jobs.factories import JobFactory
from tests.organizations.factories import OrganizationFactory
from tests.testapp.searchable import SearchableWorkshop, SearchableWorkshopEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator():
    return CuratorFactory()


@pytest.fixture
def organization():
    return OrganizationFactory()


@pytest.fixture
def publish(curator, organization):
    """A workshop, published through the shared workflow as staff do."""

    def publish(title: str, **fields) -> SearchableWorkshop:
        fields.setdefault("zip_code", "60623")  # Chicago
        workshop = SearchableWorkshop.objects.create(
            organization=organization, title=title, **fields
        )
        publication_publish(actor=curator, item=workshop)
        return workshop

    return publish


def found(**filters) -> list[str]:
    """Titles of the workshops a search finds, in its order."""
    search = SearchFilters.build(**filters)
    entries = entries_order(entries_search(SearchableWorkshopEntry.objects.all(), search), search)
    workshops = SearchableWorkshop.objects.in_bulk([entry.pk for entry in entries])
    return [workshops[entry.pk].title for entry in entries]


def test_the_type_is_registered_under_its_model_and_may_declare_itself_again():
    assert search_entries["testapp.searchableworkshop"].model is SearchableWorkshop
    for label in ("jobs", "testapp"):
        apps.get_app_config(label).ready()  # as when ready() runs twice: no error


def test_an_entry_exists_exactly_while_the_item_is_published(curator, organization, publish):
    draft = SearchableWorkshop.objects.create(organization=organization, title="Taller de pan")
    search_index(draft)
    assert not SearchableWorkshopEntry.objects.exists()

    workshop = publish("Taller de cocina", description="Recetas de casa", topic="food")
    entry = SearchableWorkshopEntry.objects.get(pk=workshop.pk)
    assert (entry.topic, entry.search_title) == ("food", " cocin tall ")
    assert entry.latitude == pytest.approx(41.85, abs=0.05)  # Chicago
    assert found(q="cocinas") == ["Taller de cocina"]

    # An edit of a published item, as a type's update service makes it, reindexes it.
    workshop.title = "Clase de costura"
    workshop.save()
    search_index(workshop)
    assert found(q="taller") == []
    assert found(q="costura") == ["Clase de costura"]

    publication_archive(actor=curator, item=workshop)
    assert not SearchableWorkshopEntry.objects.exists()


def test_keyword_search_needs_every_word_and_ranks_title_matches_first(publish):
    publish("Clase de inglés", description="Incluye un taller de conversación.")
    publish("Taller de currículum", description="Cómo escribir su currículum en inglés.")
    publish("Taller de cocina", description="Recetas.")

    assert found(q="taller ingles") == ["Taller de currículum", "Clase de inglés"]
    assert found(q="informacion") == []
    assert len(found(q="")) == 3


def test_zip_radius_finds_the_nearest_first(publish):
    publish("Taller en La Villita", zip_code="60623")  # Chicago
    publish("Taller en el Loop", zip_code="60601")  # 5.6 miles away
    publish("Taller en West Lawn", zip_code="60629")  # 4.9 miles away
    publish("Taller en Elk Grove", zip_code="60007")  # 18 miles away
    publish("Taller en Los Ángeles", zip_code="90001")
    publish("Taller en línea", zip_code="")  # nowhere: never within a radius

    assert found(zip="60623", radius=10, sort="nearest") == [
        "Taller en La Villita",
        "Taller en West Lawn",
        "Taller en el Loop",
    ]
    assert found(q="taller", zip="60623", radius=20, sort="nearest")[-1] == "Taller en Elk Grove"
    assert len(found(q="taller")) == 6


def test_a_radius_finds_entries_in_every_whole_degree_of_longitude_its_box_spans(publish):
    # West of 88° W and east of it, 25 and 14 miles from La Villita; Aurora is 33 miles away.
    for zip_code in ["60623", "60540", "60527", "60505"]:
        publish(f"Taller {zip_code}", zip_code=zip_code)

    bands = dict(
        SearchableWorkshopEntry.objects.values_list("workshop__zip_code", "longitude_band")
    )
    assert bands == {"60623": -88, "60540": -89, "60527": -88, "60505": -89}
    assert found(zip="60623", radius=30, sort="nearest") == [
        "Taller 60623", "Taller 60527", "Taller 60540"
    ]  # fmt: skip
    assert found(zip="60540", radius=30, sort="nearest") == [
        "Taller 60540", "Taller 60505", "Taller 60527", "Taller 60623"
    ]  # fmt: skip


def test_a_type_filters_on_its_own_columns(publish):
    publish("Taller de derechos laborales", topic="legal")
    publish("Taller de cocina", topic="food")

    entries = entries_search(SearchableWorkshopEntry.objects.all(), SearchFilters.build(q="taller"))
    assert [entry.workshop.title for entry in entries.filter(topic="legal")] == [
        "Taller de derechos laborales"
    ]


def test_capped_counts_count_each_query_up_to_the_cap_in_one_statement(
    publish, django_assert_num_queries
):
    for topic in ["legal", "legal", "legal", "food"]:
        publish(f"Taller {topic}", topic=topic, zip_code="60623")
    publish("Taller en Los Ángeles", topic="food", zip_code="90001")
    entries = entries_search(
        SearchableWorkshopEntry.objects.all(),
        SearchFilters.build(q="taller", zip="60623", radius=10),
    )
    queries = {topic: entries.filter(topic=topic) for topic in ["legal", "food", "none"]}

    with django_assert_num_queries(1):
        assert capped_counts(queries, cap=2) == {"legal": 3, "food": 1, "none": 0}
    assert capped_counts(queries, cap=5) == {"legal": 3, "food": 1, "none": 0}
    assert capped_counts({}) == {}


def search_pages(sort: str, size: int, cap: int, *numbers) -> list[tuple[int, list[str], int]]:
    """(page number shown, titles, count) of each page asked for, in the order `sort`."""
    search = SearchFilters.build(zip="60623", radius=30, sort=sort)
    entries = entries_order(entries_search(SearchableWorkshopEntry.objects.all(), search), search)
    shown = []
    for number in numbers:
        paginator = SearchPaginator(entries, size)
        paginator.cap = cap
        page = paginator.get_page(number)
        titles = SearchableWorkshop.objects.in_bulk([entry.pk for entry in page])
        shown.append((page.number, [titles[entry.pk].title for entry in page], paginator.count))
    return shown


def test_nearest_pages_come_with_their_count_in_one_query(publish, django_assert_num_queries):
    for zip_code in ["60623", "60629", "60601", "60007"]:  # 0, 4.9, 5.6 and 18 miles away
        publish(f"Taller {zip_code}", zip_code=zip_code)
    publish("Taller en Los Ángeles", zip_code="90001")

    _statistics_of(SearchableWorkshopEntry.objects.all())  # read once an hour per process
    with django_assert_num_queries(1):
        filters = SearchFilters.build(zip="60623", radius=30, sort="nearest")
        paginator = SearchPaginator(
            entries_order(entries_search(SearchableWorkshopEntry.objects.all(), filters), filters),
            3,
        )
        page = paginator.get_page(2)
        assert paginator.count == 4 and page.number == 2 and len(page) == 1
    assert search_pages("nearest", 3, 1000, 1, 2, "9", "x", 0) == [
        (1, ["Taller 60623", "Taller 60629", "Taller 60601"], 4),
        (2, ["Taller 60007"], 4),
        (2, ["Taller 60007"], 4),  # past the end: the last page
        (1, ["Taller 60623", "Taller 60629", "Taller 60601"], 4),  # not a number: the first
        (1, ["Taller 60623", "Taller 60629", "Taller 60601"], 4),
    ]
    # Counted no further than the cap and one; the pages stop at the cap.
    assert search_pages("nearest", 1, 2, 1, 3, 4) == [
        (1, ["Taller 60623"], 3),
        (2, ["Taller 60629"], 3),
        (2, ["Taller 60629"], 3),
    ]


def test_pages_nearest_first_past_the_cap_walk_the_places_nearest_first(publish):
    """Sorting every entry within 25 miles of a Chicago ZIP code by its distance took 58 ms
    at 1,000,000 jobs. Every entry stands at its ZIP code's point: past the cap, a page
    nearest first comes from the places within the radius, nearest first, and the newest
    entries of each, on PostgreSQL. The pages are the same as sorting them all; counted,
    or estimated far past the cap once ANALYZE has run, more than the cap."""
    for number in range(4):  # each place's newest: the last number
        for zip_code in ["60007", "60629", "60623", "60601"]:  # 18, 4.9, 0 and 5.6 miles
            publish(f"Taller {zip_code} {number}", zip_code=zip_code)
    publish("Taller en Los Ángeles", zip_code="90001")
    nearest = [
        f"Taller {zip_code} {number}"
        for zip_code in ["60623", "60629", "60601", "60007"]
        for number in reversed(range(4))
    ]

    def pages(cap: int) -> tuple[list, int]:
        with CaptureQueriesContext(connection) as queries:
            shown = search_pages("nearest", 3, cap, 1, 2, 5)
        walked = sum("WITH RECURSIVE" in query["sql"] for query in queries)
        return shown, walked

    all_sorted = [(1, nearest[:3], 16), (2, nearest[3:6], 16), (5, nearest[12:15], 16)]
    assert pages(1000) == (all_sorted, 3 if connection.vendor == "postgresql" else 0)
    # The second page ends at the second place; the fifth is past the cap's last (2).
    past_the_cap = [(1, nearest[:3], 7), (2, nearest[3:6], 7), (2, nearest[3:6], 7)]
    assert pages(6) == (past_the_cap, 3 if connection.vendor == "postgresql" else 0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE testapp_searchableworkshopentry")
        search_memory_clear()
        with CaptureQueriesContext(connection) as queries:
            assert search_pages("nearest", 3, 6, 1, 2, 5) == past_the_cap
        # Estimated, not counted: the page's statement has no count.
        pages_read = [query["sql"] for query in queries if "WITH RECURSIVE" in query["sql"]]
        assert len(pages_read) == 3 and not any("COUNT(*)" in sql for sql in pages_read)


def test_newest_pages_come_with_their_count_in_one_query(publish, django_assert_num_queries):
    # Published in this order: the newest is the last.
    for zip_code in ["60623", "60629", "60601", "60007"]:
        publish(f"Taller {zip_code}", zip_code=zip_code)
    publish("Taller en Los Ángeles", zip_code="90001")

    newest = ["Taller 60007", "Taller 60601", "Taller 60629", "Taller 60623"]
    _statistics_of(SearchableWorkshopEntry.objects.all())  # read once an hour per process
    with django_assert_num_queries(1):
        filters = SearchFilters.build(zip="60623")
        paginator = SearchPaginator(
            entries_order(entries_search(SearchableWorkshopEntry.objects.all(), filters), filters),
            3,
        )
        page = paginator.get_page(2)
        assert paginator.count == 4 and page.number == 2 and len(page) == 1
    assert (
        search_pages("newest", 3, 1000, 1, 2, "9", "x", 0)
        == [
            (1, newest[:3], 4),
            (2, newest[3:], 4),
            (2, newest[3:], 4),  # past the end: the last page
            (1, newest[:3], 4),  # not a number: the first
            (1, newest[:3], 4),
        ]
    )
    # Counted no further than the cap and one; the pages stop at the cap.
    assert search_pages("newest", 1, 2, 1, 3, 4) == [
        (1, newest[:1], 3),
        (2, newest[1:2], 3),
        (2, newest[1:2], 3),
    ]


def test_a_kept_page_statement_is_compiled_once_a_minute_and_reads_what_is_there_now(
    publish, monkeypatch
):
    """A search page's statement is kept under its search's key (SearchListMixin names the
    view and the filters): only the SQL is kept, so new items show at once; another search,
    another day or another minute compile their own."""
    from django.utils import timezone

    import apps.core.search as search_module

    compiled = []
    for statement in ("_page_statement", "_nearest_statement"):  # PostgreSQL's nearest first
        compile_page = getattr(search_module, statement)
        monkeypatch.setattr(
            search_module,
            statement,
            lambda *args, compile_page=compile_page: compiled.append(1) or compile_page(*args),
        )

    def titles(sort: str, number: int = 1) -> tuple[list[str], int]:
        filters = SearchFilters.build(zip="60623", sort=sort)
        entries = entries_order(
            entries_search(SearchableWorkshopEntry.objects.all(), filters), filters
        )
        paginator = SearchPaginator(entries, 2, kept_as=("workshops", filters))
        page = paginator.get_page(number)
        found = SearchableWorkshop.objects.in_bulk([entry.pk for entry in page])
        return [found[entry.pk].title for entry in page], paginator.count

    today = timezone.localdate()
    last_day = publish("Taller de hoy")
    SearchableWorkshopEntry.objects.filter(pk=last_day.pk).update(expires_on=today)
    assert titles("newest") == (["Taller de hoy"], 1)
    publish("Taller 60629", zip_code="60629")
    publish("Taller 60601", zip_code="60601")
    assert titles("newest") == (["Taller 60601", "Taller 60629"], 3)  # read now
    assert titles("newest", 2) == (["Taller de hoy"], 3)  # another page, the same statement
    assert len(compiled) == 1
    assert titles("nearest") == (["Taller de hoy", "Taller 60629"], 3)  # another search
    assert len(compiled) == 2

    monkeypatch.setattr(timezone, "localdate", lambda *args: today + timedelta(days=1))
    assert titles("newest") == (["Taller 60601", "Taller 60629"], 2)  # the day after its date
    assert len(compiled) == 3

    minute = time.time() + 60
    monkeypatch.setattr(time, "time", lambda: minute)
    titles("newest")
    assert len(compiled) == 4


def test_best_matches_keep_their_statement_too(publish, monkeypatch):
    from apps.core.search import BestMatches

    compiled = []
    compile_best = BestMatches._statement
    monkeypatch.setattr(
        BestMatches,
        "_statement",
        lambda self, *how, **named: compiled.append(how) or compile_best(self, *how, **named),
    )

    def titles() -> list[str]:
        filters = SearchFilters.build(q="taller cocina")
        entries = entries_order(
            entries_search(SearchableWorkshopEntry.objects.all(), filters), filters
        )
        page = SearchPaginator(entries, 5, kept_as=("workshops", filters)).get_page(1)
        found = SearchableWorkshop.objects.in_bulk([entry.pk for entry in page])
        return [found[entry.pk].title for entry in page]

    publish("Taller de cocina", description="Taller")
    publish("Cocina para todos", description="Un taller")
    assert titles() == ["Taller de cocina", "Cocina para todos"]
    publish("Taller: cocina rápida")
    # Read now, with the statement compiled once: the newest first among equal titles.
    assert titles() == ["Taller: cocina rápida", "Taller de cocina", "Cocina para todos"]
    assert len(compiled) == 1


def test_a_named_search_is_built_once_a_minute_and_each_page_reads_what_is_there_now(
    publish, monkeypatch
):
    """SearchListMixin names its search (view and filters) and keeps it for the minute, as its
    statement (kept_search): every caller gets a copy, so what one page ran is never served
    to the next."""
    from apps.core.search import kept_search

    built = []

    def titles(q: str = "") -> list[str]:
        filters = SearchFilters.build(q=q)

        def build():
            built.append(filters.sort)
            entries = entries_search(SearchableWorkshopEntry.objects.all(), filters)
            return entries_order(entries, filters)

        entries = kept_search(("workshops", filters), build)
        page = SearchPaginator(entries, 5, kept_as=("workshops", filters)).get_page(1)
        found = SearchableWorkshop.objects.in_bulk([entry.pk for entry in page])
        return [found[entry.pk].title for entry in page]

    publish("Taller de cocina")
    assert titles() == ["Taller de cocina"]
    assert titles("cocina") == ["Taller de cocina"]
    publish("Cocina para todos")
    assert titles() == ["Cocina para todos", "Taller de cocina"]  # read now
    assert titles("cocina") == ["Cocina para todos", "Taller de cocina"]
    assert built == ["newest", "relevance"]  # once each

    filters = SearchFilters.build()
    copy = kept_search(("workshops", filters), lambda: pytest.fail("built again"))
    assert len(list(copy)) == 2  # a caller may run its copy...
    publish("Taller nuevo")
    assert titles()[0] == "Taller nuevo"  # ...and the next still reads what is there now

    minute = time.time() + 60
    monkeypatch.setattr(time, "time", lambda: minute)
    titles()
    assert built == ["newest", "relevance", "newest"]


def test_page_items_load_a_page_by_key_in_one_query_compiled_once(
    publish, django_assert_num_queries
):
    workshops = [publish(f"Taller {number}") for number in range(3)]
    cards = PageItems(
        lambda: (
            SearchableWorkshop.objects.select_related("organization")
            .only("title", "organization__name")
            .annotate(shout=Concat("title", Value("!")))
        )  # a parameter of the queryset's own
    )
    keys = [workshops[2].pk, workshops[0].pk]
    with django_assert_num_queries(1):
        found = cards.in_bulk(keys)
    assert sorted(found) == sorted(keys)
    assert found[workshops[2].pk].organization.name == workshops[2].organization.name
    assert (
        found[workshops[0].pk].title == "Taller 0" and found[workshops[0].pk].shout == "Taller 0!"
    )
    # Another page, of another length, runs the same SQL.
    with django_assert_num_queries(1) as queries:
        assert list(cards.in_bulk([workshops[1].pk])) == [workshops[1].pk]
    assert cards._compiled  # compiled once, for the active language
    assert queries.captured_queries[0]["sql"].count(str(workshops[1].pk)) >= 1
    with django_assert_num_queries(0):
        assert cards.in_bulk([]) == {}


def test_a_nearest_search_with_nothing_near_has_one_empty_page(publish):
    publish("Taller en Los Ángeles", zip_code="90001")
    assert search_pages("nearest", 3, 1000, 1, 2) == [(1, [], 0), (1, [], 0)]
    assert search_pages("newest", 3, 1000, 1, 2) == [(1, [], 0), (1, [], 0)]


def test_first_items_come_in_the_entries_order_in_one_query(publish, django_assert_num_queries):
    from django.db.models import F

    for number, topic in enumerate(["legal", "food", "legal", "food", "legal"]):
        publish(f"Taller {number}", topic=topic)
    filters = SearchFilters.build()
    entries = entries_order(entries_search(SearchableWorkshopEntry.objects.all(), filters), filters)
    by_topic = entries.order_by(F("topic").desc(nulls_last=True), "-published_at", "-pk")

    with django_assert_num_queries(1):
        newest = first_items(entries, SearchableWorkshop.objects.all(), 3)
    assert [workshop.title for workshop in newest] == ["Taller 4", "Taller 3", "Taller 2"]
    assert [w.title for w in first_items(by_topic, SearchableWorkshop.objects.all(), 3)] == [
        "Taller 4", "Taller 2", "Taller 0",
    ]  # fmt: skip


def test_reindex_rebuilds_the_entries_of_every_type(publish):
    job = JobFactory(title_es="Cocinero de línea")
    workshop = publish("Taller de cocina")
    withdrawn = publish("Taller retirado")
    # Entries lost, and one left behind by an item unpublished outside the workflow.
    JobSearchEntry.objects.all().delete()
    SearchableWorkshopEntry.objects.exclude(pk=withdrawn.pk).delete()
    SearchableWorkshop.objects.filter(pk=withdrawn.pk).update(status=PublicationStatus.ARCHIVED)

    out = StringIO()
    call_command("reindex", stdout=out)

    assert list(JobSearchEntry.objects.values_list("pk", flat=True)) == [job.pk]
    assert list(SearchableWorkshopEntry.objects.values_list("pk", flat=True)) == [workshop.pk]
    assert found(q="cocina") == ["Taller de cocina"]
    assert "jobs.job: 1 entries" in out.getvalue()
    assert "testapp.searchableworkshop: 1 entries" in out.getvalue()


@pytest.mark.postgres
def test_postgresql_searches_the_type_through_its_gin_index(publish):
    publish("Taller de cocina")
    entries = entries_search(SearchableWorkshopEntry.objects.all(), SearchFilters.build(q="cocina"))

    assert '"testapp_searchableworkshopentry"."search_body" @@ to_tsquery' in str(entries.query)
    assert entries.count() == 1
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes "
            "WHERE indexname = 'testapp_searchableworkshopentry_search_body'"
        )
        assert "USING gin (search_body, array_to_tsvector(" in cursor.fetchone()[0]


@dataclass(frozen=True)
class WorkshopFilters(SearchFilters):
    """The test type's search with its label, as a type with labels writes it."""

    topic: tuple[str, ...] = ()

    def labels(self) -> dict[str, tuple[str, ...]]:
        return {"topic": self.topic}


def found_with_topic(**filters) -> list[str]:
    search = WorkshopFilters.build(**filters)
    entries = entries_search(SearchableWorkshopEntry.objects.all(), search)
    titles = SearchableWorkshop.objects.in_bulk(
        [entry.pk for entry in entries_order(entries, search)]
    )
    return sorted(titles[pk].title for pk in titles)


@pytest.fixture
def workshops_near_and_far(publish):
    publish("Cocina en Little Village", topic="food")  # 60623
    publish("Cocina legal en Little Village", topic="legal")
    publish("Costura en Little Village", topic="food")
    publish("Taller en West Lawn", description="Cocina de casa", topic="food", zip_code="60629")
    publish("Cocina en Elk Grove", topic="food", zip_code="60007")  # 18 miles away
    publish("Cocina en Los Ángeles", topic="food", zip_code="90001")
    publish("Cocina en línea", topic="food", zip_code="")  # no place


@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        (
            {"q": "cocina", "zip": "60623", "radius": 10, "topic": ("food",)},
            ["Cocina en Little Village", "Taller en West Lawn"],
        ),
        (
            {"q": "cocina", "zip": "60623", "radius": 25, "topic": ("food",)},
            ["Cocina en Elk Grove", "Cocina en Little Village", "Taller en West Lawn"],
        ),
        (
            {"q": "cocina", "zip": "60623", "radius": 10, "topic": ("food", "legal")},
            ["Cocina en Little Village", "Cocina legal en Little Village", "Taller en West Lawn"],
        ),
        (
            {"q": "cocina", "zip": "60623", "radius": 10},
            ["Cocina en Little Village", "Cocina legal en Little Village", "Taller en West Lawn"],
        ),
        (  # too wide for facets: the words and the place are found apart
            {"q": "cocina", "zip": "60623", "radius": 500, "topic": ("food",)},
            ["Cocina en Elk Grove", "Cocina en Little Village", "Taller en West Lawn"],
        ),
        ({"q": "cocina", "zip": "60623", "radius": 10, "topic": ("work",)}, []),
    ],
)
def test_words_near_a_place_with_a_label_find_what_each_filter_finds(
    workshops_near_and_far, filters, titles
):
    """On PostgreSQL through the facets in the words' indexes (entries_facets), elsewhere
    through each filter: the same workshops. A label the facets hold is not asked of its
    column too: PostgreSQL took the two conditions for independent, the search for rarer
    than it is, and intersected the words' index with the label's."""
    assert found_with_topic(**filters) == titles
    search = WorkshopFilters.build(**filters)
    facets = entries_facets(SearchableWorkshopEntry.objects.all(), search)
    assert bool(facets) == (connection.vendor == "postgresql" and filters["radius"] < 500)
    sql = str(entries_search(SearchableWorkshopEntry.objects.all(), search).query)
    assert ('"topic" IN' in sql) == bool(search.topic and not facets)


@pytest.mark.postgres
@pytest.mark.parametrize(
    "search_type", list(search_entries), ids=lambda search_type: search_type.entry.__name__
)
def test_every_type_indexes_the_facets_its_searches_ask_for(search_type):
    """The facets a search matches (facets_sql of its type's facet_columns) are those its
    type's migrations indexed beside the words (facet_operations): otherwise PostgreSQL
    would find the words alone and check the facets of each match, as slowly as without."""
    table = search_type.entry._meta.db_table
    asked = facets_sql(search_type.entry.facet_columns)
    with connection.cursor() as cursor:
        for column in ("search_title", "search_body"):
            # The same expression indexed now, as PostgreSQL writes it back.
            cursor.execute(f'CREATE INDEX "asked" ON "{table}" USING GIN ("{column}", ({asked}))')
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
                [["asked", f"{table}_{column}"]],
            )
            definitions = dict(cursor.fetchall())
            cursor.execute('DROP INDEX "asked"')
            assert definitions[f"{table}_{column}"] == definitions["asked"].replace(
                "INDEX asked ON", f"INDEX {table}_{column} ON"
            )


@pytest.mark.postgres
def test_analyze_counts_the_entries_at_the_commonest_places_of_every_type():
    """Without them the planner takes a crowded place for an empty one (apps.core.search
    longitude_band_operations); the commonest hundred, as reading more cost more to plan a
    ZIP search than running it (PLACE_STATISTICS)."""
    tables = sorted(search_type.entry._meta.db_table for search_type in search_entries)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT stxrelid::regclass::text, stxkind::text, stxstattarget FROM pg_statistic_ext"
            " WHERE stxname = stxrelid::regclass::text || '_place' ORDER BY 1"
        )
        assert cursor.fetchall() == [(table, "{m}", PLACE_STATISTICS) for table in tables]


@pytest.mark.postgres
def test_best_match_reads_a_word_from_its_index_unless_walking_the_newest_finds_it_sooner(
    publish,
):
    """PostgreSQL walks the newest entries for any word it does not know to be rare; for a
    word in a few percent of them, reading its entries from the index is faster. The choice
    is made from ANALYZE's shares of the terms, and gives the same list either way."""
    from apps.core.search import BestMatches, _term_statistics, _walking_pays

    for number in range(36):
        publish(f"Taller {number}")
    for number in range(4):
        publish(f"Taller de cocina {number}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE testapp_searchableworkshopentry")
    _term_statistics.cache_clear()  # read once an hour: read this table's now

    entries = SearchableWorkshopEntry.objects.all()
    statistics = _term_statistics(connection.alias, "testapp_searchableworkshopentry", 0)
    assert statistics is not None and statistics.entries == 40
    title = (
        statistics.columns[0] if "tall" in statistics.columns[0].shares else statistics.columns[1]
    )
    assert title.share("tall") == pytest.approx(1.0)
    assert title.share("cocin") == pytest.approx(0.1)
    # Not listed: as PostgreSQL takes it, half the rarest listed term's share, at most 0.5%.
    rarest = min(title.shares.values())
    assert title.share("jardin") == pytest.approx(min(0.005, rarest / 2))
    # In every entry: walking meets 40 entries; reading them would read all 40 and sort them.
    assert _walking_pays(entries, "taller", 1001)
    assert not _walking_pays(entries, "cocina", 1001)  # read: 4 entries, not a walk of 40
    assert not _walking_pays(entries, "taller cocina", 1001)

    def plan(q: str) -> str:
        filters = SearchFilters.build(q=q)
        best = entries_order(entries_search(entries, filters), filters)
        assert isinstance(best, BestMatches)
        sql, params, *_ = best._statement(False, _walking_pays(entries, q, 1001))
        with connection.cursor() as cursor:
            # Sorting as a last resort, as for a table of thousands: an index that gives
            # the order is walked.
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            return "\n".join(row[0] for row in cursor.fetchall())

    assert "Index Scan Backward using" in plan("taller")  # walked, newest first
    read = plan("cocina")  # read, in an order no index gives, and sorted
    assert "Sort Key:" in read and "Presorted Key:" not in read
    newest = [*(f"Taller de cocina {n}" for n in (3, 2, 1, 0)), "Taller 35"]
    assert found(q="taller")[:5] == newest  # walked to
    assert found(q="cocina") == newest[:4]  # read, the same order


def test_the_read_and_the_walk_cross_where_the_bench_found_them(monkeypatch):
    """At 100,000 jobs a word in 4% of them is read from the index (3 ms, against 8 ms for
    the walk); at 1,000,000 it is walked to (8 ms, against 46 ms for the read); a word in
    17% of them is walked to at both sizes (bench/jobs_search.py)."""
    from apps.core import search as search_module

    def walks(share: float, entries: int) -> bool:
        title = search_module._ColumnTerms({"cocin": share}, 0.00005)
        statistics = search_module._TermStatistics([title], entries)
        monkeypatch.setattr(search_module, "_term_statistics", lambda *args: statistics)
        return search_module._walking_pays(JobSearchEntry.objects.all(), "cocina", 1001)

    if connection.vendor != "postgresql":
        assert walks(0.04, 100_000)  # no statistics to choose by: the database chooses
        return
    assert not walks(0.042, 100_000)
    assert walks(0.042, 1_000_000)
    assert walks(0.17, 100_000) and walks(0.17, 1_000_000)
    assert not walks(0.0001, 1_000_000)  # a rare word is always read


def test_best_match_ranks_the_newest_matches_past_the_cap(publish, monkeypatch):
    publish("Taller de cocina")  # the oldest, and the only one with the word in its title
    for number in range(3):
        publish(f"Clase {number}", description="Un taller práctico.")
    assert found(q="taller")[0] == "Taller de cocina"

    # With more matches than the cap, only the newest cap + 1 are ranked (and listed): a
    # common word costs the same however many items have it.
    monkeypatch.setattr("apps.core.search.RESULTS_CAP", 2)
    assert found(q="taller") == ["Clase 2", "Clase 1", "Clase 0"]
    # Newest first, as many, unranked: the list's count and pages are the same either way.
    monkeypatch.setattr("apps.core.search.RESULTS_CAP", 3)
    assert found(q="taller")[0] == "Taller de cocina"
    assert found(q="taller", sort="newest") == ["Clase 2", "Clase 1", "Clase 0", "Taller de cocina"]


def test_a_best_match_page_walks_only_to_its_end_and_ranks_as_ranking_all_would(publish):
    """The walk stops once it has met as many entries whose titles hold every word as the
    page needs: those rank first, so the page is the one that ranking all the matches gives."""
    for number in range(12):  # newest last; every third title holds both words
        if number % 3 == 0:
            publish(f"Taller de cocina {number}")
        elif number % 3 == 1:
            publish(f"Taller {number}", description="Cocina mexicana.")
        else:
            publish(f"Clase {number}", description="Un taller de cocina.")
    filters = SearchFilters.build(q="taller cocina")

    def best():
        return entries_order(
            entries_search(SearchableWorkshopEntry.objects.all(), filters), filters
        )

    ranked = list(best())
    names = SearchableWorkshop.objects.in_bulk([entry.pk for entry in ranked])
    assert [names[entry.pk].title for entry in ranked[:5]] == [
        "Taller de cocina 9", "Taller de cocina 6", "Taller de cocina 3", "Taller de cocina 0",
        "Taller 10",
    ]  # fmt: skip
    # Walked newest first: 11, 10, 9 (both words), 8, 7, 6 (both), 5, 4, 3 (both)...
    for top, walked in [(1, 5), (2, 8), (3, 11), (4, 12), (20, 12)]:
        rows, _ = best()._rows(top)
        assert len(rows) == walked
        assert [row[0] for row in rows[:top]] == [entry.pk for entry in ranked[:top]]
    assert best()[:2] == ranked[:2]
    assert best()[1:3] == ranked[1:3]
    for number in (1, 2, 3):
        paginator = SearchPaginator(best(), 5)
        page = paginator.get_page(number)
        assert (list(page), paginator.count) == (ranked[(number - 1) * 5 : number * 5], 12)


@pytest.mark.postgres
def test_one_word_the_statistics_put_far_past_the_cap_is_walked_only_to_its_page(publish):
    """Its count is taken from ANALYZE's statistics of the terms ("more than the cap"); a
    walk that meets every match counts them, whatever the statistics said."""
    from apps.core.search import ESTIMATE_MARGIN, BestMatches, _estimated_matches

    for number in range(45):
        publish(f"Taller {number}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE testapp_searchableworkshopentry")
    filters = SearchFilters.build(q="taller")
    entries = entries_search(SearchableWorkshopEntry.objects.all(), filters)

    def best(only_words: bool = True) -> BestMatches:  # the newest 4 ranked: a cap of 3
        return BestMatches(entries, 4, words="taller", only_words=only_words)

    assert _estimated_matches(entries, "taller") == pytest.approx(45)
    assert _estimated_matches(entries, "taller cocina") == 0  # at most as many as the rarest
    ranked = list(best())
    assert best().page(2, 2) == (ranked[2:4], 4, 2)  # 4: more than the cap of 3
    # Counted, the matches are ranked where they are found: only the page's rows come back.
    rows, found, _ = best()._ranked_page(2, 2)
    assert ([row[0] for row in rows], found) == ([entry.pk for entry in ranked[2:4]], 4)

    # PostgreSQL stops the walk at the page's end (a run condition), rather than filtering
    # the rows of a walk of all 4.
    sql, params, *_ = best()._statement(stopping=True, walking=True)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {sql}", [*params, 1])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert re.search(r"WindowAgg \(actual rows=1 .*\n\s+Run Condition: ", plan), plan

    # Statistics older than the entries: ANALYZE saw 45, one is left. The walk meets fewer
    # titles than the page needs, so the matches are counted.
    SearchableWorkshopEntry.objects.exclude(pk=ranked[3].pk).delete()
    assert _estimated_matches(entries, "taller") >= ESTIMATE_MARGIN * 4
    assert best().page(1, 2) == ([ranked[3]], 1, 1)
    assert best().page(2, 2) == ([ranked[3]], 1, 1)  # past the end: the last page
    # A search with other filters is not estimated from its words: it is counted.
    assert best(only_words=False).page(1, 2) == ([ranked[3]], 1, 1)


def walked_past_the_cap(best) -> list[str]:
    """The titles of a search's 4 best matches (a cap of 3), once its page 2 of 2 has come
    from a single bounded walk that does not count them (more than the cap: 4)."""
    ranked = list(best)
    with CaptureQueriesContext(connection) as queries:
        assert best.page(2, 2) == (ranked[2:4], 4, 2)
    walks = [query["sql"] for query in queries if '"top_met" <=' in query["sql"]]
    assert len(walks) == 1 and re.search(r' DESC LIMIT \d+\) AS "', walks[0])  # bounded
    titles = SearchableWorkshop.objects.in_bulk([entry.pk for entry in ranked])
    return [titles[entry.pk].title for entry in ranked]


@pytest.mark.postgres
def test_words_and_a_label_estimated_far_past_the_cap_are_walked_a_bounded_way(publish):
    """Words with other filters are estimated by the planner, as if they were independent.
    Far past the cap, the page comes from a walk that stops at its end, uncounted; where
    the words and the label seldom go together, that estimate is too high: the walk stops
    after a bounded number of entries, short of the page, and the matches are counted."""
    from apps.core.search import BestMatches, _planned_matches, _walk_bound

    art = [publish(f"Taller de arte {number}", topic="art") for number in range(2)]
    for number in range(40):  # newer; the word goes with food only
        publish(f"Taller {number}", topic="food")
        publish(f"Clase {number}", topic="art")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE testapp_searchableworkshopentry")
    filters = SearchFilters.build(q="taller")

    def best(topic: str) -> BestMatches:  # the newest 4 ranked: a cap of 3
        entries = entries_search(SearchableWorkshopEntry.objects.all(), filters)
        return BestMatches(entries.filter(topic=topic), 4, words="taller")

    # "taller" and food: 40 matches, estimated 20 (half the entries have each).
    assert _planned_matches(best("food").entries) == pytest.approx(20, rel=0.5)
    assert walked_past_the_cap(best("food")) == [
        "Taller 39", "Taller 38", "Taller 37", "Taller 36"
    ]  # fmt: skip

    # "taller" and art: estimated as many (half the entries have each), but the two oldest
    # only. The walk meets the newest entries up to its bound (four times those the page
    # needs, by the estimate) and none of them matches; counted, they are 2.
    search = best("art")
    estimate = _planned_matches(search.entries)
    assert estimate >= 8  # ESTIMATE_MARGIN x the cap + 1: far past it
    bound = _walk_bound(search.entries, 2, estimate)
    assert bound is not None and bound < 80
    # Twenty pages down, reading the estimated matches costs less than walking to them.
    assert _walk_bound(search.entries, 40, estimate) is None
    assert search._rows(2, bound) == ([], False)
    assert search._rows(2, 84) != ([], False)  # walking them all meets the two
    assert search.page(1, 2) == ([RankedEntry(workshop.pk, None) for workshop in art[::-1]], 2, 1)


@pytest.mark.postgres
def test_words_near_a_place_estimated_far_past_the_cap_are_walked_a_bounded_way(publish):
    """Near a place, the planner took the distance of each entry for a condition that a
    third of them meet, whatever the radius, on top of the place's cells that already
    hold the search near it: the words near a place were estimated three times too few,
    and counted where they are far past the cap."""
    from apps.core.search import BestMatches, _planned_matches

    for number in range(20):  # all at 60623
        publish(f"Taller {number}")
        publish(f"Clase {number}")
        publish(f"Curso {number}")
        publish(f"Charla {number}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE testapp_searchableworkshopentry")
    filters = SearchFilters.build(q="taller", zip="60623", radius=5)
    entries = entries_search(SearchableWorkshopEntry.objects.all(), filters)
    best = BestMatches(entries, 4, words="taller")  # the newest 4 ranked: a cap of 3

    assert _planned_matches(entries) == pytest.approx(20, rel=0.5)  # not about 7
    assert walked_past_the_cap(best) == ["Taller 19", "Taller 18", "Taller 17", "Taller 16"]


@pytest.mark.postgres
def test_words_newest_first_are_found_as_best_matches_are_unranked(publish):
    """Listed newest first, a common word's matches were counted (22 ms at 1,000,000 jobs
    for cocinero and a label), and a rare word's walked through every entry: they are
    found as best matches are, estimated, walked a bounded way or read, but not ranked."""
    from apps.core.search import NewestMatches

    for number in range(20):
        publish(f"Taller {number}")
        publish(f"Clase {number}", description="Un taller práctico.")  # newer, in the text
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE testapp_searchableworkshopentry")
    filters = SearchFilters.build(q="taller", sort="newest")
    entries = entries_search(SearchableWorkshopEntry.objects.all(), filters)
    assert isinstance(entries_order(entries, filters), NewestMatches)
    newest = NewestMatches(entries, 4, words="taller", only_words=True)  # a cap of 3
    assert walked_past_the_cap(newest) == ["Clase 19", "Taller 19", "Clase 18", "Taller 18"]
    assert found(q="taller", sort="newest")[:3] == ["Clase 19", "Taller 19", "Clase 18"]
    assert found(q="taller")[:3] == ["Taller 19", "Taller 18", "Taller 17"]  # ranked


@pytest.mark.postgres
def test_a_list_newest_first_estimated_far_past_the_cap_is_walked_a_bounded_way(publish):
    """Without words too: labels and places together have no index of their own, and
    counting the first thousand of them read most of the table (22 ms for three labels at
    1,000,000 jobs). Estimated far past the cap by the planner, a list's page newest first
    comes from a bounded walk and is not counted; where the filters seldom go together
    among the newest entries, that walk stops short and the entries are counted."""
    from apps.core.search import entries_page

    far = [publish(f"Taller en Los Ángeles {number}", topic="food", zip_code="90001")
           for number in range(2)]  # fmt: skip
    for number in range(40):  # newer
        publish(f"Taller {number}", topic="food")  # at 60623
        publish(f"Clase {number}", topic="art", zip_code="90001")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE testapp_searchableworkshopentry")

    def page(number: int, **filters) -> tuple[list[int], int, int, int]:
        """The keys of page `number` (of 2 entries, a cap of 3), their number, the page's
        number, and how many bounded walks found them."""
        search = WorkshopFilters.build(**filters)
        entries = entries_search(SearchableWorkshopEntry.objects.all(), search)
        with CaptureQueriesContext(connection) as queries:
            keys, found, number = entries_page(
                entries_order(entries, search), number=number, size=2, cap=3
            )
        walked = r'DESC LIMIT \d+\) AS "testapp_searchableworkshopentry"'  # _WalkedTable
        walks = [query for query in queries if re.search(walked, query["sql"])]
        return [key.pk for key in keys], found, number, len(walks)

    # Food: 42 of the 82, as estimated. Page 2 newest first, more than the cap of 3.
    keys, found, number, walks = page(2, topic=("food",))
    titles = SearchableWorkshop.objects.in_bulk(keys)
    assert [titles[key].title for key in keys] == ["Taller 37", "Taller 36"]
    assert (found, number, walks) == (4, 2, 1)
    # Food near 90001: estimated about 20, as if the label and the place were independent,
    # but only the two oldest. The walk meets none of them by its bound: counted, 2.
    keys, found, number, walks = page(1, topic=("food",), zip="90001", radius=5)
    assert (keys, found, number, walks) == ([far[1].pk, far[0].pk], 2, 1, 1)


def test_only_words_means_no_filter_but_the_words():
    from apps.events.filters import EventFilters
    from apps.jobs.filters import JobFilters
    from apps.legal.filters import LegalFilters

    assert SearchFilters.build(q="taller").only_words()
    assert SearchFilters.build(q="taller", sort="newest").only_words()  # the order aside
    assert not SearchFilters.build(q="taller", zip="60629").only_words()
    assert not SearchFilters.build(q="taller", posted=7).only_words()
    assert JobFilters.build(q="cocinero").only_words()
    assert not JobFilters.build(q="cocinero", authorization=("open",)).only_words()
    assert EventFilters.build(q="feria").only_words()
    assert not EventFilters.build(q="feria", free=True).only_words()
    assert LegalFilters.build(q="asilo").only_words()
    assert not LegalFilters.build(q="asilo", language="es").only_words()


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("/en/jobs/", ("", "Newest")),
        ("/en/jobs/?q=cook", ("", "Best match")),
        ("/en/jobs/?sort=relevance", ("", "Newest")),  # best match needs words
        ("/en/jobs/?sort=nearest", ("", "Newest")),  # nearest needs a ZIP code
        ("/en/jobs/?sort=pay", ("pay", "Highest pay")),
        ("/en/jobs/?q=cook&sort=newest", ("newest", "Newest")),
        ("/es/events/", ("", "Los más próximos")),
        ("/es/events/?q=taller", ("", "Más relevantes")),
        ("/es/legal/?zip=60629", ("", "Más cercanos")),
        ("/es/legal/", ("", "Nombre")),
        ("/es/legal/?q=asilo&zip=60629", ("", "Más relevantes")),
    ],
)
def test_the_sort_select_shows_the_order_the_results_are_in(client, url, shown):
    """Before, a list without keywords said "Best match" (the first choice) while it listed
    the newest first. The automatic order is the empty choice, named after what it gives."""
    page = client.get(url).content.decode()
    select = re.search(r'<select name="sort".*?</select>', page, re.S).group(0)
    assert re.findall(r'<option value="(\w*)" selected>([^<]*)</option>', select) == [shown]
    values = re.findall(r'<option value="(\w*)"', select)
    assert len(values) == len(set(values))  # no order twice


def test_words_typed_into_a_list_are_ranked_by_best_match(client):
    """The list's form sends its select as shown: the automatic order. Before, it sent
    "newest", and the words someone typed came out newest first."""
    page = client.get("/en/jobs/").content.decode()
    select = re.search(r'<select name="sort".*?</select>', page, re.S).group(0)
    (sent,) = re.findall(r'<option value="(\w*)" selected>', select)
    response = client.get(f"/en/jobs/?q=cook&sort={sent}")
    assert response.context["filters"].sort == "relevance"
    # An order picked with the words stays.
    response = client.get("/en/jobs/?q=cook&sort=newest")
    assert response.context["filters"].sort == "newest"


def test_showing_the_sort_keeps_every_filter_chosen(client):
    page = client.get("/en/jobs/?authorization=open&authorization=ead&q=cook").content.decode()
    checked = re.findall(r'name="authorization" value="(\w+)"[^>]*checked', page)
    assert sorted(checked) == ["ead", "open"]


def test_any_word_finds_entries_holding_one_of_the_words(publish):
    publish("Taller de electricista")
    publish("Clases de cocina")
    publish("Taller de pintura")
    entries = SearchableWorkshopEntry.objects.filter(
        any_word(SearchableWorkshopEntry, "electricistas cocinas")
    )
    workshops = SearchableWorkshop.objects.in_bulk([entry.pk for entry in entries])
    assert sorted(workshop.title for workshop in workshops.values()) == [
        "Clases de cocina", "Taller de electricista",
    ]  # fmt: skip
    assert not SearchableWorkshopEntry.objects.filter(any_word(SearchableWorkshopEntry, "de"))
