"""Who may do what, for every page of Camino: role x URL x method -> expected response.
"login" means a redirect to sign in; another person's or organization's private object is a
404, never a 403. Each app adds its rows to MATRIX (and what they need to `world`), or keeps
a matrix of its own with more roles (registering for events: tests/events; mentors:
tests/mentorship);
test_every_url_pattern_has_a_row fails for a URL pattern without a row in either."""

import string

import pytest
from django.urls import URLResolver, get_resolver, resolve
from django.utils import translation

from apps.jobs.models import JobReport, SavedJob, SavedSearch
from apps.notifications.unsubscribe import make_token
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.certifications.test_credentials_permissions import MATRIX as CREDENTIAL_MATRIX
from tests.certifications.test_pathways_permissions import MATRIX as PATHWAYS_MATRIX
from tests.certifications.test_plan_permissions import MATRIX as PLAN_MATRIX
from tests.certifications.test_trainings_permissions import MATRIX as TRAINING_MATRIX
from tests.certifications.test_work_guide_permissions import MATRIX as WORK_GUIDE_MATRIX
from tests.curation.test_actions_permissions import MATRIX as CURATION_ACTIONS_MATRIX
from tests.curation.test_dashboard_permissions import MATRIX as CURATION_DASHBOARD_MATRIX
from tests.curation.test_imports_permissions import MATRIX as CURATION_IMPORTS_MATRIX
from tests.curation.test_organizations_permissions import MATRIX as ORGANIZATIONS_MATRIX
from tests.curation.test_queue_permissions import MATRIX as QUEUE_MATRIX
from tests.events.factories import EventFactory, in_days
from tests.events.test_registration_permissions import MATRIX as REGISTRATION_MATRIX
from tests.jobs.factories import JobFactory
from tests.legal.test_guide_permissions import MATRIX as GUIDE_MATRIX
from tests.legal.test_partner_permissions import MATRIX as LEGAL_PARTNER_MATRIX
from tests.legal.test_permissions import MATRIX as LEGAL_MATRIX
from tests.matrix import check_row, matrix_cases
from tests.mentorship.test_match_permissions import MATCH_MATRIX
from tests.mentorship.test_permissions import MATRIX as MENTOR_MATRIX
from tests.mentorship.test_session_permissions import MATRIX as SESSION_MATRIX
from tests.organizations.factories import MembershipFactory, OrganizationFactory
from tests.testapp.models import Leaflet

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "member", "other_member", "curator"]

