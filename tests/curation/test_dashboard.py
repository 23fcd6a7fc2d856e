"""Curation's dashboard (apps/curation/dashboard.py, figures in apps/*/figures.py and
apps/core/dashboard.py): each figure right on a small known data set as the periodic task
stores it, weeks with nothing at 0, the median, no person on the page or in a CSV, the page
reading only what is stored, and a query count that does not grow."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.core.dashboard import Period, dashboard_figures, report_models
from apps.core.models import AuditEntry, Report
from apps.curation.dashboard import (
    DEFAULT_WEEKS,
    MAX_WEEKS,
    dashboard_figures_stored,
    figures_refresh,
)
from apps.curation.models import FigureValue
from apps.events.models import Registration
from apps.jobs.models import JobReport
from apps.mentorship.models import Match, MatchReport
from apps.notifications.models import Delivery
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.core.test_resilience import _forget_failures, cache_down  # noqa: F401 (fixtures)
from tests.events.factories import EventFactory
from tests.jobs.factories import JobFactory
from tests.mentorship.factories import MentorFactory
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

WEEKS = 4


@pytest.fixture
def weeks():
    """The dashboard's last four weeks: [(start, end)], the current week last."""
    return Period(weeks=WEEKS, today=timezone.localdate()).bounds()


def stored(key: str, weeks: int = WEEKS) -> list:
    """A figure's rows over the last `weeks` weeks, as stored now."""
    return next(t.rows for t in dashboard_figures_stored(weeks).tables if t.key == key)


def figure(key: str) -> list:
    """A figure's rows over the last four weeks, as the periodic task stores them."""
    figures_refresh()
    return stored(key)


def values(key: str) -> list:
    return [row[1] for row in figure(key)]


def audit(item, action: str, when) -> None:
    AuditEntry.objects.create(subject=item, action=action, created_at=when)


def test_submissions_and_decisions_per_week_from_the_audit_log(weeks):
    first, second = JobFactory(), JobFactory()
    hour = timedelta(hours=1)
    audit(first, "submit", weeks[0][0] + hour)
    audit(first, "reject", weeks[0][0] + 2 * hour)
    audit(first, "submit", weeks[2][0] + hour)
    audit(first, "publish", weeks[2][0] + 2 * hour)
    audit(second, "renew with changes", weeks[2][0] + hour)
    audit(second, "edit", weeks[2][0] + hour)  # not counted
    audit(second, "submit", weeks[0][0] - hour)  # before the period
    rows = figure("review")
    assert [row[0] for row in rows] == [start.date() for start, _end in weeks]
    assert [row[1] for row in rows] == [[1, 0, 1], [0, 0, 0], [2, 1, 0], [0, 0, 0]]


# The median is PostgreSQL's percentile_cont; on SQLite the figure is empty (Median).
@pytest.mark.postgres
def test_median_days_from_the_last_submission_to_the_decision(weeks):
    day, start = timedelta(days=1), weeks[1][0] + timedelta(hours=1)
    two, four, resent, own = JobFactory(), JobFactory(), JobFactory(), JobFactory()
    audit(two, "submit", start)
    audit(two, "publish", start + 2 * day)
    audit(four, "submit", start)
    audit(four, "reject", start + 4 * day)
    # Sent twice: the wait is counted from the second time.
    audit(resent, "submit", weeks[0][0])
    audit(resent, "submit", start)
    audit(resent, "publish", start + day)
    audit(own, "publish", start)  # staff published it without a review: no wait
    assert values("decision_time") == [[None], [2.0], [None], [None]]


def test_seekers_who_signed_up_leave_out_staff_and_partners(weeks):
    UserFactory(date_joined=weeks[1][0] + timedelta(hours=2))
    UserFactory(date_joined=weeks[3][0] + timedelta(hours=2), is_active=False)
    UserFactory(date_joined=weeks[3][0] + timedelta(hours=3))
    CuratorFactory(date_joined=weeks[3][0] + timedelta(hours=2))
    MembershipFactory(user=UserFactory(date_joined=weeks[3][0] + timedelta(hours=2)))
    assert values("seekers") == [[0, 0], [1, 1], [0, 0], [2, 1]]


def delivery(kind: str, when, status: str, error: str = "") -> Delivery:
    return Delivery.objects.create(
        key=f"{kind}:{when.isoformat()}:{status}:{Delivery.objects.count()}",
        recipient=UserFactory(), kind=kind, status=status, created_at=when, last_error=error,
    )  # fmt: skip


