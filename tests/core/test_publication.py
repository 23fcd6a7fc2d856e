from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from apps.core.models import AuditEntry, PublicationStatus
from apps.core.services import (
    InvalidTransition,
    publication_archive,
    publication_expire,
    publication_publish,
    publication_reject,
    publication_renew,
    publication_submit,
    publication_take_down,
)
from tests.accounts.factories import CuratorFactory, StaffFactory, UserFactory
from tests.organizations.factories import MembershipFactory, OrganizationFactory
from tests.testapp.models import Notice

pytestmark = pytest.mark.django_db
S = PublicationStatus


@pytest.fixture
def member():
    return MembershipFactory(user__preferred_language="en").user


@pytest.fixture
def notice(member):
    organization = member.memberships.get().organization
    return Notice.objects.create(title="Line cook", organization=organization, created_by=member)


def test_a_member_sends_a_draft_for_review(member, notice):
    entry = publication_submit(actor=member, item=notice)

    notice.refresh_from_db()
    assert notice.status == S.PENDING
    assert notice.submitted_at is not None
    assert (entry.actor, entry.action, entry.subject) == (member, "submit", notice)


@pytest.mark.parametrize("who", ["stranger", "other member", "staff without curator group"])
def test_only_members_and_curators_submit(notice, who):
    actor = {
        "stranger": UserFactory,
        "other member": lambda: MembershipFactory().user,
        "staff without curator group": StaffFactory,
    }[who]()
    with pytest.raises(PermissionDenied):
        publication_submit(actor=actor, item=notice)
    notice.refresh_from_db()
    assert notice.status == S.DRAFT


@pytest.mark.parametrize("action", [publication_publish, publication_archive])
def test_partners_cannot_publish_or_archive(member, notice, action):
    publication_submit(actor=member, item=notice)
    with pytest.raises(PermissionDenied):
        action(actor=member, item=notice)


def test_partners_cannot_reject_or_expire(member, notice):
    publication_submit(actor=member, item=notice)
    with pytest.raises(PermissionDenied):
        publication_reject(actor=member, item=notice, note="no")
    with pytest.raises(PermissionDenied):
        publication_expire(actor=member, item=notice)


def test_publishing_tells_the_submitter_in_their_language(
    member, notice, django_capture_on_commit_callbacks
):
    publication_submit(actor=member, item=notice)
    curator = CuratorFactory()

    with django_capture_on_commit_callbacks(execute=True):
        publication_publish(actor=curator, item=notice)

    notice.refresh_from_db()
    assert notice.status == S.PUBLISHED and notice.published_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert message.subject == "Published on Camino: Line cook"
    assert "http://127.0.0.1:8000/notices/" in message.body


def test_no_email_before_the_transaction_commits(
    member, notice, django_capture_on_commit_callbacks
):
    publication_submit(actor=member, item=notice)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publication_publish(actor=CuratorFactory(), item=notice)
    assert len(callbacks) == 2  # the email, and a new key for the type's cached pages
    assert mail.outbox == []


def test_rejecting_keeps_the_note_and_sends_it_in_spanish(
    notice, django_capture_on_commit_callbacks
):
    notice.created_by.preferred_language = "es"
    notice.created_by.save()
    publication_submit(actor=notice.created_by, item=notice)

    with django_capture_on_commit_callbacks(execute=True):
        publication_reject(actor=CuratorFactory(), item=notice, note="Falta el salario.")

    notice.refresh_from_db()
    assert notice.status == S.REJECTED
    assert notice.review_note == "Falta el salario."
    message = mail.outbox[0]
    assert message.subject == "Se necesitan cambios antes de publicar: Line cook"
    assert "Falta el salario." in message.body
    assert AuditEntry.objects.filter(action="reject", note="Falta el salario.").exists()


def test_a_rejected_item_can_be_fixed_and_sent_again(member, notice):
    publication_submit(actor=member, item=notice)
    publication_reject(actor=CuratorFactory(), item=notice, note="Add the pay.")
    publication_submit(actor=member, item=notice)
    notice.refresh_from_db()
    assert notice.status == S.PENDING
    assert notice.review_note == ""


def test_actions_that_do_not_apply_to_the_state_are_refused(member, notice):
    curator = CuratorFactory()
    with pytest.raises(InvalidTransition):
        publication_reject(actor=curator, item=notice, note="not sent yet")
    publication_archive(actor=curator, item=notice)
    with pytest.raises(InvalidTransition):
        publication_submit(actor=member, item=notice)


