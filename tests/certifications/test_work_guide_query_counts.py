"""The work-on-your-own guides' pages run a fixed number of SQL queries, with few guides and
credentials as with many (the shared assert_query_count fixture)."""

import pytest

from tests.accounts.factories import CuratorFactory
from tests.certifications.factories import CredentialFactory, WorkGuideFactory

pytestmark = pytest.mark.django_db

PAGES = [
    ("anonymous", "/es/careers/guides/", 1),
    # the guide and its published credentials
    ("anonymous", "/es/careers/guides/{guide}/", 2),
    ("anonymous", "/es/careers/guides/{guide}/print/", 2),
    # signed in: the session, the person, and whether they are staff (curator, 2FA)
    ("curator", "/es/careers/guides/", 5),
    ("curator", "/es/careers/guides/{guide}/", 6),
    ("curator", "/es/careers/guides/staff/", 6),
    # the guide, and every credential it may name (the checkboxes)
    ("curator", "/es/careers/guides/staff/{pk}/edit/", 7),
]


@pytest.mark.parametrize(("who", "url", "expected"), PAGES)
def test_page_runs_a_fixed_number_of_queries(client, assert_query_count, who, url, expected):
    curator = CuratorFactory()
    guide = WorkGuideFactory(reviewed_by=curator)

    def grow(count: int) -> None:
        """`count` more guides, published and not, and credentials the guide names."""
        WorkGuideFactory.create_batch(count)
        WorkGuideFactory.create_batch(count, published=False)
        guide.credentials.add(*CredentialFactory.create_batch(count))
        guide.credentials.add(*CredentialFactory.create_batch(count, published=False))

    if who == "curator":
        client.force_login(curator)
    assert_query_count(url.format(guide=guide.slug, pk=guide.pk), expected, grow)