def test_alerts_and_digests_sent_and_failed(weeks):
    when = weeks[2][0] + timedelta(hours=5)
    delivery("job_alert", when, "sent")
    delivery("job_alert", when, "sent")
    delivery("job_alert", when, "pending", error="SMTPServerDisconnected()")
    delivery("job_alert", when, "pending")  # waiting: not failed
    delivery("job_alert", when, "dropped", error="old")  # no longer relevant
    delivery("weekly_digest", weeks[3][0], "sent")
    delivery("event_reminder", when, "sent")  # another kind
    assert values("job_alerts") == [[0, 0], [0, 0], [2, 1], [0, 0]]
    assert values("digests") == [[0, 0], [0, 0], [0, 0], [1, 0]]


def test_event_attendance_by_the_week_the_event_took_place(weeks):
    event = EventFactory(
        starts_at=weeks[1][0] + timedelta(hours=10), status="expired", published_at=weeks[0][0]
    )
    for status in ("attended", "attended", "registered", "cancelled", "waiting"):
        Registration.objects.create(event=event, user=UserFactory(), status=status)
    draft = EventFactory(starts_at=weeks[1][0] + timedelta(hours=10), status="draft")
    Registration.objects.create(event=draft, user=UserFactory(), status="attended")
    coming = EventFactory(starts_at=weeks[3][1] + timedelta(days=2))  # after this week
    Registration.objects.create(event=coming, user=UserFactory(), status="registered")
    assert values("attendance") == [[0, 0], [3, 2], [0, 0], [0, 0]]


def test_matches_active_at_the_end_of_each_week(weeks):
    def match(started, ended=None, status="active"):
        return Match.objects.create(
            mentor=MentorFactory(), mentee=UserFactory(), status=status, started_at=started,
            ended_at=ended,
        )  # fmt: skip

    match(weeks[0][0] - timedelta(days=30))  # on all along
    match(weeks[1][0] + timedelta(hours=1), weeks[2][0] + timedelta(hours=1), "completed")
    match(weeks[3][0] + timedelta(hours=1))
    Match.objects.create(mentor=MentorFactory(), mentee=UserFactory(), status="requested")
    assert values("matches") == [[1, 0], [2, 1], [1, 0], [2, 1]]


def test_open_reports_of_every_kind_and_their_age():
    now = timezone.now()
    job = JobFactory()
    JobReport.objects.create(job=job, reason="scam", created_at=now - timedelta(days=10))
    JobReport.objects.create(job=job, reason="scam", created_at=now - timedelta(days=2))
    JobReport.objects.create(job=job, reason="scam", resolved_at=now)  # handled
    MatchReport.objects.create(reporter_side="mentee", reason="money")
    rows = {str(label): numbers for label, numbers in figure("reports")}
    assert rows == {
        "denuncias": [2, 1, 10],
        "denuncias de conducta": [1, 0, 0],
        "denuncias sobre proveedores de ayuda legal": [0, 0, 0],
    }


def test_every_kind_of_report_is_counted():
    """A new Report type that forgets to declare itself would be missing from the figure."""
    from django.apps import apps

    concrete = {model for model in apps.get_models() if issubclass(model, Report)}
    assert concrete | {MatchReport} == set(report_models)


def test_translation_gaps_per_type():
    JobFactory(description_en="")
    JobFactory(title_es="", status="pending")
    JobFactory(title_en="", status="draft")  # not listed nor waiting for review
    JobFactory()
    rows = {str(label): numbers for label, numbers in figure("translations")}
    assert rows["empleos"] == [1, 1]


def test_stale_items_per_checked_type():
    from apps.core.verification import checked_types

    rows = figure("stale")
    assert [str(label) for label, _numbers in rows] == [str(kind.title) for kind in checked_types]
    assert all(numbers == [0] for _label, numbers in rows)


@pytest.fixture
def staff_client(client):
    client.force_login(CuratorFactory())
    return client


