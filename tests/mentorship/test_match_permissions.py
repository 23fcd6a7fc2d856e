"""Who may do what on the pages of a match (tests/test_permissions.py counts these rows as
covering their URL patterns): role x URL x method -> expected response. Another person's
match is a 404; staff open a match only once someone reported it."""

import pytest

from apps.mentorship import services
from apps.mentorship.models import Match
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.matrix import check_row, matrix_cases
from tests.mentorship.helpers import listed_mentor

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "mentee", "mentor", "other_mentor", "curator"]
LOGIN = "login"
IN_MATCH = [LOGIN, 404, 200, 200, 404, 404]
STAFF = [LOGIN, 403, 403, 403, 403, 200]

MATCH_MATRIX = [
    ("get", "/es/mentoring/{mentor}/request/", None, [LOGIN, 200, 200, 200, 200, 200]),
    ("post", "/es/mentoring/{mentor}/request/", {"goal": "Quiero ayuda"},
     # the mentee has an open match and the mentor cannot ask themselves: the page again
     [LOGIN, 302, 200, 200, 302, 302]),
    ("get", "/es/mentoring/{draft}/request/", None, [LOGIN, 404, 404, 404, 404, 404]),
    ("get", "/es/mentoring/matches/{match}/", None, IN_MATCH),
    ("get", "/es/mentoring/matches/{reported}/", None, [LOGIN, 404, 404, 404, 404, 200]),
    ("post", "/es/mentoring/matches/{match}/messages/", {"body": "Hola"},
     [LOGIN, 404, 302, 302, 404, 404]),
    ("get", "/es/mentoring/matches/{match}/messages/", None, [LOGIN, 404, 405, 405, 404, 404]),
    # staff may read a reported match, never act in it
    ("post", "/es/mentoring/matches/{reported}/messages/", {"body": "Hola"},
     [LOGIN, 404, 404, 404, 404, 403]),
    ("post", "/es/mentoring/matches/{match}/contact/", {"phone": "312 555 0199"},
     [LOGIN, 404, 302, 302, 404, 404]),
    ("post", "/es/mentoring/matches/{request}/accept/", {}, [LOGIN, 404, 404, 302, 404, 404]),
    ("post", "/es/mentoring/matches/{request}/decline/", {"note": ""},
     [LOGIN, 404, 404, 302, 404, 404]),
    ("post", "/es/mentoring/matches/{match}/complete/", {}, [LOGIN, 404, 302, 302, 404, 404]),
    ("post", "/es/mentoring/matches/{match}/cancel/", {"reason": "Me mudo"},
     [LOGIN, 404, 302, 302, 404, 404]),
    ("post", "/es/mentoring/matches/{completed}/feedback/", {"rating": "5"},
     [LOGIN, 404, 302, 302, 404, 404]),
    ("post", "/es/mentoring/matches/{match}/report/", {"reason": "money"},
     [LOGIN, 404, 302, 302, 404, 404]),
    ("get", "/es/mentoring/matches/propose/", None, STAFF),
    ("post", "/es/mentoring/matches/propose/",
     {"mentor": "{other}", "mentee_email": "{seeker_email}", "goal": "Oficio"},
     [LOGIN, 403, 403, 403, 403, 302]),
    ("get", "/es/mentoring/reports/", None, STAFF),
    ("get", "/es/mentoring/reports/{report}/", None, STAFF),
    ("post", "/es/mentoring/reports/{report}/", {"resolve": "on"}, [*STAFF[:5], 302]),
    ("get", "/es/mentoring/feedback/", None, STAFF),
]  # fmt: skip

CASES = matrix_cases(MATCH_MATRIX, ROLES)


@pytest.fixture
def world():
    mentor = listed_mentor(capacity=5)
    other = listed_mentor(capacity=5)
    mentee, seeker = UserFactory(), UserFactory()
    match = services.match_request(user=mentee, mentor=mentor, goal="Licencia")
    services.match_accept(user=mentor.user, match=match)
    request = services.match_request(user=UserFactory(), mentor=mentor, goal="Otra")
    # A match someone reported: staff may open it.
    reported = Match.objects.create(mentor=other, mentee=UserFactory(), status="active")
    report = services.match_report(user=reported.mentee, match=reported, who="x",
                                   reason="money", details="")  # fmt: skip
    completed = Match.objects.create(mentor=mentor, mentee=mentee, status="completed")
    people = {
        "anonymous": None,
        "seeker": seeker,
        "mentee": mentee,
        "mentor": mentor.user,
        "other_mentor": listed_mentor().user,
        "curator": CuratorFactory(),
    }
    objects = {
        "mentor": mentor.pk,
        "other": other.pk,
        "draft": listed_mentor(status="draft").pk,
        "match": match.pk,
        "request": request.pk,
        "reported": reported.pk,
        "report": report.pk,
        "completed": completed.pk,
        "seeker_email": seeker.email,
    }
    return people, objects


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_match_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
