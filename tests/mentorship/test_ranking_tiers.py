"""The ranking reads the mentors who share the seeker's language and kind of work first
(apps.mentorship.ranking.mentors_ranked) and must give exactly the order of ranking every
listed mentor (`everyone_ranked`, the definition): compared here on a varied corpus, for many
wishes and sizes of the top, in one query."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.mentorship.ranking import Wish, everyone_ranked, mentors_ranked
from tests.mentorship.factories import MentorFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [["es"], ["es", "en"], ["en"], ["pt"], ["es", "ht"]]
INDUSTRIES = [["trades"], ["trades", "construction"], ["construction"], ["care"], ["food"]]
MODES = [["online"], ["phone"], ["in_person"], ["online", "in_person"]]
# Chicago's, a suburb's, New York's and none.
ZIPS = ["60623", "60608", "60540", "10001", ""]
WORDS = ["electricista", "licencia", "plomero", "OSHA", "cocina", "examen"]


@pytest.fixture
def corpus():
    rng = random.Random(7)  # noqa: S311 (a repeatable corpus, not a secret)
    for _ in range(160):
        words = rng.sample(WORDS, rng.randint(0, 3))
        capacity = rng.randint(1, 4)
        MentorFactory(
            languages=rng.choice(LANGUAGES), industries=rng.choice(INDUSTRIES),
            meeting_modes=rng.choice(MODES), zip_code=rng.choice(ZIPS),
            occupations_es=" ".join(words[:1]), occupations_en="",
            skills_es=", ".join(words[1:]), skills_en="", helps_with_es="Ayudo",
            helps_with_en="I help", headline_es="Mentora", headline_en="Mentor",
            story_es="", story_en="", capacity=capacity,
            active_mentees=rng.randint(0, capacity - 1),
        )  # fmt: skip
    return rng


def wishes(rng):
    yield Wish(language="es", industry="trades", skills="electricista licencia examen")
    yield Wish(language="es", industry="trades", skills="", meeting_mode="online")
    yield Wish(language="pt", industry="food", skills="cocina")  # few share both
    yield Wish(language="es", industry="", skills="plomero")  # no kind of work: one query
    for _ in range(40):
        yield Wish(
            language=rng.choice(["es", "en", "pt", "ht"]),
            industry=rng.choice(["trades", "construction", "care", "food", ""]),
            skills=" ".join(rng.sample(WORDS, rng.randint(0, 3))),
            meeting_mode=rng.choice(["online", "phone", "in_person", ""]),
            zip_code=rng.choice(ZIPS),
        )


def test_the_tiers_give_exactly_the_order_of_ranking_everyone(corpus):
    for wish in wishes(corpus):
        for limit in (1, 3, 10, 40):
            with CaptureQueriesContext(connection) as queries:
                tiered = mentors_ranked(wish, limit=limit)
            assert len(queries) == 1, wish
            assert tiered == everyone_ranked(wish, limit=limit), (wish, limit)


def test_with_few_who_fit_everyone_is_ranked_in_the_same_query(corpus):
    # Portuguese and food: fewer than 40 share both or a word, the rest follow in order.
    wish = Wish(language="pt", industry="food", skills="cocina")
    with CaptureQueriesContext(connection) as queries:
        tiered = mentors_ranked(wish, limit=40)
    assert len(queries) == 1 and len(tiered) == 40
    assert not tiered[-1].speaks
    assert tiered == everyone_ranked(wish, limit=40)
