"""The ranking of suggested mentors (apps.mentorship.ranking): each criterion outranks the
ones after it, ties fall to the older profile, and the same inputs give the same order."""

import pytest
from django.utils import translation

from apps.mentorship.models import MentorProfile
from apps.mentorship.ranking import Wish, mentors_ranked, suggestions_for
from tests.mentorship.factories import MentorFactory

pytestmark = pytest.mark.django_db

# A neutral mentor: no shared language, kind of work, words or way to meet with the wishes
# below, unless a test gives them one.
PLAIN = {
    "languages": ["pt"], "industries": ["office"], "meeting_modes": ["phone"],
    "occupations_es": "", "occupations_en": "", "skills_es": "", "skills_en": "",
    "headline_es": "Mentora", "headline_en": "Mentor", "helps_with_es": "Ayudo",
    "helps_with_en": "I help", "story_es": "", "story_en": "", "zip_code": "",
    "capacity": 1,
}  # fmt: skip


def mentor(**changes) -> MentorProfile:
    return MentorFactory(**{**PLAIN, **changes})


def order(wish) -> list[int]:
    return [ranked.pk for ranked in mentors_ranked(wish, limit=50)]


WISH = Wish(language="es", industry="trades", skills="electricista", meeting_mode="online")


def test_a_shared_language_comes_before_everything_else():
    everything_but_language = mentor(
        industries=["trades"], occupations_es="electricista", meeting_modes=["online"],
        capacity=10,
    )  # fmt: skip
    language_only = mentor(languages=["es"])
    assert order(WISH) == [language_only.pk, everything_but_language.pk]


def test_work_fit_comes_before_the_way_to_meet_and_room():
    meets_and_room = mentor(languages=["es"], meeting_modes=["online"], capacity=10)
    same_industry = mentor(languages=["es"], industries=["trades"])
    assert order(WISH) == [same_industry.pk, meets_and_room.pk]


def test_more_matching_words_and_the_industry_add_up():
    industry = mentor(languages=["es"], industries=["trades"])
    industry_and_word = mentor(languages=["es"], industries=["trades"], skills_es="electricista")
    assert order(WISH) == [industry_and_word.pk, industry.pk]


def test_the_way_to_meet_comes_before_room():
    room = mentor(languages=["es"], capacity=10)
    meets = mentor(languages=["es"], meeting_modes=["online"])
    assert order(WISH) == [meets.pk, room.pk]


def test_in_person_the_nearer_first_and_too_far_does_not_count_as_meeting():
    wish = Wish(language="es", meeting_mode="in_person", zip_code="60623")  # Chicago
    far = mentor(languages=["es"], meeting_modes=["in_person"], zip_code="10001", capacity=10)
    farther = mentor(languages=["es"], meeting_modes=["in_person"], zip_code="60540")  # Naperville
    near = mentor(languages=["es"], meeting_modes=["in_person"], zip_code="60608")
    assert order(wish) == [near.pk, farther.pk, far.pk]
    assert [r.meets for r in mentors_ranked(wish)] == [True, True, False]


def test_then_room_then_the_older_profile():
    first, second = mentor(languages=["es"]), mentor(languages=["es"])
    roomier = mentor(languages=["es"], capacity=4)
    assert order(WISH) == [roomier.pk, first.pk, second.pk]


def test_the_same_inputs_give_the_same_order_and_the_top_n():
    mentors = [mentor(languages=["es"]) for _ in range(6)]
    assert order(WISH) == order(WISH) == [m.pk for m in mentors]
    assert [r.pk for r in mentors_ranked(WISH, limit=3)] == [m.pk for m in mentors[:3]]


def test_only_listed_mentors_are_ranked():
    listed = mentor(languages=["es"])
    paused = mentor(languages=["es"], pause="self")
    full = mentor(languages=["es"], capacity=1, active_mentees=1)
    pending = mentor(languages=["es"], status="pending")
    no_conduct = mentor(languages=["es"], conduct_agreed_at=None)
    assert order(WISH) == [listed.pk]
    assert {paused.pk, full.pk, pending.pk, no_conduct.pk}.isdisjoint(order(WISH))


def test_the_reasons_say_why_in_the_readers_language():
    mentor(
        languages=["es"], industries=["trades"], occupations_es="electricista",
        occupations_en="electrician", meeting_modes=["online"], capacity=3,
    )  # fmt: skip
    with translation.override("en"):
        (suggestion,) = suggestions_for(WISH)
        assert suggestion.reasons == [
            "speaks spanish", "skilled trades", "electrician", "meets online",
            "room for 3 more mentees",
        ]  # fmt: skip
    with translation.override("es"):
        (suggestion,) = suggestions_for(WISH)
        assert suggestion.reasons[0] == "habla español"
        assert "se reúne en línea" in suggestion.reasons


def test_a_mentor_in_the_seekers_own_zip_meets_near_them_not_0_miles_away():
    mentor(languages=["es"], meeting_modes=["in_person"], zip_code="60623")
    wish = Wish(language="es", meeting_mode="in_person", zip_code="60623")
    with translation.override("en"):
        (suggestion,) = suggestions_for(wish)
    assert "meets in person, near you" in suggestion.reasons
