"""Anonymous list, search, feed and detail pages served from the cache (apps/core/pagecache.py):
never to someone signed in, never in the other language, never with another visitor's CSRF
token, messages or query parameters, and never once what they show has changed. With
REDIS_URL set the cache is the real Redis."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from apps.core.pagecache import pages_generation
from apps.core.services import publication_publish, publication_take_down
from apps.jobs.services import job_update
from apps.jobs.tasks import expire_jobs
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.core.test_resilience import _forget_failures, cache_down, within  # noqa: F401
from tests.jobs.factories import JobFactory
from tests.organizations.factories import OrganizationFactory
from tests.testapp.models import Notice

pytestmark = pytest.mark.django_db

LIST = "/en/jobs/"


def page_of(job) -> str:
    """The job's page in English, like LIST."""
    with translation.override("en"):
        return job.get_absolute_url()


FEED = "/en/jobs/feed/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 300


@pytest.fixture
def changes(django_capture_on_commit_callbacks):
    """Run the services as a request does: their on_commit callbacks run once they return."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def get(client, url: str) -> tuple[str, int]:
    """The page, and how many SQL queries answering it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries)


def test_a_cached_page_is_served_without_sql_and_as_a_miss_renders_it(client, settings):
    JobFactory(title_en="Cook")
    settings.PAGE_CACHE_TIMEOUT = 0
    uncached, _ = get(client, LIST + "?q=cook")
    settings.PAGE_CACHE_TIMEOUT = 300

    miss, miss_queries = get(Client(), LIST + "?q=cook")
    hit, hit_queries = get(Client(), LIST + "?q=cook")

    assert "Cook" in hit
    assert TOKEN.sub("", miss) == TOKEN.sub("", hit) == TOKEN.sub("", uncached)
    assert miss_queries > 0
    assert hit_queries == 0


@pytest.mark.parametrize("url", [LIST, FEED, "detail"])
def test_each_public_page_is_cached(url):
    job = JobFactory(title_en="Cook")
    url = page_of(job) if url == "detail" else url
    get(Client(), url)

    assert get(Client(), url)[1] == 0


def test_the_bench_header_forces_a_miss(settings):
    settings.PAGE_CACHE_MISS_HEADER = "X-Page-Cache-Miss"
    JobFactory()
    get(Client(), LIST)

    with CaptureQueriesContext(connection) as queries:
        Client().get(LIST, headers={"X-Page-Cache-Miss": "1"})
    assert len(queries) > 0
    assert get(Client(), LIST)[1] == 0


def test_a_signed_in_person_never_gets_a_cached_page_nor_leaves_one(client):
    JobFactory()
    client.force_login(UserFactory())
    anonymous = Client()

    signed_in_first, _ = get(client, LIST)
    anonymous_page, _ = get(anonymous, LIST)
    signed_in_again, queries = get(client, LIST)

    assert "Save this search" in signed_in_first
    assert "Sign out" not in anonymous_page
    assert "Sign in to save this search" in anonymous_page
    assert "Save this search" in signed_in_again
    assert queries > 0


def test_languages_are_never_mixed():
    JobFactory(title_es="Cocinero", title_en="Cook")

    get(Client(), "/en/jobs/")
    spanish, _ = get(Client(), "/es/jobs/")
    english, hit_queries = get(Client(), "/en/jobs/")

    assert '<html lang="es">' in spanish
    assert "Cocinero" in spanish and "Cook" not in spanish
    assert '<html lang="en">' in english
    assert "Cook" in english and "Cocinero" not in english
    assert hit_queries == 0


def test_each_visitor_gets_their_own_csrf_token_and_it_works():
    JobFactory()
    first = Client(enforce_csrf_checks=True)
    second = Client(enforce_csrf_checks=True)

    first_token = TOKEN.search(get(first, LIST)[0]).group(1)
    second_page, queries = get(second, LIST)
    second_token = TOKEN.search(second_page).group(1)

    assert queries == 0
    assert first_token != second_token
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    for visitor, token in ((first, first_token), (second, second_token)):
        response = visitor.post(
            "/i18n/setlang/", {"language": "es", "next": LIST, "csrfmiddlewaretoken": token}
        )
        assert response.status_code == 302
    refused = second.post(
        "/i18n/setlang/", {"language": "es", "next": LIST, "csrfmiddlewaretoken": first_token}
    )
    assert refused.status_code == 403


