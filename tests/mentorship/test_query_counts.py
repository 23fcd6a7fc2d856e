"""The mentors' pages run an exact, known number of SQL queries, the same with few mentors
as with many (the shared assert_query_count fixture, tests/conftest.py)."""

import pytest

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.mentorship.factories import ApplicationFactory, AskFactory, MentorFactory

pytestmark = pytest.mark.django_db

SEARCH = "q=electricista&language=es&industry=trades&mode=online"
NEAR = "zip=60623&radius=25&sort=nearest"

PAGES = [
    ("anonymous", "/es/mentors/", 3),
    ("anonymous", f"/es/mentors/?{SEARCH}", 2),
    ("anonymous", f"/es/mentors/?{NEAR}&page=2", 3),
    ("seeker", f"/es/mentors/?{SEARCH}", 4),
    ("anonymous", "/es/mentors/{mentor}/", 1),
    ("seeker", "/es/mentors/{mentor}/", 3),
    # the ask, the ranking in SQL (top ten), the ten mentors with their people
    ("seeker", "/es/mentors/suggestions/", 5),
    ("in_person_seeker", "/es/mentors/suggestions/", 5),
    ("seeker", "/es/mentors/ask/", 3),
    ("mentor", "/es/mentors/{mentor}/manage/", 4),
    ("curator", "/es/mentors/{application}/manage/", 7),
    ("curator", "/es/review/mentors/", 6),
]


@pytest.mark.parametrize(("who", "url", "expected"), PAGES)
def test_page_runs_a_fixed_number_of_queries(client, assert_query_count, who, url, expected):
    mentor, application = MentorFactory(), ApplicationFactory()
    seeker, in_person_seeker = UserFactory(), UserFactory()
    AskFactory(user=seeker)
    AskFactory(user=in_person_seeker, meeting_mode="in_person", zip_code="60623")
    people = {
        "anonymous": None,
        "seeker": seeker,
        "in_person_seeker": in_person_seeker,
        "mentor": mentor.user,
        "curator": CuratorFactory(),
    }

    def grow(count: int) -> None:
        MentorFactory.create_batch(count)
        MentorFactory.create_batch(count, languages=["en"], meeting_modes=["phone"])
        ApplicationFactory.create_batch(count)

    if people[who]:
        client.force_login(people[who])
    assert_query_count(url.format(mentor=mentor.pk, application=application.pk), expected, grow)
