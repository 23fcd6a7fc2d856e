"""What each kind of work pays now: worked out from the current listings by a periodic task,
never from fewer listings than the minimum, the same on PostgreSQL and in the fallback."""

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from apps.certifications import pay
from apps.certifications.models import PayFigure
from apps.certifications.pay import pay_figures_refresh, pay_statistics, percentile
from apps.core.vocabulary import Category
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def listings(category: str, *hourly: int) -> None:
    for amount in hourly:
        JobFactory(category=category, pay_min=amount, pay_max=None, pay_unit="hour")


@pytest.fixture
def fallback(monkeypatch):
    """The portable computation (SQLite's), run on this database."""
    monkeypatch.setattr(pay, "connection", SimpleNamespace(vendor="sqlite"))


def test_percentiles_interpolate_between_the_nearest_listings_as_postgresql_does():
    pays = [Decimal(value) for value in (10, 12, 15, 20, 40)]
    assert percentile(pays, 0.5) == 15
    assert percentile(pays, 0.1) == Decimal("10.8")  # 10 + (12 - 10) * 0.4
    assert percentile(pays, 0.9) == Decimal("32.0")  # 20 + (40 - 20) * 0.6
    assert percentile([Decimal(7)], 0.9) == 7
    assert percentile([Decimal(10), Decimal(11)], 0.5) == Decimal("10.5")


@pytest.mark.postgres
@pytest.mark.parametrize("computed", ["postgresql", "fallback"])
def test_median_and_middle_80_percent_from_the_listings(request, computed):
    if computed == "fallback":
        request.getfixturevalue("fallback")
    listings("construction", 10, 12, 15, 20, 40, 18)
    listings("cleaning", 16, 17)

    statistics = pay_statistics()

    count, low, median, high = statistics["construction"]
    assert count == 6
    # Ordered 10 12 15 18 20 40: the median between 15 and 18, the 10th percentile at
    # position 0.5 (between 10 and 12), the 90th at 4.5 (between 20 and 40).
    assert (low, median, high) == (Decimal("11"), Decimal("16.5"), Decimal("30"))
    assert statistics["cleaning"][0] == 2


@pytest.mark.postgres
def test_postgresql_and_the_fallback_agree(monkeypatch):
    listings("food", 15, 15.5, 16, 17.25, 19, 21, 22.5, 30)
    listings("care", 18, 19, 19, 24, 26)
    on_postgresql = pay_statistics()
    monkeypatch.setattr(pay, "connection", SimpleNamespace(vendor="sqlite"))
    in_fallback = pay_statistics()
    for category in ("food", "care"):
        expected = [round(value, 6) for value in on_postgresql[category][1:]]
        assert [round(value, 6) for value in in_fallback[category][1:]] == expected
        assert on_postgresql[category][0] == in_fallback[category][0]


def test_other_pay_periods_count_per_hour_and_piece_rates_do_not():
    JobFactory(category="cleaning", pay_min=800, pay_max=None, pay_unit="week")  # $20/h
    JobFactory(category="cleaning", pay_min=41600, pay_max=None, pay_unit="year")  # $20/h
    JobFactory(category="cleaning", pay_min=160, pay_max=None, pay_unit="day")  # $20/h
    JobFactory(category="cleaning", pay_min=120, pay_max=150, pay_unit="piece")
    JobFactory(category="cleaning", pay_min=None, pay_max=None)

    count, low, median, high = pay_statistics()["cleaning"]

    assert count == 3
    assert low == median == high == 20


def test_only_listed_jobs_count_not_drafts_pending_expired_or_taken_down():
    listings("food", 20)
    JobFactory(category="food", pay_min=99, pay_max=None, status="draft")
    JobFactory(category="food", pay_min=99, pay_max=None, status="pending")
    JobFactory(category="food", pay_min=99, pay_max=None, status="taken_down")
    JobFactory(
        category="food", pay_min=99, pay_max=None,
        expires_on=timezone.localdate() - timedelta(days=1),
    )  # fmt: skip

    assert pay_statistics()["food"] == (1, 20, 20, 20)


def test_refresh_stores_a_row_per_kind_of_work_and_hides_figures_below_the_minimum(settings):
    settings.CERTIFICATIONS_PAY_MIN_LISTINGS = 5
    listings("construction", 18, 20, 22, 25, 30)
    listings("cleaning", 16, 17, 18, 19)

    assert pay_figures_refresh() == 1

    figures = {figure.category: figure for figure in PayFigure.objects.all()}
    assert set(figures) == set(Category.values)
    construction = figures["construction"]
    assert (construction.listings, construction.median) == (5, Decimal("22.00"))
    assert (construction.low, construction.high) == (Decimal("18.80"), Decimal("28.00"))
    cleaning = figures["cleaning"]
    assert cleaning.listings == 4
    assert cleaning.median is cleaning.low is cleaning.high is None
    assert figures["beauty"].listings == 0 and figures["beauty"].median is None


def test_refresh_follows_the_listings_as_they_change(settings):
    settings.CERTIFICATIONS_PAY_MIN_LISTINGS = 2
    listings("care", 20, 22)
    pay_figures_refresh()
    first = PayFigure.objects.get(category="care")
    JobFactory(category="care", pay_min=30, pay_max=None)

    pay_figures_refresh()

    again = PayFigure.objects.get(category="care")
    assert (again.listings, again.median) == (3, Decimal("22.00"))
    assert again.computed_at > first.computed_at
    assert PayFigure.objects.count() == len(Category.values)


def test_the_refresh_runs_every_hour_in_the_one_schedule():
    from portal.celery import app

    entries = [e for e in app.conf.beat_schedule.values() if e["task"].endswith("pay_figures")]
    assert [entry["task"] for entry in entries] == ["apps.certifications.tasks.refresh_pay_figures"]


@pytest.mark.redis
@pytest.mark.postgres
def test_a_real_worker_refreshes_the_pay_figures(celery_worker):
    from apps.certifications.tasks import refresh_pay_figures
    from tests.worker import wait_for

    listings("construction", 18, 20, 22, 25, 30)

    refresh_pay_figures.delay()

    figure = wait_for(
        lambda: PayFigure.objects.filter(category="construction", listings=5).first(),
        what="the worker to store the pay figures",
    )
    assert figure.median == Decimal("22.00")
