"""Trainings in the weekly digest (starting within 30 days, near a saved search's ZIP code or
in a kind of work the person follows, taught in their language) and in the staff summary."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.certifications.models import PlanStep
from apps.jobs.models import SavedSearch
from apps.notifications.digest import digest_week
from apps.notifications.services import preferences_update
from apps.notifications.tasks import send_staff_summaries, send_weekly_digests
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.certifications.factories import CredentialFactory, TrainingFactory

pytestmark = pytest.mark.django_db

SINCE, UNTIL = digest_week(timezone.now())
LAST_WEEK = SINCE + timedelta(days=2)


def subscriber(language: str, *, searches=(), **fields):
    user = UserFactory(preferred_language=language, **fields)
    preferences_update(user_id=user.pk, weekly_digest=True)
    for query in searches:
        SavedSearch.objects.create(user=user, name="x", query=query)
    return user


def test_the_digest_lists_trainings_starting_soon_near_a_saved_search_or_in_a_followed_kind(
    django_capture_on_commit_callbacks,
):
    near_pilsen = subscriber("es", searches=["zip=60608&radius=25"])
    cook = subscriber("en", searches=["category=food"])
    planner = subscriber("es")
    welding = CredentialFactory(categories=["trades"])
    PlanStep.objects.create(user=planner, title="Get certified in welding", credential=welding)

    TrainingFactory(title_es="OSHA en Pilsen", published_at=LAST_WEEK, starts=[12])
    TrainingFactory(title_es="OSHA en Los Ángeles", city="Los Angeles", state="CA",
                    zip_code="90011", published_at=LAST_WEEK)  # fmt: skip
    TrainingFactory(title_es="OSHA en inglés", languages=["en"], published_at=LAST_WEEK)
    TrainingFactory(title_es="OSHA el año que viene", published_at=LAST_WEEK, starts=[200])
    TrainingFactory(
        title_en="ServSafe online", category="food", format="online", languages=["en", "es"],
        published_at=LAST_WEEK, starts=[25],
    )  # fmt: skip
    TrainingFactory(title_es="Soldadura", category="trades", format="online",
                    published_at=LAST_WEEK, starts=[9])  # fmt: skip
    # Published long ago, its start comes within 30 days this week: new to the digest too.
    TrainingFactory(title_es="OSHA de siempre", published_at=SINCE - timedelta(days=90),
                    starts=[29])  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        send_weekly_digests()

    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "OSHA en Pilsen" in bodies[near_pilsen.email]
    assert "OSHA de siempre" in bodies[near_pilsen.email]
    assert "capacitaciones que empiezan en los próximos 30 días" in bodies[near_pilsen.email]
    for absent in ["Los Ángeles", "OSHA en inglés", "año que viene", "ServSafe", "Soldadura"]:
        assert absent not in bodies[near_pilsen.email]
    assert "ServSafe online" in bodies[cook.email] and "OSHA" not in bodies[cook.email]
    assert "1 training starting in the next 30 days" in bodies[cook.email]
    assert "Soldadura" in bodies[planner.email] and "OSHA" not in bodies[planner.email]


def test_a_start_already_told_is_not_told_again():
    from apps.certifications.training_digest import TrainingsStartingSoon

    person = subscriber("es", searches=["category=construction"])
    TrainingFactory(published_at=SINCE - timedelta(days=90), starts=[10])
    assert TrainingsStartingSoon().collect([person.pk], since=SINCE, until=UNTIL) == {}


def test_the_staff_summary_counts_trainings_waiting_for_review(
    django_capture_on_commit_callbacks,
):
    curator = CuratorFactory(preferred_language="es")
    TrainingFactory(status="pending", title_es="Curso esperando", submitted_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        send_staff_summaries()
    (message,) = [m for m in mail.outbox if m.to == [curator.email]]
    assert "1 capacitación esperando revisión" in message.body
    assert "Curso esperando" in message.body and "/es/review/trainings/" in message.body
