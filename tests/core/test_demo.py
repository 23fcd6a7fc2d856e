"""The demo: its data (apps/*/demo/*.json, loaded by `manage.py load_demo`) and how
`make run` serves it."""

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from io import StringIO
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from celery.schedules import crontab
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.http import QueryDict
from django.utils import timezone

from apps.core.demo_data import demo_files
from apps.core.models import AuditEntry, PublicationStatus
from apps.core.roles import is_curator
from apps.core.scheduler import Scheduler
from apps.core.vocabulary import Category
from apps.jobs.forms import JobFilterForm
from apps.jobs.models import Job, JobReport, PayUnit, SavedSearch, WorkAuthorization
from apps.jobs.services import job_alerts_queue
from apps.notifications.models import Delivery
from portal.celery import app as celery_app

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
        if model._meta.app_label
        in {"accounts", "account", "organizations", "jobs", "events", "core"}
    }


@pytest.fixture
def demo():
    load_demo()


def test_the_data_is_files_of_each_app_in_installed_apps_order():
    files = [(path.parent.parent.name, path.name) for path in demo_files()]
    assert {
        ("accounts", "accounts.json"),
        ("organizations", "organizations.json"),
        ("jobs", "jobs.json"),
        ("jobs", "seekers.json"),
    } <= set(files)
    # Users before the organizations they belong to, before the jobs these submit.
    order = [app.path.rsplit("/", 1)[-1] for app in apps.get_app_configs()]
    assert [app for app, _name in files] == sorted((app for app, _name in files), key=order.index)
    assert files.index(("jobs", "jobs.json")) < files.index(("jobs", "seekers.json"))


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
    pending = Job.objects.filter(status=PublicationStatus.PENDING)
    assert any(job.missing_languages for job in pending)  # flagged in the staff queue
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


# --- The periodic work, run in the demo's process ------------------------------------------

T0 = datetime(2026, 3, 2, 12, 59, 30, tzinfo=UTC)  # a Monday, just before 13:00 UTC


def recording_scheduler(entries: dict) -> tuple[Scheduler, list]:
    runs: list = []
    return Scheduler(entries, now=T0, run=lambda entry: runs.append(entry["task"])), runs


def test_a_due_entry_runs_once_and_one_not_due_does_not_run():
    scheduler, runs = recording_scheduler(
        {
            "daily": {"task": "daily", "schedule": crontab(minute=0, hour=13)},
            "later": {"task": "later", "schedule": crontab(minute=5, hour=6)},
            "minute": {"task": "minute", "schedule": 60.0},
        }
    )

    assert scheduler.tick(T0 + timedelta(seconds=20)) == []  # 12:59:50
    assert scheduler.tick(T0 + timedelta(seconds=31)) == ["daily"]  # 13:00:01
    assert scheduler.tick(T0 + timedelta(seconds=36)) == []  # the next tick, same minute
    assert scheduler.tick(T0 + timedelta(seconds=61)) == ["minute"]
    assert scheduler.tick(T0 + timedelta(hours=23, seconds=31)) == ["later", "minute"]
    assert scheduler.tick(T0 + timedelta(days=1, seconds=31)) == ["daily", "minute"]
    assert runs == ["daily", "minute", "later", "minute", "daily", "minute"]


def test_a_failing_entry_does_not_stop_the_others(caplog):
    def run(entry):
        if entry["task"] == "broken":
            raise RuntimeError("broken")
        ran.append(entry["task"])

    ran: list = []
    scheduler = Scheduler(
        {"broken": {"task": "broken", "schedule": 60.0}, "fine": {"task": "fine", "schedule": 60}},
        now=T0,
        run=run,
    )

    assert scheduler.tick(T0 + timedelta(minutes=1)) == ["broken", "fine"]
    assert ran == ["fine"]
    assert "periodic task broken failed" in caplog.text