# (method, url template, data, expected per role in ROLES order). The placeholders are the
# keys of `world`'s objects: the member's organization and what belongs to the member.
MATRIX = [
    # Outside the language prefix
    ("get", "/healthz", None, [200, 200, 200, 200, 200]),
    ("get", "/readyz", None, [200, 200, 200, 200, 200]),
    ("get", "/favicon.ico", None, [301, 301, 301, 301, 301]),
    ("post", "/i18n/setlang/", {"language": "en", "next": "/es/jobs/"}, [302, 302, 302, 302, 302]),
    ("get", "/i18n/setlang/", None, [405, 405, 405, 405, 405]),
    # core
    ("get", "/es/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/privacy/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/my-camino/", None, ["login", 200, 200, 200, 200]),
    # jobs
    ("get", "/es/jobs/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/jobs/feed/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/jobs/work-authorization/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/jobs/{published}/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/jobs/{draft}/", None, [404, 404, 200, 404, 200]),
    ("get", "/es/jobs/{draft}/manage/", None, ["login", 404, 200, 404, 200]),
    ("post", "/es/jobs/{draft}/manage/", {"action": "submit"}, ["login", 404, 302, 404, 302]),
    ("post", "/es/jobs/{pending}/manage/", {"action": "publish"}, ["login", 404, 403, 404, 302]),
    (
        "post",
        "/es/jobs/{pending}/manage/",
        {"action": "reject", "note": "x"},
        ["login", 404, 403, 404, 302],
    ),
    ("post", "/es/jobs/{published}/manage/", {"action": "archive"}, ["login", 404, 403, 404, 302]),
    ("get", "/es/jobs/{draft}/edit/", None, ["login", 404, 200, 404, 200]),
    ("get", "/es/jobs/{published}/edit/", None, ["login", 404, 404, 404, 200]),
    ("post", "/es/jobs/{draft}/edit/", {"title_es": ""}, ["login", 404, 200, 404, 200]),
    # open reports hold a renewal back (the job is reported); an expired one may be renewed
    ("get", "/es/jobs/{published}/renew/", None, ["login", 404, 302, 404, 302]),
    ("get", "/es/jobs/{expired}/renew/", None, ["login", 404, 200, 404, 200]),
    # the review workflow's shared pages (jobs keep their own create and edit pages)
    ("get", "/es/review/", None, ["login", 403, 403, 403, 200]),
    ("get", "/es/review/jobs/", None, ["login", 403, 403, 403, 200]),
    ("get", "/es/review/nothing/", None, ["login", 403, 403, 403, 404]),
    # checking again (apps.core.verification), through the test-only leaflets
    ("get", "/es/review/stale/", None, ["login", 403, 403, 403, 200]),
    ("get", "/es/review/stale/leaflets/", None, ["login", 403, 403, 403, 200]),
    ("get", "/es/review/stale/nothing/", None, ["login", 403, 403, 403, 404]),
    ("post", "/es/review/stale/leaflets/{leaflet}/", {}, ["login", 403, 403, 403, 302]),
    ("get", "/es/review/stale/leaflets/{leaflet}/", None, ["login", 403, 403, 403, 405]),
    ("get", "/es/new/jobs/", None, ["login", 404, 404, 404, 404]),
    ("get", "/es/manage/jobs/{draft}/", None, ["login", 404, 200, 404, 200]),
    ("post", "/es/manage/jobs/{pending}/", {"action": "publish"}, ["login", 404, 403, 404, 302]),
    ("get", "/es/manage/jobs/{draft}/edit/", None, ["login", 404, 404, 404, 404]),
    ("get", "/es/jobs/new/", None, ["login", 302, 200, 200, 200]),
    ("get", "/es/jobs/mine/", None, ["login", 200, 200, 200, 200]),
    ("get", "/es/jobs/review/", None, ["login", 403, 403, 403, 200]),
    ("get", "/es/jobs/reports/", None, ["login", 403, 403, 403, 200]),
    ("get", "/es/jobs/saved/", None, ["login", 200, 200, 200, 200]),
    ("post", "/es/jobs/{published}/save/", {}, ["login", 302, 302, 302, 302]),
    ("post", "/es/jobs/{draft}/save/", {}, ["login", 404, 404, 404, 404]),
    ("post", "/es/jobs/{published}/report/", {"reason": "scam"}, [302, 302, 302, 302, 302]),
    ("post", "/es/jobs/{draft}/report/", {"reason": "scam"}, [404, 404, 404, 404, 404]),
    ("get", "/es/jobs/{published}/report/", None, [405, 405, 405, 405, 405]),
    ("post", "/es/jobs/reports/", {"report": "{report}"}, ["login", 403, 403, 403, 302]),
    ("post", "/es/jobs/saved/{saved}/remove/", {}, ["login", 404, 302, 404, 404]),
    ("get", "/es/jobs/searches/", None, ["login", 200, 200, 200, 200]),
    ("post", "/es/jobs/searches/", {"search": "{search}"}, ["login", 404, 302, 404, 404]),
    (
        "post",
        "/es/jobs/searches/new/",
        {"name": "Cocina", "query": "q=cocina"},
        ["login", 302, 302, 302, 302],
    ),
    ("get", "/es/jobs/searches/new/", None, ["login", 405, 405, 405, 405]),
    (
        "post",
        "/es/jobs/searches/{search}/edit/",
        {"name": "Cocina", "frequency": "weekly"},
        ["login", 404, 302, 404, 404],
    ),
    ("get", "/es/jobs/searches/{search}/edit/", None, ["login", 405, 405, 405, 405]),
    # events: the join link is never on a public page (tests/events); drafts are private
    ("get", "/es/events/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/events/{event}/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/events/{past_event}/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/events/{event_draft}/", None, [404, 404, 200, 404, 200]),
    ("get", "/es/events/{event}/calendar.ics", None, [200, 200, 200, 200, 200]),
    ("get", "/es/events/{event_draft}/calendar.ics", None, [404, 404, 200, 404, 200]),
    ("get", "/es/events/new/", None, ["login", 302, 200, 200, 200]),
    ("get", "/es/events/mine/", None, ["login", 200, 200, 200, 200]),
    ("get", "/es/events/feed/", None, [200, 200, 200, 200, 200]),
    ("post", "/es/events/new/", {"title_es": ""}, ["login", 302, 200, 200, 200]),
    ("get", "/es/events/{event_draft}/manage/", None, ["login", 404, 200, 404, 200]),
    (
        "post",
        "/es/events/{event_draft}/manage/",
        {"action": "submit"},
        ["login", 404, 302, 404, 302],
    ),
    (
        "post",
        "/es/events/{event_pending}/manage/",
        {"action": "publish"},
        ["login", 404, 403, 404, 302],
    ),
    ("get", "/es/events/{event_draft}/edit/", None, ["login", 404, 200, 404, 200]),
    ("get", "/es/events/{event}/edit/", None, ["login", 404, 404, 404, 200]),
    ("post", "/es/events/{event_draft}/edit/", {"title_es": ""}, ["login", 404, 200, 404, 200]),
    ("post", "/es/events/{event}/cancel/", {}, ["login", 404, 302, 404, 302]),
    ("get", "/es/events/{event}/cancel/", None, ["login", 405, 405, 405, 405]),
    ("get", "/es/events/{event}/move/", None, ["login", 404, 200, 404, 200]),
    (
        "post",
        "/es/events/{event}/move/",
        {"starts_at": "2030-01-10T10:00", "ends_at": "2030-01-10T12:00"},
        ["login", 404, 302, 404, 302],
    ),
    ("get", "/es/review/events/", None, ["login", 403, 403, 403, 200]),
    ("get", "/es/manage/events/{event_draft}/", None, ["login", 404, 200, 404, 200]),
    # organizations
    ("get", "/es/organizations/register/", None, ["login", 200, 200, 200, 200]),
    ("get", "/es/organizations/mine/", None, ["login", 200, 200, 200, 200]),
    ("get", "/es/organizations/{active_org}/", None, [200, 200, 200, 200, 200]),
    ("get", "/es/organizations/{pending_org}/", None, [404, 404, 200, 404, 200]),
    # notifications: the unsubscribe link works signed out; its signed token is the key
    ("get", "/es/notifications/preferences/", None, ["login", 200, 200, 200, 200]),
    (
        "post",
        "/es/notifications/preferences/",
        {"preferred_language": "es", "job_alerts": "on", "time_zone": "America/Chicago"},
        ["login", 302, 302, 302, 302],
    ),
    ("get", "/es/notifications/unsubscribe/{unsubscribe}/", None, [200, 200, 200, 200, 200]),
    ("post", "/es/notifications/unsubscribe/{unsubscribe}/", {}, [200, 200, 200, 200, 200]),
    ("get", "/es/notifications/unsubscribe/1:job_alerts:forged/", None, [404] * 5),
    # a person's own data: only ever their own, so signed in is all it takes
    ("get", "/es/accounts/my-data/", None, ["login", 200, 200, 200, 200]),
    ("get", "/es/accounts/my-data/download/", None, ["login", 200, 200, 200, 200]),
    ("get", "/es/accounts/delete/", None, ["login", 200, 200, 200, 200]),
    ("post", "/es/accounts/delete/", {"password": "wrong"}, ["login", 200, 200, 200, 200]),
]

