"""The guides' pages run a fixed number of SQL queries, with few guides as with many (the
shared assert_query_count fixture, as tests/test_query_counts.py)."""

import pytest

from tests.accounts.factories import CuratorFactory
from tests.legal.factories import GuideFactory

pytestmark = pytest.mark.django_db

PAGES = [
    ("anonymous", "/es/legal/guides/", 1),
    ("anonymous", "/es/legal/guides/{guide}/", 1),
    ("anonymous", "/es/legal/guides/{guide}/print/", 1),
    # signed in: the session, the person, and whether they are staff (curator, 2FA)
    ("curator", "/es/legal/guides/", 5),
    ("curator", "/es/legal/guides/{guide}/", 5),
    ("curator", "/es/legal/guides/staff/", 6),
    ("curator", "/es/legal/guides/staff/{pk}/edit/", 5),
    ("anonymous", "/es/legal/notarios/", 0),
    ("anonymous", "/es/legal/help/", 0),
]


@pytest.mark.parametrize(("who", "url", "expected"), PAGES)
def test_page_runs_a_fixed_number_of_queries(client, assert_query_count, who, url, expected):
    curator = CuratorFactory()
    guide = GuideFactory(reviewed_by=curator)

    def grow(count: int) -> None:
        """`count` more guides, published and not, each reviewed by another staff member."""
        GuideFactory.create_batch(count)
        GuideFactory.create_batch(count, published=False)

    if who == "curator":
        client.force_login(curator)
    assert_query_count(url.format(guide=guide.slug, pk=guide.pk), expected, grow)
