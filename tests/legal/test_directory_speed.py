"""What keeps "help near me" with filters fast at 20,000 providers (bench/legal.py): the
entries' place index carries every column such a search reads, so PostgreSQL answers the
count and the page from the index alone, not from one table page per entry in the box."""

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


@pytest.mark.parametrize("query", SEARCHES.values(), ids=SEARCHES.keys())
def test_a_filtered_search_near_a_place_reads_the_place_index_alone(client, query):
    ProviderFactory(services=["asylum"], languages=["es"], zip_code="60608")
    ProviderFactory(services=["tenant_rights"], languages=["en"], zip_code="60201")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/es/legal/?{query}&zip=60629&radius=25")
    assert response.status_code == 200
    searches = [q["sql"] for q in captured.captured_queries if ENTRIES in q["sql"]]
    assert searches  # the count, and the page when something matches
    for sql in searches:
        chosen = plan(sql)
        assert "Index Only Scan using legal_entry_place" in chosen, chosen


def test_the_index_only_search_finds_what_the_filters_ask():
    near = ProviderFactory(services=["asylum"], languages=["es"], zip_code="60608")
    ProviderFactory(services=["asylum"], languages=["en"], zip_code="60608")
    ProviderFactory(services=["wage_theft"], languages=["es"], zip_code="60608")
    ProviderFactory(services=["asylum"], languages=["es"], zip_code="77036")  # Houston
    filters = LegalFilters.build(zip="60629", radius=25, service=("asylum",), language="es")
    assert [entry.pk for entry in providers_search(filters)] == [near.pk]
