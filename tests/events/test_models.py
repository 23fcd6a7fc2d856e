from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.events.models import Event, forbidden_words_in
from tests.events.factories import EventFactory, EventQuestionFactory

pytestmark = pytest.mark.django_db


def violates(**changes) -> bool:
    event = EventFactory()
    try:
        with transaction.atomic():
            Event.objects.filter(pk=event.pk).update(**changes)
    except IntegrityError:
        return True
    return False


def test_a_valid_event_passes_its_own_checks():
    EventFactory().full_clean()


@pytest.mark.parametrize(
    "changes",
    [
        {"capacity": 0},
        {"seats_left": -1},
        {"starts_at": datetime(1900, 1, 1, tzinfo=UTC)},
        {"ends_at": datetime(9999, 12, 31, tzinfo=UTC)},
        {"topic": "resume", "kind": "webinar"},
        {"is_free": True, "cost": 10},
        {"is_free": False, "cost": 0},
    ],
)
def test_the_database_refuses_impossible_events(changes):
    assert violates(**changes)


def test_the_database_refuses_an_end_before_the_start():
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(ends_at=event.starts_at - timedelta(minutes=1))


def test_the_database_refuses_a_registration_that_closes_before_it_opens():
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(
            registration_opens_at=event.starts_at,
            registration_closes_at=event.starts_at - timedelta(days=1),
        )


def test_an_unlimited_event_has_no_capacity():
    assert not violates(capacity=None, seats_left=None)


def test_clean_explains_each_mistake_on_its_field():
    event = EventFactory.build(
        ends_at=datetime(2020, 1, 1, tzinfo=UTC),
        starts_at=datetime(2020, 1, 2, tzinfo=UTC),
        topic="",
        format="hybrid",
        zip_code="",
        join_url="",
        is_free=False,
    )
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert set(raised.value.message_dict) == {"ends_at", "topic", "zip_code", "join_url", "cost"}


def test_a_topic_is_dropped_from_an_event_that_is_not_a_workshop():
    event = EventFactory.build(
        kind="webinar", topic="resume", format="online", join_url="https://meet.example.org/x"
    )
    event.clean()
    assert event.topic == ""


@pytest.mark.parametrize(
    "question",
    [
        "What is your immigration status?",
        "¿Cuál es tu estatus migratorio?",
        "Your SSN",
        "Número de Seguro Social",
        "¿Tienes papeles?",
        "Which documents do you have?",
        "¿En qué país naciste?",
        "Do you have a work permit?",
    ],
)
def test_questions_about_status_ssn_or_documents_are_refused(question):
    assert forbidden_words_in(question)
    with pytest.raises(ValidationError) as raised:
        EventQuestionFactory.build(prompt_es=question, kind="text").full_clean(exclude=["event"])
    assert (
        "Camino no permite que quienes organizan pregunten"
        in raised.value.message_dict["prompt"][0]
    )


def test_the_message_names_the_words_to_remove():
    assert forbidden_words_in("¿Cuál es tu situación migratoria y tus documentos?") == [
        "documentos",
        "situacion migratoria",
        "migratoria",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "What T-shirt size do you wear?",
        "¿Necesitas cuidado de niños?",
        "Asociación Nacional: ¿eres socio?",
    ],
)
def test_ordinary_questions_are_allowed(question):
    assert forbidden_words_in(question) == []


def test_a_choice_question_needs_two_choices():
    question = EventQuestionFactory.build(choices_es="Sí", choices_en="")
    with pytest.raises(ValidationError) as raised:
        question.clean()
    assert "choices_es" in raised.value.message_dict


def test_an_event_shows_its_time_in_its_own_zone():
    event = EventFactory.build(
        starts_at=datetime(2026, 7, 1, 15, tzinfo=UTC), time_zone="America/Puerto_Rico"
    )
    assert event.local_starts_at.hour == 11