def test_the_schedule_is_celery_beats_own_and_its_tasks_run_in_process(demo):
    job = Job.objects.filter(status=PublicationStatus.PUBLISHED).first()
    Job.objects.filter(pk=job.pk).update(expires_on=timezone.localdate() - timedelta(days=1))
    monday_6am = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
    scheduler = Scheduler(celery_app.conf.beat_schedule, now=monday_6am)

    ran = scheduler.tick(monday_6am + timedelta(minutes=5, seconds=1))

    assert ran == ["sweep-deliveries", "expire-jobs", "expire-event-offers"]
    job.refresh_from_db()
    assert job.status == PublicationStatus.EXPIRED
    # Ana, whose banquet servers' listing ends in two days, is warned (an email written now).
    assert Delivery.objects.filter(kind="expiry_warning", recipient__email="ana@example.org")


def test_run_periodic_runs_an_entry_now(demo, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_periodic", "daily-job-alerts", stdout=StringIO())

    alerts = [message for message in mailoutbox if message.to == ["maria@example.org"]]
    assert alerts and "Pilsen" in alerts[0].subject + alerts[0].body


# --- What `make run` serves ----------------------------------------------------------------


def test_make_run_takes_the_port_from_a_variable():
    # As a person types it: not as a sub-make of `make test`, which would print directories.
    outside_make = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")}

    def run_line(*args: str) -> str:
        plan = subprocess.run(
            ["make", "--no-print-directory", "-n", "run", *args],
            cwd=settings.BASE_DIR, capture_output=True, text=True, env=outside_make,
        )  # fmt: skip
        return plan.stdout.strip().splitlines()[-1]

    assert run_line("PORT=8201").endswith("run_demo 127.0.0.1:8201")
    assert "CAMINO_BASE_URL=http://127.0.0.1:8201 " in run_line("PORT=8201")
    assert run_line().endswith("run_demo 127.0.0.1:8000")
    assert "DJANGO_DEBUG=false " in run_line()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urlopen(url, timeout=10) as response:  # noqa: S310 - our own test server
            return response.status, response.read().decode()
    except HTTPError as error:
        return error.code, error.read().decode()


class DemoServer:
    """`make run`'s server, started as the Makefile starts it (DEBUG off, the autoreloader
    on), on a database without tables: a page that reads the database fails, as it would on
    a real fault."""

    def __init__(self, tmp_path):
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        environment = {
            **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}},
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DJANGO_DEBUG": "false",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        }
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "run_demo", f"127.0.0.1:{port}"],
            cwd=settings.BASE_DIR, env=environment, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, start_new_session=True,
        )  # fmt: skip
        for _ in range(300):
            try:
                fetch(f"{self.url}/healthz")
                return
            except OSError:
                time.sleep(0.1)

    def stop(self) -> str:
        """Stop it (the reloader and the server it started); what it printed."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        return self.process.communicate(timeout=10)[0]


@pytest.fixture
def demo_server(tmp_path):
    server = DemoServer(tmp_path)
    yield server
    server.stop()


@pytest.mark.parametrize(
    ("lang", "not_found", "error"),
    [
        ("es", "No encontramos esa página", "Algo salió mal de nuestro lado"),
        ("en", "We could not find that page", "Something went wrong on our side"),
    ],
)
def test_the_demo_shows_caminos_own_404_and_500_pages(demo_server, lang, not_found, error):
    status, page = fetch(f"{demo_server.url}/{lang}/no-such-page/")
    assert (status, not_found in page) == (404, True)
    assert "Django" not in page

    status, page = fetch(f"{demo_server.url}/{lang}/jobs/")  # reads the database: fails
    assert (status, error in page) == (500, True)
    assert "Traceback" not in page

    status, css = fetch(f"{demo_server.url}/static/css/camino.css")
    assert status == 200 and css


def test_the_demo_starts_the_scheduler_once_under_the_autoreloader(demo_server):
    assert fetch(f"{demo_server.url}/en/no-such-page/")[0] == 404

    output = demo_server.stop()

    assert output.count("Periodic tasks run in this process: sweep-deliveries,") == 1, output