# URL patterns that are not Camino's own pages, and why the matrix leaves them out.
NOT_IN_MATRIX = {
    "allauth.urls": "allauth's sign-in, sign-up, password and MFA pages: tests/accounts "
    "covers the flows Camino configures",
    "admin": "Django's admin checks staff status and model permissions itself, and signs "
    "people in through allauth (portal/urls.py)",
}

CASES = matrix_cases(MATRIX, ROLES)


@pytest.fixture
def world():
    membership = MembershipFactory()
    organization = membership.organization
    pending_org = OrganizationFactory(status="pending")
    membership.user.memberships.create(organization=pending_org)
    other = MembershipFactory()
    people = {
        "anonymous": None,
        "seeker": UserFactory(),
        "member": membership.user,
        "other_member": other.user,
        "curator": CuratorFactory(),
    }
    published = JobFactory(organization=organization)
    objects = {
        "published": published.pk,
        "draft": JobFactory(organization=organization, status="draft").pk,
        "pending": JobFactory(organization=organization, status="pending").pk,
        "expired": JobFactory(organization=organization, status="expired").pk,
        "active_org": organization.slug,
        "pending_org": pending_org.slug,
        "report": JobReport.objects.create(job=published, reason="scam").pk,
        "saved": SavedJob.objects.create(user=membership.user, job=published).pk,
        "search": SavedSearch.objects.create(user=membership.user, name="Cocina").pk,
        "unsubscribe": make_token(user_id=membership.user.pk, topic="job_alerts"),
        "event": EventFactory(organization=organization).pk,
        "past_event": EventFactory(
            organization=organization, starts_at=in_days(-3), ends_at=in_days(-3, hour=12)
        ).pk,
        "event_draft": EventFactory(organization=organization, status="draft").pk,
        "event_pending": EventFactory(organization=organization, status="pending").pk,
        "leaflet": Leaflet.objects.create(title="Folleto").pk,
    }
    return people, objects


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)