def test_the_page_draws_each_figure_with_its_table_and_csv(staff_client, weeks):
    audit(JobFactory(), "submit", weeks[3][0] + timedelta(hours=1))
    figures_refresh()
    response = staff_client.get("/es/curation/dashboard/?weeks=4")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<svg") == len(dashboard_figures) == page.count("<table")
    assert page.count('class="chart-series-1"') >= 4
    for key, _figure in dashboard_figures.items():
        assert f"/es/curation/dashboard/{key}.csv?weeks=4" in page
    assert "Enviado a revisión" in page


def test_no_person_is_shown(staff_client, weeks):
    person = UserFactory(email="rosa.secret@example.org", display_name="Rosa Secreta")
    job = JobFactory(title_en="Secret helper job")
    AuditEntry.objects.create(
        subject=job, action="submit", actor=person, note="Rosa's note",
        created_at=weeks[3][0] + timedelta(hours=1),
    )  # fmt: skip
    JobReport.objects.create(job=job, reporter=person, reason="scam", details="Rosa says")
    figures_refresh()
    page = staff_client.get("/es/curation/dashboard/").content.decode()
    csvs = "".join(
        staff_client.get(f"/es/curation/dashboard/{key}.csv").content.decode()
        for key, _figure in dashboard_figures.items()
    )
    for text in ("Rosa", "rosa.secret", "Secret helper job"):
        assert text not in page
        assert text not in csvs


def test_csv_has_the_same_numbers_as_the_table(staff_client, weeks):
    first = JobFactory()
    audit(first, "submit", weeks[0][0] + timedelta(hours=1))
    audit(first, "publish", weeks[2][0] + timedelta(hours=1))
    figures_refresh()
    response = staff_client.get("/es/curation/dashboard/review.csv?weeks=4")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["Semana que empieza", "Enviado a revisión", "Publicado", "Rechazado"],
        *([start.date().isoformat(), *counts] for (start, _end), counts in zip(
            weeks, [["1", "0", "0"], ["0", "0", "0"], ["0", "1", "0"], ["0", "0", "0"]],
            strict=True)),
    ]  # fmt: skip


def test_csv_cells_are_never_formulas(staff_client):
    from apps.core.spreadsheets import spreadsheet_safe

    assert spreadsheet_safe('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert spreadsheet_safe("@SUM(1)") == "'@SUM(1)"
    assert spreadsheet_safe("Empleos") == "Empleos"


def test_an_unknown_figure_is_not_found(staff_client):
    assert staff_client.get("/es/curation/dashboard/nothing.csv").status_code == 404


@pytest.mark.parametrize("weeks_asked", ["abc", "0", "53", "-1", "9" * 30])
def test_bad_weeks_keep_what_was_typed_and_say_why(staff_client, weeks_asked):
    response = staff_client.get(f"/es/curation/dashboard/?weeks={weeks_asked}")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="message message--error"' in page
    assert f'value="{weeks_asked}"' in page
    # The default period is shown meanwhile.
    assert response.context["weeks"] == DEFAULT_WEEKS
    csv_response = staff_client.get(f"/es/curation/dashboard/review.csv?weeks={weeks_asked}")
    assert csv_response.status_code == 200


def test_the_page_shows_the_stored_numbers_and_when_they_were_computed(staff_client, weeks):
    audit(JobFactory(), "submit", weeks[3][0] + timedelta(hours=1))
    figures_refresh()
    FigureValue.objects.update(computed_at=weeks[3][0] + timedelta(hours=14, minutes=5))
    # Done after the run: the page shows it only once the task has run again.
    audit(JobFactory(), "submit", weeks[3][0] + timedelta(hours=2))
    page = staff_client.get("/en/curation/dashboard/?weeks=4").content.decode()
    assert "Figures as of" in page and "14:05" in page
    assert this_week("review", page) == ["1", "0", "0"]
    figures_refresh()
    # A new computation: the drawing kept in the cache is not shown again.
    page = staff_client.get("/en/curation/dashboard/?weeks=4").content.decode()
    assert "14:05" not in page
    assert this_week("review", page) == ["2", "0", "0"]


def this_week(key: str, page: str) -> list[str]:
    """The numbers of a weekly figure's last row (this week) in the page's table."""
    table = re.search(rf'<table id="table-{key}">(.*?)</table>', page, re.S)
    last_row = re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)[-1]
    return re.findall(r'<td class="number">([^<]*)</td>', last_row)


