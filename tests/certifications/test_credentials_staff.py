"""Staff keep credentials and their state rules on their own pages: each write through the
services, with an audit entry; saving a rule records who checked it and when. The shared
stale queue holds published credentials' rules not checked for a year, and the staff summary
counts them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.certifications.models import Credential, StateRule
from apps.core.models import AuditEntry
from apps.core.personal_data import erase, export
from apps.core.verification import checked_types, overdue, overdue_counts
from tests.accounts.factories import CuratorFactory
from tests.certifications.factories import CredentialFactory, StateRuleFactory

pytestmark = pytest.mark.django_db

NEW = {
    "name_es": "Licencia de barbero", "name_en": "Barber license", "slug": "barber-license",
    "kind": "license", "issuing_body": "Board of Barbering and Cosmetology",
    "official_url": "https://www.barbercosmo.ca.gov/", "summary_es": "Para cortar cabello.",
    "summary_en": "To cut hair.", "categories": ["beauty"], "benefit": "required",
    "exam_cost": "125", "education": "none", "english_level": "none", "format": "in_person",
    "exam_languages": ["en", "es"], "foreign_experience": "evaluation",
}  # fmt: skip
RULE = {
    "state": "CA", "rule": "open", "note_es": "Sin importar el estatus.",
    "note_en": "Regardless of status.", "source_name": "B&P Code §135.5",
    "source_url": "https://leginfo.legislature.ca.gov/",
}  # fmt: skip


@pytest.fixture
def staff(client):
    curator = CuratorFactory()
    client.force_login(curator)
    return curator


def test_staff_create_a_draft_then_publish_it(client, staff):
    response = client.post("/en/careers/credentials/staff/new/", NEW)
    credential = Credential.objects.get(slug="barber-license")
    assert response.status_code == 302
    assert response["Location"] == f"/en/careers/credentials/staff/{credential.pk}/"
    assert not credential.published
    assert client.get("/en/careers/credentials/").context["credentials"] == []

    client.post(f"/en/careers/credentials/staff/{credential.pk}/publish/", {"published": "1"})
    credential.refresh_from_db()
    assert credential.published and credential.published_at
    assert [c.pk for c in client.get("/en/careers/credentials/").context["credentials"]] == [
        credential.pk
    ]
    client.post(f"/en/careers/credentials/staff/{credential.pk}/publish/", {"published": "0"})
    credential.refresh_from_db()
    assert not credential.published
    actions = list(
        AuditEntry.objects.filter(object_id=credential.pk, actor=staff)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "publish", "unpublish"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name_en": ""}, "name_en", "This field is required."),
        ({"slug": "staff"}, "slug", "That address is taken by Camino's own pages."),
        ({"exam_cost": "-1"}, "exam_cost", "greater than or equal to 0"),
        ({"exam_cost": "1000000000000"}, "exam_cost", "less than or equal to 100000"),
        ({"categories": []}, "categories", "Choose at least one kind of work."),
    ],
)
def test_bad_input_keeps_what_was_typed(client, staff, changes, field, message):
    response = client.post("/en/careers/credentials/staff/new/", {**NEW, **changes})
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert "To cut hair." in response.content.decode()
    assert not Credential.objects.exists()


def test_a_rule_saved_records_who_checked_it_and_today(client, staff):
    credential = CredentialFactory()
    response = client.post(f"/en/careers/credentials/staff/{credential.pk}/rules/new/", RULE)
    assert response.status_code == 302
    rule = StateRule.objects.get(credential=credential)
    assert rule.checked_by == staff
    assert rule.checked_at > timezone.now() - timedelta(minutes=1)
    assert AuditEntry.objects.filter(
        object_id=credential.pk, action="rule_save", note="CA: open"
    ).exists()
    page = client.get(f"/en/careers/credentials/staff/{credential.pk}/").content.decode()
    assert "B&amp;P Code §135.5" in page

    # a second rule for the same state is refused, with what was typed kept
    again = client.post(f"/en/careers/credentials/staff/{credential.pk}/rules/new/", RULE)
    assert "already has a rule for California" in again.content.decode()
    assert StateRule.objects.count() == 1


def test_editing_a_rule_checks_it_again_and_removing_it_unchecks_the_state(client, staff):
    rule = StateRuleFactory(checked_at=timezone.now() - timedelta(days=400), checked_by=None)
    response = client.post(
        f"/en/careers/credentials/rules/{rule.pk}/", {**RULE, "rule": "itin", "state": "TX"}
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.rule == "itin" and rule.state == "CA"  # the state stays
    assert rule.checked_by == staff and rule.checked_at > timezone.now() - timedelta(minutes=1)

    client.post(f"/en/careers/credentials/rules/{rule.pk}/remove/")
    assert not StateRule.objects.exists()
    assert AuditEntry.objects.filter(action="rule_remove", note="CA").exists()


def test_staff_list_shows_the_longest_unchecked_first(client, staff):
    fresh = StateRuleFactory(checked_by=None).credential
    old = StateRuleFactory(checked_at=timezone.now() - timedelta(days=700), checked_by=None)
    never = CredentialFactory()
    listed = list(client.get("/en/careers/credentials/staff/").context["credentials"])
    assert [c.pk for c in listed] == [never.pk, old.credential.pk, fresh.pk]


def test_the_stale_queue_holds_published_credentials_rules_not_checked_for_a_year(
    client, staff, settings
):
    kind = checked_types["certifications-rules"]
    stale = StateRuleFactory(checked_at=timezone.now() - timedelta(days=400), checked_by=None)
    StateRuleFactory(checked_at=timezone.now() - timedelta(days=30), checked_by=None)
    draft = CredentialFactory(published=False)
    StateRuleFactory(
        credential=draft, checked_at=timezone.now() - timedelta(days=400), checked_by=None
    )
    assert list(overdue(kind)) == [stale]

    settings.CERTIFICATIONS_RULES_STALE_AFTER_MONTHS = 24
    assert list(overdue(kind)) == []
    settings.CERTIFICATIONS_RULES_STALE_AFTER_MONTHS = 12

    queue = client.get("/en/review/stale/certifications-rules/").content.decode()
    assert f"/en/careers/credentials/rules/{stale.pk}/" in queue
    response = client.post(f"/en/review/stale/certifications-rules/{stale.pk}/", {})
    assert response.status_code == 302
    stale.refresh_from_db()
    assert stale.checked_by == staff and stale.checked_at > timezone.now() - timedelta(minutes=1)
    assert overdue_counts()["certifications-rules"] == 0
    assert AuditEntry.objects.filter(object_id=stale.pk, action="still_correct").exists()


def test_the_staff_summary_counts_rules_to_check_again(django_capture_on_commit_callbacks):
    from apps.notifications.summary import staff_summaries_queue

    CuratorFactory(preferred_language="es")
    StateRuleFactory(checked_at=timezone.now() - timedelta(days=400), checked_by=None)

    with django_capture_on_commit_callbacks(execute=True):
        staff_summaries_queue(now=timezone.now())

    (message,) = mail.outbox
    assert "* Reglas estatales de credenciales: 1" in message.body


def test_the_rules_a_staff_member_checked_stay_without_them(staff):
    rule = StateRuleFactory(checked_by=staff)
    exported = {entry.name: rows for entry, rows in export(staff)}
    (row,) = exported["certifications_rules_checked"]
    assert row["state"] == "California" and row["credential"] == rule.credential.name
    erase(staff)
    rule.refresh_from_db()
    assert rule.checked_by is None


@pytest.mark.parametrize("value", [5, "construction", None, {"construction": 1}])
def test_a_credentials_lists_of_codes_must_be_lists_of_codes(value):
    """The admin's form takes any JSON there; the pages read them as lists of codes."""
    credential = CredentialFactory()
    credential.categories = credential.exam_languages = value
    with pytest.raises(ValidationError) as caught:
        credential.full_clean()
    assert caught.value.message_dict.keys() >= {"categories", "exam_languages"}
    credential.categories, credential.exam_languages = ["construction"], ["es", "xx"]
    with pytest.raises(ValidationError) as caught:
        credential.full_clean()
    assert list(caught.value.message_dict) == ["exam_languages"]
    credential.exam_languages = []  # no exam (a permit)
    credential.full_clean()
