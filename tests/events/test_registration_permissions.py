"""Who may do what on the pages of registering, with the role that matters here: a seeker
registered for the event. Rows as in tests/test_permissions.py (which counts these rows as
covering their URL patterns): role x URL x method -> expected response; another person's
registration, and another organization's list and door, are a 404."""

import pytest

from apps.events.models import Registration
from apps.events.registrations import calendar_feed_of, registration_create
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.events.factories import EventFactory, EventQuestionFactory
from tests.matrix import check_row, matrix_cases
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "registered", "member", "other_member", "curator"]
LOGIN, ORGANIZERS = "login", ["login", 404, 404, 200, 404, 200]

MATRIX = [
    ("get", "/es/events/{event}/register/", None, [LOGIN, 200, 200, 200, 200, 200]),
    ("post", "/es/events/{event}/register/", {"share_name": "on"},
     [LOGIN, 302, 302, 302, 302, 302]),
    ("post", "/es/events/{draft}/register/", {}, [LOGIN, 404, 404, 404, 404, 404]),
    ("get", "/es/events/registered/", None, [LOGIN, 200, 200, 200, 200, 200]),
    ("post", "/es/events/registrations/{registration}/cancel/", {},
     [LOGIN, 404, 302, 404, 404, 404]),
    ("get", "/es/events/registrations/{registration}/cancel/", None,
     [LOGIN, 404, 200, 404, 404, 404]),
    ("post", "/es/events/registrations/{registration}/confirm/", {},
     [LOGIN, 404, 302, 404, 404, 404]),
    ("post", "/es/events/calendar/", {}, [LOGIN, 302, 302, 302, 302, 302]),
    ("get", "/es/events/calendar/", None, [LOGIN, 405, 405, 405, 405, 405]),
    # the secret address is the key: calendar apps are not signed in
    ("get", "/es/events/calendar/{feed}.ics", None, [200] * 6),
    ("get", "/es/events/calendar/not-a-token.ics", None, [404] * 6),
    ("get", "/es/events/{event}/registrations/", None, ORGANIZERS),
    ("get", "/es/events/{event}/registrations.csv", None, ORGANIZERS),
    ("get", "/es/events/{event}/message/", None, ORGANIZERS),
    ("post", "/es/events/{event}/message/", {"subject": "Hola", "body": "Traigan lápiz."},
     ["login", 404, 404, 302, 404, 302]),
    ("get", "/es/events/{event}/check-in/", None, ORGANIZERS),
    ("post", "/es/events/{event}/check-in/", {"registration": "{registration}"},
     ["login", 404, 404, 302, 404, 302]),
]  # fmt: skip

CASES = matrix_cases(MATRIX, ROLES)

JOIN_URL = "https://meet.example.org/feria"


@pytest.fixture
def world():
    membership = MembershipFactory()
    event = EventFactory(organization=membership.organization, capacity=5, seats_left=5,
                         format="hybrid", join_url=JOIN_URL)  # fmt: skip
    EventQuestionFactory(event=event)
    registered = UserFactory()
    registration = registration_create(user=registered, event=event)
    people = {
        "anonymous": None,
        "seeker": UserFactory(),
        "registered": registered,
        "member": membership.user,
        "other_member": MembershipFactory().user,
        "curator": CuratorFactory(),
    }
    objects = {
        "event": event.pk,
        "draft": EventFactory(organization=membership.organization, status="draft").pk,
        "registration": registration.pk,
        "feed": calendar_feed_of(registered).token,
    }
    return people, objects


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_registration_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)


@pytest.mark.parametrize("role", ROLES)
def test_only_people_registered_see_the_join_link(client, world, role):
    people, objects = world
    if people[role]:
        client.force_login(people[role])
    pages = [f"/es/events/{objects['event']}/", f"/es/events/{objects['event']}/calendar.ics"]
    if role != "anonymous":
        pages.append("/es/events/registered/")
    shown = [url for url in pages if JOIN_URL in client.get(url).content.decode()]
    expected = [f"/es/events/{objects['event']}/", "/es/events/registered/"]
    assert shown == (expected if role == "registered" else [])


def test_a_waiting_person_does_not_see_the_join_link(client, world):
    people, objects = world
    Registration.objects.filter(pk=objects["registration"]).update(status="waiting", position=1)
    client.force_login(people["registered"])
    assert JOIN_URL not in client.get(f"/es/events/{objects['event']}/").content.decode()
    assert JOIN_URL not in client.get(f"/es/events/calendar/{objects['feed']}.ics").content.decode()
