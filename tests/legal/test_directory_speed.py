"""What keeps "help near me" with filters fast at 20,000 providers (bench/legal.py): the
entries' place index carries every column such a search reads, so PostgreSQL answers the
count and the page from the index alone, not from one table page per entry in the box."""

import pytest
from django.db import connection

from apps.legal.filters import LegalFilters
from apps.legal.selectors import providers_search
from tests.legal.factories import ProviderFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SEARCHES = {
    "service + language + ZIP (the bench's)": {"service": ("asylum",), "language": "es"},
    "free help that speaks Spanish, nearest": {"cost": ("free",), "language": "es"},
    "walk-ins today, accepting new cases": {"walk_in_today": True, "new_cases": True},
    "kind of provider, most recently verified": {"type": ("legal_aid",), "sort": "verified"},
}


def plan(sql: str, params) -> str:
    """The plan PostgreSQL chooses when it cannot read the whole (tiny) table instead."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row for (row,) in cursor.fetchall())


@pytest.mark.parametrize("fields", SEARCHES.values(), ids=SEARCHES.keys())
def test_a_filtered_search_near_a_place_reads_the_place_index_alone(fields):
    ProviderFactory(services=["asylum"], languages=["es"], zip_code="60608")
    ProviderFactory(services=["tenant_rights"], languages=["en"], zip_code="60201")
    filters = LegalFilters.build(zip="60629", radius=25, **fields)
    entries = providers_search(filters)

    count = entries.order_by()[:1001]
    count_sql, count_params = count.query.get_compiler(using="default").as_sql()
    page_sql, page_params = entries[:20].query.get_compiler(using="default").as_sql()

    for sql, params in [(f"SELECT COUNT(*) FROM ({count_sql}) AS found", count_params),
                        (page_sql, page_params)]:  # fmt: skip
        chosen = plan(sql, params)
        assert "Index Only Scan using legal_entry_place" in chosen, chosen


def test_the_index_only_search_finds_what_the_filters_ask():
    near = ProviderFactory(services=["asylum"], languages=["es"], zip_code="60608")
    ProviderFactory(services=["asylum"], languages=["en"], zip_code="60608")
    ProviderFactory(services=["wage_theft"], languages=["es"], zip_code="60608")
    ProviderFactory(services=["asylum"], languages=["es"], zip_code="77036")  # Houston
    filters = LegalFilters.build(zip="60629", radius=25, service=("asylum",), language="es")
    assert [entry.pk for entry in providers_search(filters)] == [near.pk]