def test_a_visitors_message_is_shown_to_them_only():
    job = JobFactory()
    url = job.get_absolute_url()  # in Spanish
    get(Client(), url)  # cached
    reporter = Client()

    reporter.post(f"{url}report/", {"reason": "scam"})
    with_message, _ = get(reporter, url)
    someone_else, _ = get(Client(), url)

    assert "Gracias. Nuestro equipo revisará este empleo." in with_message
    assert "Gracias" not in someone_else


def test_another_visitors_query_parameters_are_never_shown():
    JobFactory()
    get(Client(), LIST + "?q=helper&fbclid=tracking-id-of-someone")

    page, _ = get(Client(), LIST + "?q=helper")

    assert "tracking-id-of-someone" not in page


def test_a_newly_published_job_shows_at_once(changes):
    job = JobFactory(title_en="Cook", status="pending")
    assert "Cook" not in get(Client(), LIST)[0]

    with changes():
        publication_publish(actor=CuratorFactory(), item=job)

    assert "Cook" in get(Client(), LIST)[0]


@pytest.mark.parametrize("url", [LIST, "detail"])
def test_an_edited_job_shows_its_edits(url, changes):
    job = JobFactory(title_en="Cook")
    url = page_of(job) if url == "detail" else url
    assert "Cook" in get(Client(), url)[0]

    job.title_en = "Baker"
    with changes():
        job_update(actor=CuratorFactory(), job=job)

    page, _ = get(Client(), url)
    assert "Baker" in page and "Cook" not in page


def test_any_publishable_types_pages_change_on_commit_of_a_transition(changes):
    """A type without search entries too: the after_transition hook, once committed."""
    notice = Notice.objects.create(title="Open", organization=OrganizationFactory())
    before = pages_generation("testapp.notice")

    with changes() as callbacks:
        publication_publish(actor=CuratorFactory(), item=notice)
        assert pages_generation("testapp.notice") == before  # not before the commit
    assert callbacks
    assert pages_generation("testapp.notice") != before


def test_a_job_taken_down_disappears(changes):
    job = JobFactory(title_en="Cook")
    assert "Cook" in get(Client(), LIST)[0]
    get(Client(), page_of(job))

    with changes():
        publication_take_down(actor=CuratorFactory(), item=job)

    assert "Cook" not in get(Client(), LIST)[0]
    assert Client().get(page_of(job)).status_code == 404


def test_a_job_leaves_the_pages_the_day_after_its_date(monkeypatch):
    JobFactory(title_en="Cook", expires_on=timezone.localdate())
    assert "Cook" in get(Client(), LIST)[0]

    today = timezone.localdate()
    monkeypatch.setattr(timezone, "localdate", lambda *args: today + timedelta(days=1))

    assert "Cook" not in get(Client(), LIST)[0]


def test_the_expiry_task_changes_the_pages(changes):
    job = JobFactory(title_en="Cook")
    page, _ = get(Client(), page_of(job))
    assert "Cook" in page
    # Past its date, as if the day had turned (the date in the key is tested above).
    type(job).objects.filter(pk=job.pk).update(expires_on=timezone.localdate() - timedelta(1))

    with changes():
        expire_jobs()

    assert Client().get(page_of(job)).status_code == 404


def test_pages_render_fast_when_the_cache_is_down(cache_down):  # noqa: F811
    JobFactory(title_en="Cook")
    for url in (LIST, LIST + "?q=cook", FEED):
        with within(1.0):
            assert "Cook" in get(Client(), url)[0]
            assert "Cook" in get(Client(), url)[0]


def test_a_page_of_several_types_renders_again_when_any_of_them_changes(client, changes):
    """A career pathway shows jobs, trainings, credentials, pay figures and mentors: a new
    job or a new pay figure is on it at once."""
    from apps.certifications.pay import pay_figures_refresh

    url = "/en/careers/pathways/construction/"
    JobFactory(category="construction", title_en="Roofer helper")
    first, _queries = get(client, url)
    again, queries = get(client, url)
    assert queries == 0 and TOKEN.sub("", again) == TOKEN.sub("", first)
    assert "Roofer helper" in first
    with changes():
        JobFactory(category="construction", title_en="Drywall installer")
    assert "Drywall installer" in get(client, url)[0]
    _cached, queries = get(client, url)
    assert queries == 0
    with changes():
        pay_figures_refresh()
    assert get(client, url)[1] > 0  # the pay figures changed: rendered again
