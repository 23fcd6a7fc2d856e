"""The shared review workflow, through a type that only declares itself: tests.testapp's
Workshop (its model and one PublishableType in its AppConfig.ready, nothing else)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.core.models import AuditEntry, PublicationStatus
from apps.core.services import publication_expire, publication_publish
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.jobs.factories import JobFactory
from tests.organizations.factories import MembershipFactory
from tests.testapp.models import Workshop

pytestmark = pytest.mark.django_db
S = PublicationStatus


@pytest.fixture
def member():
    return MembershipFactory(user__preferred_language="en", user__display_name="Nora").user


@pytest.fixture
def workshop(member):
    organization = member.memberships.get().organization
    return Workshop.objects.create(
        title="Taller de currículum", organization=organization, created_by=member
    )


def test_a_declared_type_is_written_and_edited_by_its_organization_only(client, member):
    organization = member.memberships.get().organization
    elsewhere = MembershipFactory().organization
    client.force_login(member)

    form = client.get("/en/new/workshops/").content.decode()
    assert "New draft" in form and f'value="{elsewhere.pk}"' not in form
    refused = client.post("/en/new/workshops/", {"organization": elsewhere.pk, "title": "X"})
    assert "organization" in refused.context["form"].errors
    kept = client.post("/en/new/workshops/", {"organization": organization.pk, "title": ""})
    assert "title" in kept.context["form"].errors
    response = client.post(
        "/en/new/workshops/", {"organization": organization.pk, "title": "Taller"}
    )

    workshop = Workshop.objects.get()
    assert response["Location"] == f"/en/manage/workshops/{workshop.pk}/"
    assert (workshop.status, workshop.created_by) == (S.DRAFT, member)
    edit = f"/en/manage/workshops/{workshop.pk}/edit/"
    assert edit in client.get(response["Location"]).content.decode()
    client.post(edit, {"organization": organization.pk, "title": "Taller de currículum"})
    workshop.refresh_from_db()
    assert workshop.title == "Taller de currículum"
    assert [e.action for e in AuditEntry.objects.order_by("id")] == ["create", "edit"]

    client.post(f"/en/manage/workshops/{workshop.pk}/", {"action": "submit"})
    assert client.get(edit).status_code == 404  # not while in review
    client.force_login(MembershipFactory().user)
    assert client.post(edit, {"organization": elsewhere.pk, "title": "Mine"}).status_code == 404


def buttons(response) -> list[str]:
    return re.findall(r'name="action" value="([^"]+)"', response.content.decode())


def test_a_declared_type_is_submitted_reviewed_published_and_queued(
    client, member, workshop, django_capture_on_commit_callbacks
):
    manage = f"/en/manage/workshops/{workshop.pk}/"

    client.force_login(member)
    page = client.get(manage)
    assert page.status_code == 200
    assert "Taller de currículum" in page.content.decode()  # the default preview
    assert buttons(page) == ["submit"]
    client.post(manage, {"action": "submit"})
    workshop.refresh_from_db()
    assert workshop.status == S.PENDING
    assert client.get("/en/review/").status_code == 403  # the queue is for staff

    curator = CuratorFactory(display_name="Rosa")
    client.force_login(curator)
    overview = client.get("/en/review/").content.decode()
    assert "Workshops to review (1)" in overview and manage in overview
    assert "Jobs waiting for review (0)" in overview
    queue = client.get("/en/review/workshops/")
    assert list(queue.context["object_list"]) == [workshop]
    assert set(buttons(client.get(manage))) == {"publish", "reject", "archive"}

    assert client.post(manage, {"action": "reject", "note": ""}).status_code == 200
    workshop.refresh_from_db()
    assert workshop.status == S.PENDING  # a rejection needs a note
    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage, {"action": "publish", "note": "Looks good."})

    workshop.refresh_from_db()
    assert workshop.status == S.PUBLISHED
    assert [m.subject for m in mail.outbox] == ["Published on Camino: Taller de currículum"]
    assert f"/en/manage/workshops/{workshop.pk}/" in mail.outbox[0].body
    assert list(client.get("/en/review/workshops/").context["object_list"]) == []
    assert [(e.action, e.actor) for e in AuditEntry.objects.order_by("id")] == [
        ("submit", member), ("publish", curator),
    ]  # fmt: skip
    history = client.get(manage).content.decode()
    assert "Sent for review" in history and "Nora (" in history and "Looks good." in history


def test_only_its_organization_and_staff_see_a_declared_type(client, workshop):
    manage = f"/en/manage/workshops/{workshop.pk}/"
    assert client.get(manage).status_code == 302  # sign in first
    client.force_login(MembershipFactory().user)
    assert client.get(manage).status_code == 404
    assert client.post(manage, {"action": "submit"}).status_code == 404
    assert client.get("/en/manage/nothing/1/").status_code == 404
    workshop.refresh_from_db()
    assert workshop.status == S.DRAFT


def test_a_partner_can_neither_publish_nor_see_the_history(client, member, workshop):
    client.force_login(member)
    manage = f"/en/manage/workshops/{workshop.pk}/"
    assert client.post(manage, {"action": "publish"}).status_code == 403
    page = client.get(manage)
    assert page.context["history"] is None
    assert "note" not in page.context["review_form"].errors


def test_the_history_says_what_happened_and_who_did_it_in_spanish(client):
    curator = CuratorFactory(display_name="Rosa", email="rosa@example.org")
    member = MembershipFactory(user__display_name="").user
    job = JobFactory(organization=member.memberships.get().organization)
    job.expires_on = timezone.localdate() - timedelta(days=1)
    job.save()
    publication_expire(actor=None, item=job)
    publication_publish(actor=curator, item=job, note="De nuevo.")
    client.force_login(curator)
    manage = f"/es/jobs/{job.pk}/manage/"
    client.post(manage, {"action": "take_down", "note": "Pide dinero."})

    rows = re.findall(
        r"<tr[^>]*>\s*<td[^>]*>[^<]*</td>\s*<td[^>]*>([^<]*)</td>\s*<td[^>]*>([^<]*)</td>",
        client.get(manage).content.decode(),
    )
    assert rows == [
        ("Rosa (rosa@example.org)", "Retirado por el equipo"),
        ("Rosa (rosa@example.org)", "Publicado"),
        ("Camino", "Vencido"),
    ]


def test_every_audited_action_has_a_translated_label():
    from django.utils import translation

    from apps.core.services import audit_actions

    written = {
        "create", "edit", "submit", "publish", "reject", "expire", "take_down", "archive",
        "renew", "renew with changes", "report", "handle report", "request", "approve",
        "decline", "verify", "add member",
    }  # fmt: skip
    assert written <= set(audit_actions.keys())
    with translation.override("es"):
        spanish = {key: str(label) for key, label in audit_actions.items()}
    assert spanish["submit"] == "Enviado a revisión"
    with translation.override("en"):
        english = {key: str(label) for key, label in audit_actions.items()}
    assert not [key for key in written if spanish[key] == english[key]]


def test_the_review_queue_is_for_staff_only(client):
    client.force_login(UserFactory())
    assert client.get("/es/review/workshops/").status_code == 403
    assert client.get("/es/jobs/review/").status_code == 403