def camino_url_patterns(resolver=None, prefix=""):
    """(route, include) of every URL pattern, with the include (allauth's, the admin's) that
    NOT_IN_MATRIX leaves out, or None."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if not isinstance(pattern, URLResolver):
            yield route, None
            continue
        module = getattr(pattern.urlconf_name, "__name__", None)
        skipped = next((key for key in (module, pattern.app_name) if key in NOT_IN_MATRIX), None)
        if skipped:
            yield route, skipped
        else:
            yield from camino_url_patterns(pattern, route)


def route_of(url: str) -> str:
    """The URL pattern a row's URL template resolves to. "1" fits every converter Camino's
    patterns use (int, slug, str)."""
    fields = [name for _text, name, _spec, _conv in string.Formatter().parse(url) if name]
    return resolve(url.format(**dict.fromkeys(fields, "1"))).route


def test_every_url_pattern_has_a_row():
    """A new page cannot escape the matrix: each URL pattern (in the language prefix too)
    is the route of at least one row."""
    with translation.override("es"):
        patterns = list(camino_url_patterns())
        rows = [
            *MATRIX, *REGISTRATION_MATRIX, *MATCH_MATRIX, *SESSION_MATRIX, *MENTOR_MATRIX,
            *LEGAL_MATRIX,
            *GUIDE_MATRIX,
            *LEGAL_PARTNER_MATRIX,
            *PATHWAYS_MATRIX,
            *WORK_GUIDE_MATRIX,
            *TRAINING_MATRIX,
            *CREDENTIAL_MATRIX,
            *PLAN_MATRIX,
            *ORGANIZATIONS_MATRIX,
            *CURATION_ACTIONS_MATRIX,
            *CURATION_DASHBOARD_MATRIX,
            *CURATION_IMPORTS_MATRIX,
            *QUEUE_MATRIX,
        ]  # fmt: skip
        covered = {route_of(url) for _method, url, _data, _expected in rows}
    assert {skipped for _route, skipped in patterns if skipped} == set(NOT_IN_MATRIX)
    assert [route for route, skipped in patterns if not skipped and route not in covered] == []