def test_the_system_may_expire_but_nothing_else(member, notice):
    curator = CuratorFactory()
    publication_publish(actor=curator, item=notice)
    publication_expire(actor=None, item=notice)
    notice.refresh_from_db()
    assert notice.status == S.EXPIRED
    with pytest.raises(PermissionDenied):
        publication_publish(actor=None, item=notice)


def test_publishing_an_item_past_its_date_gives_it_a_new_one(notice):
    notice.expires_on = timezone.localdate() - timedelta(days=3)
    notice.save()
    publication_publish(actor=CuratorFactory(), item=notice)
    notice.refresh_from_db()
    assert notice.expires_on == timezone.localdate() + timedelta(days=45)


def test_who_sees_what(member, notice):
    organization = notice.organization
    published = Notice.objects.create(title="Open", organization=organization, status=S.PUBLISHED)
    past_date = Notice.objects.create(
        title="Old", organization=organization, status=S.PUBLISHED,
        expires_on=timezone.localdate() - timedelta(days=1),
    )  # fmt: skip
    elsewhere = Notice.objects.create(title="Elsewhere", organization=OrganizationFactory())
    MembershipFactory(organization=organization)  # a second member must not duplicate rows

    def visible(user):
        return set(Notice.objects.visible_to(user).values_list("title", flat=True))

    from django.contrib.auth.models import AnonymousUser

    assert visible(AnonymousUser()) == {"Open"}
    assert visible(UserFactory()) == {"Open"}
    assert visible(member) == {"Open", "Old", "Line cook"}
    assert Notice.objects.visible_to(member).count() == 3
    assert visible(CuratorFactory()) == {"Open", "Old", "Line cook", "Elsewhere"}
    assert past_date.is_public is False and published.is_public is True
    assert elsewhere.status == S.DRAFT


def test_partners_edit_only_their_drafts_and_rejected_items(member, notice):
    published = Notice.objects.create(
        title="Open", organization=notice.organization, status=S.PUBLISHED
    )
    other = Notice.objects.create(title="Elsewhere", organization=OrganizationFactory())

    assert list(Notice.objects.editable_by(member)) == [notice]
    assert set(Notice.objects.editable_by(CuratorFactory())) == {notice, published, other}


def test_an_item_expired_by_date_is_renewed_by_its_organization_but_a_takedown_is_not(
    member, notice
):
    curator = CuratorFactory()
    taken_down = Notice.objects.create(title="Scam", organization=notice.organization)
    for item in (notice, taken_down):
        publication_publish(actor=curator, item=item)
    publication_expire(actor=None, item=notice)
    publication_take_down(actor=curator, item=taken_down, note="Asks for money.")

    entry = publication_renew(actor=member, item=notice)
    with pytest.raises(InvalidTransition):
        publication_renew(actor=member, item=taken_down)
    with pytest.raises(InvalidTransition):
        publication_renew(actor=member, item=taken_down, changed=True)
    with pytest.raises(PermissionDenied):
        publication_expire(actor=curator, item=notice)  # staff take down instead

    notice.refresh_from_db()
    taken_down.refresh_from_db()
    assert (notice.status, notice.expires_on) == (S.PUBLISHED, timezone.localdate() + timedelta(45))
    assert (entry.action, entry.actor, entry.subject) == ("renew", member, notice)
    assert (taken_down.status, taken_down.review_note) == (S.TAKEN_DOWN, "Asks for money.")
    publication_publish(actor=curator, item=taken_down)  # staff may put it back up


def test_a_type_declared_not_renewable_is_listed_until_its_own_date(member, monkeypatch):
    import dataclasses

    from apps.core.publishable import publishable_types
    from apps.core.services import allowed_transitions
    from tests.testapp.models import Workshop

    kind = publishable_types["workshops"]
    monkeypatch.setitem(
        publishable_types._entries, "workshops", dataclasses.replace(kind, renewable=False)
    )
    organization = member.memberships.get().organization
    workshop = Workshop.objects.create(title="Resumes", organization=organization)
    publication_publish(actor=CuratorFactory(), item=workshop)
    publication_expire(actor=None, item=workshop)

    assert not {"renew", "renew with changes"} & set(
        allowed_transitions(actor=member, item=workshop)
    )
    for changed in (False, True):
        with pytest.raises(InvalidTransition):
            publication_renew(actor=member, item=workshop, changed=changed)
    ended = timezone.localdate() - timedelta(days=3)
    Workshop.objects.filter(pk=workshop.pk).update(expires_on=ended)
    workshop.refresh_from_db()
    publication_publish(actor=CuratorFactory(), item=workshop)  # its own date is kept
    workshop.refresh_from_db()
    assert (workshop.status, workshop.expires_on) == (S.PUBLISHED, ended)
