"""Search semantics. The same tests run on SQLite and, in CI, on PostgreSQL (where the stored
GIN-indexed column is used), so both backends must give the same results."""

import ast
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.core.indexing import search_entries
from apps.core.mixins import CappedPaginator
from apps.core.search import RESULTS_CAP, normalise, query_terms
from apps.jobs.filters import JobFilters
from apps.jobs.forms import JobFilterForm
from apps.jobs.models import Job, JobSearchEntry
from apps.jobs.selectors import jobs_for, jobs_matching, jobs_search
from apps.jobs.views import JobListView
from tests.jobs.factories import JobFactory
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def titles(query: str, **filters) -> list[str]:
    entries = jobs_search(JobFilters.build(q=query, sort="relevance", **filters))
    return [job.title_es or job.title_en for job in jobs_for(entries)]


@pytest.fixture
def corpus():
    JobFactory(
        title_es="Cocinero de línea", title_en="", description_es="Cocina caliente y parrilla."
    )
    JobFactory(title_es="", title_en="Line cook", description_en="Grill and prep cooks wanted.")
    JobFactory(
        title_es="Ayudante de información", title_en="", description_es="Atención al público."
    )
    JobFactory(
        title_es="Limpieza de oficinas", title_en="", description_es="Se busca cocinero ocasional."
    )
    JobFactory(
        title_es="Chofer de reparto",
        title_en="Delivery driver",
        description_es="Licencia de manejo.",
        description_en="Driver license.",
    )


def test_text_is_normalised_without_accents_or_stop_words():
    assert normalise("Información de la Señora") == ["informacion", "senora"]


def test_query_words_match_in_either_language():
    assert query_terms("cocineros")[0] >= {"cociner"}
    assert query_terms("cooks")[0] >= {"cook"}


def test_accentless_query_finds_accented_text(corpus):
    assert titles("informacion") == ["Ayudante de información"]


def test_spanish_plural_finds_singular_and_title_matches_rank_first(corpus):
    assert titles("cocineros") == ["Cocinero de línea", "Limpieza de oficinas"]


def test_english_plural_finds_singular(corpus):
    assert titles("cooks") == ["Line cook"]


def test_every_word_must_match(corpus):
    assert titles("chofer licencia") == ["Chofer de reparto"]
    assert titles("chofer parrilla") == []


def test_unknown_words_find_nothing_and_empty_queries_find_everything(corpus):
    assert titles("astronauta") == []
    assert len(titles("   ")) == Job.objects.count()


def test_only_published_jobs_have_a_search_entry(corpus):
    from apps.core.services import publication_archive
    from tests.accounts.factories import CuratorFactory

    draft = JobFactory(title_es="Cocinero borrador", status="draft")
    job = Job.objects.get(title_es="Cocinero de línea")
    publication_archive(actor=CuratorFactory(), item=job)

    assert not hasattr(Job.objects.get(pk=draft.pk), "search_entry")
    assert titles("cocinero") == ["Limpieza de oficinas"]


def test_search_combines_with_filters(corpus):
    assert titles("cook", authorization=("ead",)) == []
    assert titles("cook", authorization=("open",)) == ["Line cook"]


@pytest.mark.postgres
def test_postgresql_uses_the_gin_index_of_the_stored_terms(corpus):
    sql = str(jobs_matching(JobFilters.build(q="cocinero")).query)
    assert '"jobs_jobsearchentry"."search_body" @@ to_tsquery' in sql
    assert "to_tsvector" not in sql  # never a vector computed per row at query time
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'jobs_jobsearchentry_search_%'"
        )
        # Each holds the facets too (tests/core/test_search_generic.py checks them).
        assert sorted(row[0].split(" USING ")[1][:32] for row in cursor.fetchall()) == [
            "gin (search_body, array_to_tsvec",
            "gin (search_title, array_to_tsve",
        ]
        # The terms are stored once, as the vectors (no text, no generated copies).
        cursor.execute(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_name = 'jobs_jobsearchentry' AND data_type IN ('text', 'tsvector')"
        )
        assert sorted(cursor.fetchall()) == [
            ("search_body", "tsvector"),
            ("search_title", "tsvector"),
        ]
        # ANALYZE keeps the frequencies of enough terms to plan a rare word as rare.
        cursor.execute(
            "SELECT attname, attstattarget FROM pg_attribute"
            " WHERE attrelid = 'jobs_jobsearchentry'::regclass AND attname LIKE 'search_%%'"
        )
        assert sorted(cursor.fetchall()) == [("search_body", 1000), ("search_title", 1000)]


