"""Who may do what on the mentors' pages, with the roles that matter here: a person whose
application waits for review and another, listed mentor. Rows as in tests/test_permissions.py
(which counts these rows as covering their URL patterns): role x URL x method -> expected
response; another person's profile is a 404, an unlisted mentor's public page too."""

import pytest

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.matrix import check_row, matrix_cases
from tests.mentorship.factories import ApplicationFactory, MentorFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "applicant", "other_mentor", "curator"]
LOGIN = "login"
EVERYONE = [200] * 5
SIGNED_IN = [LOGIN, 200, 200, 200, 200]

MATRIX = [
    ("get", "/es/mentoring/", None, EVERYONE),
    ("get", "/es/mentoring/{listed}/", None, EVERYONE),
    ("get", "/es/mentoring/{application}/", None, [404] * 5),
    # applying: a pending application or an approved profile is not edited here
    ("get", "/es/mentoring/apply/", None, [LOGIN, 200, 302, 302, 200]),
    ("post", "/es/mentoring/apply/", {"capacity": "0"}, [LOGIN, 200, 302, 302, 200]),
    ("get", "/es/mentoring/me/", None, [LOGIN, 302, 302, 302, 302]),
    ("get", "/es/mentoring/ask/", None, SIGNED_IN),
    ("post", "/es/mentoring/ask/", {"goal": ""}, SIGNED_IN),
    # without an ask, the suggestions page asks first
    ("get", "/es/mentoring/suggestions/", None, [LOGIN, 302, 302, 302, 302]),
    ("get", "/es/mentoring/{application}/manage/", None, [LOGIN, 404, 200, 404, 200]),
    ("get", "/es/mentoring/{own_listed}/manage/", None, [LOGIN, 404, 404, 200, 200]),
    ("post", "/es/mentoring/{application}/manage/", {"action": "publish"},
     [LOGIN, 404, 403, 404, 302]),
    ("post", "/es/mentoring/{application}/manage/", {"action": "reject", "note": "Más detalle"},
     [LOGIN, 404, 403, 404, 302]),
    ("post", "/es/mentoring/{own_listed}/manage/", {"action": "retire"},
     [LOGIN, 404, 404, 403, 302]),
    # a pending application waits for staff: its person cannot change it meanwhile
    ("get", "/es/mentoring/{application}/edit/", None, [LOGIN, 404, 404, 404, 200]),
    ("post", "/es/mentoring/{application}/edit/", {"capacity": "2"}, [LOGIN, 404, 404, 404, 200]),
    ("post", "/es/mentoring/{own_listed}/pause/", {}, [LOGIN, 404, 404, 302, 302]),
    ("post", "/es/mentoring/{listed}/pause/", {}, [LOGIN, 404, 404, 404, 302]),
    ("get", "/es/mentoring/{listed}/pause/", None, [LOGIN, 405, 405, 405, 405]),
    ("post", "/es/mentoring/{listed}/resume/", {}, [LOGIN, 404, 404, 404, 302]),
    ("get", "/es/review/mentors/", None, [LOGIN, 403, 403, 403, 200]),
]  # fmt: skip

CASES = matrix_cases(MATRIX, ROLES)


@pytest.fixture
def world():
    application = ApplicationFactory()
    other = MentorFactory()
    people = {
        "anonymous": None,
        "seeker": UserFactory(),
        "applicant": application.user,
        "other_mentor": other.user,
        "curator": CuratorFactory(),
    }
    objects = {
        "application": application.pk,
        "own_listed": other.pk,
        "listed": MentorFactory().pk,
    }
    return people, objects


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_mentor_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
