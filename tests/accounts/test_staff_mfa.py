"""Staff can publish, take down and see reports: until they have set up an authenticator app,
a password alone opens none of it. Every URL of Camino, GET and POST, as a matrix over the
kinds of staff account."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from apps.accounts.middleware import MFA_SETUP_URL_NAMES
from apps.core.models import AuditEntry
from apps.core.roles import CURATORS_GROUP
from apps.jobs.models import Job, JobReport
from apps.notifications.unsubscribe import make_token
from tests.accounts.factories import PASSWORD, StaffFactory, UserFactory
from tests.jobs.factories import JobFactory
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

# Curators (staff in the Curators group), other staff, superusers, and a superuser whose
# staff flag was left off: every account with powers over others.
ROLES = ["curator", "staff", "superuser", "superuser_not_staff"]


def every_url(patterns=None, namespace="", arguments=()):
    """Every named URL pattern of Camino, the admin's included: its view name and the names
    of the arguments it takes."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        names = (*arguments, *pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from every_url(pattern.url_patterns, inner, names)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name, names


@pytest.fixture
def world():
    organization = OrganizationFactory()
    pending = JobFactory(organization=organization, status="pending", published_at=None)
    published = JobFactory(organization=organization)
    reporter = UserFactory()
    JobReport.objects.create(job=published, reason="scam", reporter=reporter)
    OrganizationFactory(status="pending")
    # Whatever a URL names: a job, an organization, a report, a person.
    samples = {
        "pk": published.pk,
        "object_id": published.pk,
        "id": reporter.pk,
        "slug": organization.slug,
        "token": make_token(user_id=reporter.pk, topic="job_alerts"),
        "content_type_id": ContentType.objects.get_for_model(Job).pk,
        "app_label": "jobs",
        "category": "construction",  # a kind of work (a pathway)
        "kind": "jobs",
        "mentor": published.pk,  # a mentor profile's id (none: the page is a 404 anyway)
        "key": "abc",
        "uidb36": "1",
        "figure": "reviews",  # a dashboard figure's CSV
        "ref": f"jobs.job:{published.pk}",  # an item, as the curation workspace names it
    }
    return {"pending": pending, "samples": samples}


def staff_signed_in_with_password(client, role: str):
    extra = {
        "superuser": {"is_superuser": True},
        "superuser_not_staff": {"is_superuser": True, "is_staff": False},
    }.get(role, {})
    user = StaffFactory(email=f"{role}@example.org", **extra)
    if role == "curator":
        user.groups.add(Group.objects.get(name=CURATORS_GROUP))
    response = client.post("/es/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    mail.outbox.clear()
    return user


# Signing out last, or the visits after it would be anonymous.
URLS = sorted(set(every_url()), key=lambda url: (url[0] == "account_logout", url))
# Everything a person may send in a form anywhere, so that a page that let the request
# through would act on it (publish, reject, delete in the admin, change the address...).
POST_DATA = {
    "action": "publish",
    "note": "x",
    "reason": "scam",
    "post": "yes",
    "email": "someone-else@example.org",
    "action_add": "",
    "password": PASSWORD,
    "language": "en",
}


def visit_everything(
    client, world, language: str, methods=("get", "post")
) -> list[tuple[str, str, int, str]]:
    """GET and POST every URL; what answered, and where it sent the person."""
    answers = []
    for view_name, arguments in URLS:
        with translation.override(language):
            url = reverse(view_name, kwargs={name: world["samples"][name] for name in arguments})
        for method in methods:
            response = getattr(client, method)(url, POST_DATA if method == "post" else None)
            location = response.get("Location", "")
            if not url.startswith(f"/{language}/"):
                # Pages outside the language prefix (the open data API) send people to the
                # setup in the site's language.
                location = location.replace(f"/{settings.LANGUAGE_CODE}/", f"/{language}/", 1)
            answers.append((method, view_name, response.status_code, location))
    return answers


@pytest.mark.parametrize(
    ("role", "language"), [*((role, "es") for role in ROLES), ("curator", "en")]
)
def test_staff_without_an_authenticator_open_nothing_but_its_setup(client, world, role, language):
    staff_signed_in_with_password(client, role)
    setup = f"/{language}/accounts/2fa/totp/activate/"

    answers = visit_everything(client, world, language)

    let_through = [
        (method, view_name, status, location)
        for method, view_name, status, location in answers
        if view_name not in MFA_SETUP_URL_NAMES and (status, location) != (302, setup)
    ]
    assert let_through == []
    # And nothing was done: no transition, no report closed, nothing deleted, no email.
    world["pending"].refresh_from_db()
    assert world["pending"].status == "pending"
    assert Job.objects.count() == 2
    assert JobReport.objects.get().resolved_at is None
    assert not AuditEntry.objects.exists()
    assert mail.outbox == []


def test_the_same_staff_with_an_authenticator_reach_every_page(client, world):
    """The matrix above is not empty: with an authenticator, no page sends them to set one
    up, and staff pages open."""
    user = staff_signed_in_with_password(client, "curator")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})

    setup_redirects = [
        answer
        for answer in visit_everything(client, world, "es", methods=["get"])
        if answer[3].endswith("/accounts/2fa/totp/activate/")
    ]

    assert setup_redirects == []
    assert client.get("/es/jobs/review/").status_code == 200
    assert client.get("/es/jobs/reports/").status_code == 200


def test_signing_in_by_emailed_code_still_asks_staff_for_the_authenticator(client):
    staff = StaffFactory(email="rosa@example.org")
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})

    response = client.post("/es/accounts/login/code/", {"email": "rosa@example.org"})
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[0].body, re.MULTILINE)[1]
    response = client.post(response["Location"], {"code": code})

    assert response["Location"] == "/es/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session


@pytest.mark.urls("tests.accounts.urls_lookalike")
def test_a_page_named_like_a_setup_page_in_another_app_stays_closed(client):
    staff_signed_in_with_password(client, "curator")

    response = client.get("/es/lookalike/")

    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/2fa/totp/activate/"


def test_staff_may_confirm_it_is_them_by_emailed_code_to_set_up_the_authenticator(client):
    """allauth asks for the password again before an authenticator is added, and offers a
    code by email instead: that way must not loop back to the setup page."""
    staff_signed_in_with_password(client, "curator")

    response = client.get("/es/accounts/2fa/totp/activate/")
    response = client.get(
        response["Location"].replace("/reauthenticate/", "/reauthenticate/code/", 1)
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Enviar el código a" in page and "Recipient" not in page

    # The code goes to the staff member's address, and brings them back to the setup.
    response = client.post(
        response.request["PATH_INFO"] + "?" + response.request["QUERY_STRING"],
        {"recipient": "curator@example.org"},
    )
    assert response["Location"].startswith("/es/accounts/reauthenticate/code/confirm/")
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[-1].body, re.MULTILINE)[1]
    response = client.post(response["Location"], {"code": code})
    assert response["Location"] == "/es/accounts/2fa/totp/activate/"
    assert client.get(response["Location"]).status_code == 200


def test_staff_cannot_add_a_report_in_the_admin_it_comes_only_from_seekers(client):
    from tests.accounts.factories import CuratorFactory

    client.force_login(CuratorFactory())
    assert client.get("/es/admin/jobs/jobreport/add/").status_code == 403
    assert client.post("/es/admin/jobs/jobreport/add/", {"reason": "scam"}).status_code == 403
    assert not JobReport.objects.exists()
