"""What keeps "help near me" with filters fast at 20,000 providers (bench/legal.py): the
entries' place index carries every column such a search reads, so PostgreSQL answers the
count and the page from the index alone, not from one table page per entry in the box."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.legal.filters import LegalFilters
from apps.legal.models import LegalSearchEntry
from apps.legal.selectors import providers_search
from tests.legal.factories import ProviderFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ENTRIES = f'FROM "{LegalSearchEntry._meta.db_table}"'

SEARCHES = {
    "service + language + ZIP (the bench's)": "service=asylum&language=es",
    "free help that speaks Spanish, nearest": "cost=free&language=es",
    "walk-ins today, accepting new cases": "walk_in_today=1&new_cases=1",
    "kind of provider, most recently verified": "type=legal_aid&sort=verified",
}


def plan(sql: str) -> str:
    """The plan PostgreSQL chooses when it cannot read the whole (tiny) table instead."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row for (row,) in cursor.fetchall())


def entries_queries(client, query: str) -> list[str]:
    """The SQL of the count and (when something matches) the page of a search near 60629."""
    ProviderFactory(services=["asylum"], languages=["es"], zip_code="60608")
    ProviderFactory(services=["tenant_rights"], languages=["en"], zip_code="60201")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/es/legal/?{query}&zip=60629&radius=25")
    assert response.status_code == 200
    searches = [q["sql"] for q in captured.captured_queries if ENTRIES in q["sql"]]
    assert searches
    return searches


@pytest.mark.parametrize("query", SEARCHES.values(), ids=SEARCHES.keys())
def test_the_place_index_carries_every_column_a_search_near_a_place_reads(client, query):
    index = next(i for i in LegalSearchEntry._meta.indexes if i.name == "legal_entry_place")
    fields = [LegalSearchEntry._meta.get_field(name) for name in [*index.fields, *index.include]]
    carried = {field.column for field in fields}
    for sql in entries_queries(client, query):
        read = set(re.findall(rf'"{LegalSearchEntry._meta.db_table}"\."(\w+)"', sql))
        assert read <= carried, read - carried


def test_the_bench_search_is_an_index_only_scan(client):
    """Which index PostgreSQL picks depends on the statistics of a (tiny) test table: this
    one has no other index to take."""
    for sql in entries_queries(client, SEARCHES["service + language + ZIP (the bench's)"]):
        chosen = plan(sql)
        assert "Index Only Scan using legal_entry_place" in chosen, chosen


def test_the_index_only_search_finds_what_the_filters_ask():
    near = ProviderFactory(services=["asylum"], languages=["es"], zip_code="60608")
    ProviderFactory(services=["asylum"], languages=["en"], zip_code="60608")
    ProviderFactory(services=["wage_theft"], languages=["es"], zip_code="60608")
    ProviderFactory(services=["asylum"], languages=["es"], zip_code="77036")  # Houston
    filters = LegalFilters.build(zip="60629", radius=25, service=("asylum",), language="es")
    assert [entry.pk for entry in providers_search(filters)] == [near.pk]
