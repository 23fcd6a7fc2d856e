"""The demo: its data (apps/*/demo/*.json, loaded by `manage.py load_demo`) and how
`make run` serves it."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.http import QueryDict

from apps.accounts.roles import is_curator
from apps.core.demo_data import demo_files
from apps.core.models import AuditEntry, PublicationStatus
from apps.jobs.forms import JobFilterForm
from apps.jobs.models import Category, Job, JobReport, PayUnit, SavedSearch, WorkAuthorization
from apps.jobs.services import job_alerts_queue
from apps.notifications.models import Delivery

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "camino-demo-2026"


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", force=True, stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"accounts", "account", "organizations", "jobs", "core"}
    }


@pytest.fixture
def demo():
    load_demo()


def test_the_data_is_files_of_each_app_in_installed_apps_order():
    assert [(path.parent.parent.name, path.name) for path in demo_files()] == [
        ("accounts", "accounts.json"),
        ("organizations", "organizations.json"),
        ("jobs", "jobs.json"),
        ("jobs", "seekers.json"),
    ]


def test_loading_twice_duplicates_nothing(demo):
    before = row_counts()

    output = load_demo()

    assert row_counts() == before
    assert before["jobs.Job"] >= 80
    assert "jobs.Job: 0 created, " in output


def test_jobs_reach_their_status_through_the_workflow(demo):
    statuses = set(Job.objects.values_list("status", flat=True))
    assert {
        PublicationStatus.PUBLISHED,
        PublicationStatus.PENDING,
        PublicationStatus.DRAFT,
        PublicationStatus.REJECTED,
    } <= statuses
    # Only published jobs are in the search, each of them.
    published = Job.objects.filter(status=PublicationStatus.PUBLISHED)
    assert published.filter(search_entry__isnull=True).count() == 0
    assert (
        Job.objects.exclude(status=PublicationStatus.PUBLISHED)
        .filter(search_entry__isnull=False)
        .count()
        == 0
    )
    # A partner's job: created and submitted by the partner, published by staff, in the past.
    job = Job.objects.get(title_en="Line cook for banquets")
    history = AuditEntry.objects.filter(object_id=job.pk, content_type__model="job")
    assert [(entry.action, entry.actor.email) for entry in history.order_by("created_at")] == [
        ("create", "ana@example.org"),
        ("submit", "ana@example.org"),
        ("publish", "staff@example.org"),
    ]
    rejected = Job.objects.get(status=PublicationStatus.REJECTED)
    assert rejected.review_note and rejected.created_by.email == "luis@example.org"
    # The past is not emailed again: loading queues no publication notices.
    assert not Delivery.objects.filter(kind="publication_notice").exists()


def test_demo_accounts_sign_in_with_their_roles(client, demo):
    for email in ("maria@example.org", "sam@example.org", "ana@example.org", "luis@example.org"):
        response = client.post("/en/accounts/login/", {"login": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert client.session.get("_auth_user_id"), email
        client.logout()
    staff = apps.get_model("accounts.User").objects.get(email="staff@example.org")
    assert is_curator(staff)
    assert JobReport.objects.filter(resolved_at=None).exists()


# What a newcomer tries first on the job list; each must find jobs.
FIRST_TRIED = [
    "authorization=open&zip=60608&radius=10",
    "authorization=open&zip=60623&radius=10",
    "authorization=ead&zip=60623&radius=10",
    "authorization=required&zip=60623&radius=25",
    "authorization=unclear&zip=60608&radius=25",
    "zip=60608&radius=5",
    "category=food&zip=60623&radius=10",
    "authorization=open&workplace=remote",
    "workplace=remote",
    "workplace=hybrid",
    "language=spanish&zip=60608&radius=25",
    "authorization=open&language=spanish",
    "min_pay=20",
    "type=part_time",
    "type=contract&authorization=open",
    "posted=1",
    "posted=7&zip=60608&radius=25",
    "authorization=ead&zip=77036&radius=25",
    "authorization=open&zip=90023&radius=25",
    *[f"category={category}" for category in Category.values],
]


def test_the_first_tried_searches_find_jobs(client, demo):
    empty = [
        query
        for query in FIRST_TRIED
        if not client.get(f"/es/jobs/?{query}").context["page_obj"].paginator.count
    ]
    assert empty == []


def test_the_data_covers_each_label_in_several_cities_and_every_pay_unit(demo):
    published = Job.objects.filter(status=PublicationStatus.PUBLISHED)
    for label in WorkAuthorization.values:
        cities = set(published.filter(work_authorization=label).values_list("city", flat=True))
        assert len(cities - {""}) >= 3, label
    assert set(published.values_list("pay_unit", flat=True)) >= set(PayUnit.values)


@pytest.mark.parametrize(
    ("missing", "page_language", "note"),
    [("en", "en", "Not translated yet: shown in"), ("es", "es", "Aún no está traducido")],
)
def test_one_language_jobs_show_the_fallback_note(client, demo, missing, page_language, note):
    job = Job.objects.filter(status=PublicationStatus.PUBLISHED, **{f"title_{missing}": ""})[0]

    response = client.get(f"/{page_language}{job.get_absolute_url()[3:]}")

    assert note in response.content.decode()


def test_saved_searches_are_canonical_and_alert_their_owner(demo):
    for search in SavedSearch.objects.all():
        assert JobFilterForm(QueryDict(search.query)).query_string() == search.query, search
    assert SavedSearch.objects.filter(user__email="maria@example.org").count() >= 2

    job_alerts_queue(frequency=SavedSearch.Frequency.DAILY)

    alerted = set(
        Delivery.objects.filter(kind="job_alert").values_list("recipient__email", flat=True)
    )
    assert alerted == {"maria@example.org", "sam@example.org"}