def publish_many(count: int) -> None:
    """`count` published jobs at once, newest first by a minute each (as the bench does)."""
    organization, now = OrganizationFactory(), timezone.now()
    jobs = Job.objects.bulk_create(
        JobFactory.build(organization=organization, published_at=now - timedelta(minutes=n))
        for n in range(count)
    )
    JobSearchEntry.objects.bulk_create(map(search_entries["jobs.job"].entry_for, jobs))


def test_a_list_past_the_cap_says_more_than_the_cap_in_each_language(client):
    publish_many(RESULTS_CAP + 1)

    # Numbers are written as in the United States and Mexico (portal/formats/es).
    assert "Más de 1,000 empleos encontrados" in client.get("/es/jobs/").content.decode()
    assert "More than 1,000 jobs found" in client.get("/en/jobs/").content.decode()

    # Its pages end at the cap: page 50 of 20 holds the 1,000th and says how to see others.
    last = client.get("/en/jobs/?page=50")
    assert len(last.context["jobs"]) == 20
    assert "Page 50 of 50" in last.content.decode()
    assert "Only the first 1,000 results are shown." in last.content.decode()
    past = client.get("/es/jobs/?page=51").content.decode()
    assert "No hay página 51 de estos resultados; se muestra la página 50." in past
    assert "Solo se muestran los primeros 1,000 resultados." in past


@pytest.mark.postgres
def test_a_word_in_far_more_jobs_than_the_cap_says_more_than_the_cap_in_each_language(
    client, monkeypatch
):
    """The statistics of the word put it in twice the cap or more (apps.core.search
    BestMatches): the list says "more than" without counting, and its page is the page of
    all the matches ranked."""
    monkeypatch.setattr(CappedPaginator, "cap", 4)
    monkeypatch.setattr("apps.core.search.RESULTS_CAP", 4)
    monkeypatch.setattr(JobListView, "paginate_by", 2)
    publish_many(60)  # every title says "Ayudante general" / "General helper"
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE jobs_jobsearchentry")

    with CaptureQueriesContext(connection) as captured:
        english = client.get("/en/jobs/?q=helper&page=2")
    assert "More than 4 jobs found" in english.content.decode()
    # Its walk stopped at the page's end (BestMatches._statement): none counted them all.
    walks = [query["sql"] for query in captured if 'FROM "jobs_jobsearchentry"' in query["sql"]]
    assert len(walks) == 1 and '"top_met" <= 4' in walks[0]
    assert "Page 2 of 2" in english.content.decode()
    newest = expected()
    assert [job.pk for job in english.context["jobs"]] == newest[2:4]
    spanish = client.get("/es/jobs/?q=ayudante")
    assert "Más de 4 empleos encontrados" in spanish.content.decode()
    assert [job.pk for job in spanish.context["jobs"]] == newest[:2]


