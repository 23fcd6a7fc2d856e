"""The mentors' pages run an exact, known number of SQL queries, the same with few mentors
as with many (the shared assert_query_count fixture, tests/conftest.py)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.mentorship.factories import ApplicationFactory, AskFactory, MentorFactory

pytestmark = pytest.mark.django_db

SEARCH = "q=electricista&language=es&industry=trades&mode=online"
NEAR = "zip=60623&radius=25&sort=nearest"

PAGES = [
    # the page and its capped count in one query (apps.core.search.entries_page)
    ("anonymous", "/es/mentoring/", 2),
    ("anonymous", f"/es/mentoring/?{SEARCH}", 2),
    # nearest first: the page and its count in one query
    ("anonymous", f"/es/mentoring/?{NEAR}&page=2", 2),
    ("seeker", f"/es/mentoring/?{SEARCH}", 4),
    ("anonymous", "/es/mentoring/{mentor}/", 1),
    ("seeker", "/es/mentoring/{mentor}/", 3),
    # the ask, the mentors left out, the ranking (from the cache here; in SQL below), the ten
    # mentors
    ("seeker", "/es/mentoring/suggestions/", 5),
    ("in_person_seeker", "/es/mentoring/suggestions/", 5),
    ("seeker", "/es/mentoring/ask/", 3),
    ("mentor", "/es/mentoring/{mentor}/manage/", 4),
    ("curator", "/es/mentoring/{application}/manage/", 7),
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


@pytest.mark.parametrize("in_person", [False, True])
def test_suggestions_ranked_in_sql_run_a_fixed_number_of_queries(client, in_person):
    """With the ranking not cached yet: one more query, the ranking itself, at any size."""
    seeker = UserFactory()
    changes = {"meeting_mode": "in_person", "zip_code": "60623"} if in_person else {}
    AskFactory(user=seeker, **changes)
    client.force_login(seeker)
    client.get("/es/mentoring/suggestions/")  # warm the per-process caches
    counts = []
    for size in (2, 30):
        MentorFactory.create_batch(size - len(counts) * 2)
        cache.clear()
        client.force_login(seeker)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/es/mentoring/suggestions/").status_code == 200
        counts.append(len(captured))
    assert counts == [6, 6]