def test_a_fresh_install_says_that_nothing_is_computed_yet(staff_client):
    response = staff_client.get("/es/curation/dashboard/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Todavía no hay cifras" in page
    assert "<svg" not in page
    assert staff_client.get("/es/curation/dashboard/review.csv").status_code == 200


def test_the_first_run_stores_every_week_and_a_run_again_changes_nothing(weeks):
    first = JobFactory()
    audit(first, "submit", weeks[0][0] + timedelta(hours=1))
    count = figures_refresh()  # nothing stored yet: all the weeks, though not asked
    assert FigureValue.objects.filter(figure="review").values("week").distinct().count() == (
        MAX_WEEKS
    )
    numbers = set(FigureValue.objects.values_list("figure", "series", "column", "week", "value"))
    assert figures_refresh(full=True) == count
    again = set(FigureValue.objects.values_list("figure", "series", "column", "week", "value"))
    assert again == numbers
    assert FigureValue.objects.count() == count


def test_a_periodic_run_computes_the_recent_weeks_and_the_nightly_one_all(weeks):
    figures_refresh()
    # Late entries in an old week and in this one.
    audit(JobFactory(), "submit", weeks[0][0] + timedelta(hours=1))
    audit(JobFactory(), "submit", weeks[3][0] + timedelta(hours=1))
    JobReport.objects.create(job=JobFactory(), reason="scam")
    figures_refresh()
    assert [row[1][0] for row in stored("review")] == [0, 0, 0, 1]
    assert dict((str(label), n) for label, n in stored("reports"))["denuncias"][0] == 1
    figures_refresh(full=True)
    assert [row[1][0] for row in stored("review")] == [1, 0, 0, 1]


def test_the_refresh_runs_in_the_one_schedule_often_and_nightly_in_full():
    from portal.celery import app

    entries = [e for e in app.conf.beat_schedule.values() if e["task"].endswith("dashboard")]
    assert [entry.get("kwargs", {}) for entry in entries] == [{}, {"full": True}]
    assert entries[0]["schedule"] == 15 * 60


@pytest.mark.redis
@pytest.mark.postgres
def test_a_real_worker_stores_the_figures(celery_worker, weeks):
    from apps.curation.tasks import refresh_dashboard
    from tests.worker import wait_for

    audit(JobFactory(), "publish", weeks[3][0] + timedelta(hours=1))
    refresh_dashboard.delay()
    wait_for(
        lambda: FigureValue.objects.filter(figure="review", column=1, value=1).exists(),
        what="the worker to store the dashboard's figures",
    )
    assert stored("review")[-1][1] == [0, 1, 0]


def test_the_query_count_does_not_grow_with_the_data(client, weeks, assert_query_count):
    client.force_login(CuratorFactory())
    start = weeks[0][0] + timedelta(hours=1)

    def grow(n: int) -> None:
        for i in range(n):
            job = JobFactory(description_en="" if i % 2 else "Text")
            audit(job, "submit", start + timedelta(days=i % 20))
            audit(job, "publish", start + timedelta(days=i % 20, hours=3))
            JobReport.objects.create(job=job, reason="scam")
            UserFactory(date_joined=start + timedelta(days=i % 20))
            delivery("job_alert", start + timedelta(days=i % 20), "sent")
            event = EventFactory(starts_at=start + timedelta(days=i % 20))
            Registration.objects.create(event=event, user=UserFactory(), status="attended")
            Match.objects.create(mentor=MentorFactory(), mentee=UserFactory(), status="active",
                                 started_at=start)  # fmt: skip
        figures_refresh(full=True)

    assert_query_count("/es/curation/dashboard/?weeks=4", QUERIES, grow)


# The session, the user, the curator check... and one for every stored figure.
QUERIES = 5


@pytest.mark.usefixtures("cache_down")
def test_the_dashboard_is_shown_when_redis_is_down(client, weeks):
    """It reads the figures from PostgreSQL only: staff see them with Redis down."""
    client.force_login(CuratorFactory())
    audit(JobFactory(), "submit", weeks[3][0] + timedelta(hours=1))
    figures_refresh()
    response = client.get("/es/curation/dashboard/?weeks=4")
    assert response.status_code == 200
    assert "Enviado a revisión" in response.content.decode()
    rows = list(csv.reader(io.StringIO(
        client.get("/es/curation/dashboard/review.csv?weeks=4").content.decode()
    )))  # fmt: skip
    assert rows[-1][1:] == ["1", "0", "0"]