@pytest.mark.postgres
def test_words_by_pay_far_past_the_cap_walk_the_pay_index_and_few_matches_are_read(
    client, monkeypatch
):
    """A common word by pay read and sorted all its matches: 42,000 at 1,000,000 jobs (11
    ms). Estimated far past the cap, its page comes from a walk through the pay index
    that stops at the page's end, as newest first does, and is not counted. A rare word is
    read from the words' index and sorted: walking the pay index for it, PostgreSQL (which
    takes a word ANALYZE did not list for one entry in a thousand) read all 1,000,000 jobs
    to find 100 (540 ms)."""
    from apps.core.search import _read_in_order

    monkeypatch.setattr(CappedPaginator, "cap", 4)
    monkeypatch.setattr(JobListView, "paginate_by", 2)
    publish_many(60)  # every title says "Ayudante general" / "General helper"
    rare = JobFactory(title_es="Apicultor", title_en="Beekeeper", pay_min=30, pay_max=None)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE jobs_jobsearchentry")
        # As PostgreSQL plans a table of thousands: from the index, where one gives the order.
        cursor.execute("SET LOCAL enable_sort = off")
    assert _read_in_order(JobSearchEntry.objects.all(), ('"pay_per_hour" DESC NULLS LAST',))
    assert not _read_in_order(JobSearchEntry.objects.all(), ('"latitude" DESC',))

    with CaptureQueriesContext(connection) as captured:
        page = client.get("/en/jobs/?q=helper&sort=pay&page=2")
    assert "More than 4 jobs found" in page.content.decode()
    walked = r'NULLS LAST, "published_at" DESC, "job_id" DESC LIMIT \d+\) AS "jobs_'
    walks = [query["sql"] for query in captured if re.search(walked, query["sql"])]
    assert len(walks) == 1 and "COUNT(" not in walks[0]  # _WalkedTable, uncounted
    by_pay = expected(matches=lambda job: job != rare, first=lambda job: -pay(job))
    assert [job.pk for job in page.context["jobs"]] == by_pay[2:4]
    asked = 'EXPLAIN (FORMAT JSON) SELECT * FROM "jobs_jobsearchentry" ORDER BY'
    assert sum(asked in query["sql"] for query in captured) == 1  # _read_in_order
    # Another search by pay: whether an index gives the order was asked for the table.
    with CaptureQueriesContext(connection) as captured:
        page = client.get("/en/jobs/?q=general&sort=pay&page=2")
    assert [job.pk for job in page.context["jobs"]] == by_pay[2:4]
    assert not any(asked in query["sql"] for query in captured)

    with CaptureQueriesContext(connection) as captured:
        page = client.get("/en/jobs/?q=beekeeper&sort=pay")
    assert [job.pk for job in page.context["jobs"]] == [rare.pk]
    assert "1 job found" in page.content.decode()
    counted = [query["sql"] for query in captured if "COUNT(" in query["sql"]]
    # Sorted by an expression no index gives: the matches are read, not walked.
    assert len(counted) == 1 and 'COALESCE("jobs_jobsearchentry"."pay_per_hour",' in counted[0]


def test_a_list_within_the_cap_counts_exactly(client):
    publish_many(21)

    page = client.get("/es/jobs/?page=2").content.decode()
    assert "21 empleos encontrados" in page
    assert "Página 2 de 2" in page
    assert "Solo se muestran" not in page


@pytest.fixture
def varied():
    """Jobs that differ in everything the page filters and sorts on, more than a page of
    them; two were published at the same moment (the newest-first order breaks the tie)."""
    organization, now = OrganizationFactory(), timezone.now()
    for n in range(45):
        JobFactory(
            organization=organization,
            title_es=["Ayudante de cocina", "Cajero", "Pintor"][n % 3] + f" {n}",
            title_en="",
            description_es="Buscamos ayudante." if n % 5 == 0 else "Trabajo estable.",
            work_authorization=["open", "ead", "required", "unclear"][n % 4],
            category=["food", "warehouse", "cleaning"][n % 7 % 3],
            pay_min=15 + n % 6,
            pay_max=None if n % 4 == 1 else 16 + n % 9,
            published_at=now - timedelta(hours=n if n != 10 else 9),
            zip_code=ZIPS[n % 5],
        )


# Where the varied jobs are, and how far each is from 60623 (in miles, rounded).
ZIPS = ["60623", "60007", "90001", "60629", "60623"]
MILES_FROM_60623 = {"60623": 0, "60629": 5, "60007": 18, "90001": 1750}


def expected(*, matches=lambda job: True, first=lambda job: 0) -> list[int]:
    """The jobs that the page should list, by a search's definition and in Python: those
    that `matches` keeps, ordered by `first`, then newest first (the later id among equals)."""
    jobs = [job for job in Job.objects.order_by("-published_at", "-pk") if matches(job)]
    return [job.pk for job in sorted(jobs, key=first)]


def listed(client, query: str) -> list[int]:
    """The jobs the page lists for `query`, page after page."""
    ids, page = [], 1
    while True:
        response = client.get(f"/en/jobs/?{query}&page={page}")
        ids += [job.pk for job in response.context["jobs"]]
        if not response.context["page_obj"].has_next():
            return ids
        page += 1


def helper_in_title(job: Job) -> bool:
    return job.title_es.startswith("Ayudante")


def helper(job: Job) -> bool:
    return helper_in_title(job) or "ayudante" in job.description_es


def pay(job: Job) -> int:
    return job.pay_max or job.pay_min


@pytest.mark.parametrize(
    ("query", "definition"),
    [
        ("", {}),
        (
            "authorization=open&authorization=ead",
            {"matches": lambda job: job.work_authorization in ("open", "ead")},
        ),
        ("category=food", {"matches": lambda job: job.category == "food"}),
        ("min_pay=20", {"matches": lambda job: pay(job) >= 20}),
        ("sort=pay", {"first": lambda job: -pay(job)}),
        # A word in the title ranks before the same word in the description alone.
        ("q=ayudante", {"matches": helper, "first": lambda job: not helper_in_title(job)}),
        ("q=ayudante&sort=newest", {"matches": helper}),
        (
            "q=ayudante&authorization=open&sort=pay",
            {
                "matches": lambda job: helper(job) and job.work_authorization == "open",
                "first": lambda job: -pay(job),
            },
        ),
        # Words near a place with labels: PostgreSQL finds them by their facets.
        (
            "q=ayudante&authorization=open&authorization=ead&zip=60623&radius=10",
            {
                "matches": lambda job: (
                    helper(job)
                    and job.work_authorization in ("open", "ead")
                    and MILES_FROM_60623[job.zip_code] <= 10
                ),
                "first": lambda job: not helper_in_title(job),
            },
        ),
        (
            "q=ayudante&category=food&zip=60623&radius=25&sort=nearest",
            {
                "matches": lambda job: (
                    helper(job) and job.category == "food" and MILES_FROM_60623[job.zip_code] <= 25
                ),
                "first": lambda job: MILES_FROM_60623[job.zip_code],
            },
        ),
        (
            "q=cajero&zip=60623&radius=25",
            {"matches": lambda job: "Cajero" in job.title_es and job.zip_code != "90001"},
        ),
    ],
)
def test_filters_sorts_and_pages_list_what_the_search_defines(client, varied, query, definition):
    assert listed(client, query) == expected(**definition) != []


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=cocinero",
        # A saved search as the form writes it: every filter at once.
        "authorization=ead&authorization=open&category=food&language=spanish&min_pay=15.50"
        "&posted=7&q=ayudante+de+cocina&radius=10&type=full_time&workplace=onsite&zip=60623",
        "zip=60623",  # the default radius
        "radius=10",  # no radius without a place
        # What no longer holds since the search was saved is left out, as the page does.
        "authorization=open&authorization=gone",
        "category=spaceflight&type=full_time&type=gig",
        "zip=00000&radius=10",
        "min_pay=-3",
        "min_pay=1.234",
        "min_pay=abc&posted=2&radius=900",
        "radius=%C2%B2&zip=60623",  # a superscript two is a digit to Python, not a number
        "q=" + "x" * 201,
        "sort=nearest&zip=60623",
    ],
)
def test_a_saved_search_reads_its_query_as_the_search_page_reads_its_url(query):
    page = JobFilterForm(QueryDict(query)).filters()
    assert JobFilters.parse(query, sort="newest") == replace(page, sort="newest")


# Which of Camino's modules a module may not import, even inside a function: a model does
# not call services, and the code that writes and reads takes typed filters, not a form.
NOT_IMPORTED = {
    "models.py": ".services",
    "services.py": ".forms",
    "selectors.py": ".forms",
    "filters.py": ".forms",
    "digest.py": ".forms",
}


def test_models_import_no_services_and_services_no_forms():
    wrong = []
    for path in sorted(Path(settings.BASE_DIR, "apps").glob("*/*.py")):
        forbidden = NOT_IMPORTED.get(path.name)
        if forbidden is None:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            wrong += [
                f"{path.parent.name}/{path.name} imports {name}"
                for name in names
                if name.startswith("apps.") and name.endswith(forbidden)
            ]
    assert wrong == []
