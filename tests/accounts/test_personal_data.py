"""A person's data is theirs: they can download it and delete their account, which leaves no
row that names them (apps.core.personal_data, apps.accounts.services)."""

import importlib
import json
import re
from dataclasses import replace

import pytest
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import connection, models
from django.test import Client
from django.test.utils import isolate_apps

from apps.accounts.models import User
from apps.accounts.services import account_delete
from apps.core.models import AuditEntry, PublicationStatus
from apps.core.personal_data import personal_data
from apps.core.services import audit_record, publication_expire, publication_submit
from apps.jobs.models import Job, JobReport, SavedSearch
from apps.jobs.services import (
    job_create,
    job_report,
    job_report_resolve,
    job_save,
    saved_search_create,
)
from apps.notifications.models import Delivery
from apps.notifications.services import preferences_update
from apps.organizations.models import Organization
from apps.organizations.services import (
    membership_add,
    organization_request,
    organization_verify,
)
from tests.accounts.factories import PASSWORD, CuratorFactory, UserFactory
from tests.jobs.factories import JobFactory
from tests.organizations.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

EMAIL = "leaving.person@example.org"


def user_pointers(model) -> list[str]:
    """The fields of a model that point at a user."""
    return [
        field.name
        for field in model._meta.get_fields()
        if field.concrete
        and field.is_relation
        and label(field.related_model) == settings.AUTH_USER_MODEL
    ]


def label(model) -> str | None:
    # A model named by a string is one its registry has not loaded (in isolate_apps below).
    return model if isinstance(model, str) or model is None else model._meta.label


# --- Every model that points at a person says what happens to it -----------------------------


def test_every_field_pointing_at_a_user_has_declared_handling():
    declared = {(entry.model, entry.field) for entry in personal_data}
    missing = [
        f"{model._meta.label}.{name}"
        for model in apps.get_models()
        for name in user_pointers(model)
        if (model._meta.label, name) not in declared
    ]
    assert missing == [], "declare these in apps.core.personal_data (see its docstring)"


def test_the_walk_sees_third_party_models():
    pointers = {
        f"{model._meta.label}.{name}"
        for model in apps.get_models()
        for name in user_pointers(model)
    }
    assert {"admin.LogEntry.user", "account.EmailAddress.user", "mfa.Authenticator.user"} <= (
        pointers
    )


@isolate_apps("tests.testapp")
def test_the_walk_sees_one_to_one_and_many_to_many_fields():
    class Event(models.Model):  # noqa: DJ008
        host = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
        attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
        title = models.CharField(max_length=10)

        class Meta:
            app_label = "testapp"

    assert user_pointers(Event) == ["host", "attendees"]


def test_declarations_name_real_fields_that_point_at_a_user():
    for entry in personal_data:
        model = entry.get_model()
        if entry.field is not None:
            assert entry.field in user_pointers(model), entry.name
        assert [key for key, _label in entry.columns] == list(dict(entry.columns)), entry.name
    # Sessions do not point at the user by a field: they are declared all the same.
    assert personal_data["sessions"].scrub is not None


# --- Download ---------------------------------------------------------------------------------


@pytest.fixture
def person():
    """A seeker and partner with a bit of everything, and someone else with their own."""
    person = UserFactory(email=EMAIL, preferred_language="en")
    other = UserFactory(email="someone.else@example.org")
    job = JobFactory(title_en="Line cook")
    job_save(user=person, job=job)
    job_save(user=other, job=JobFactory(title_en="Other's saved job"))
    saved_search_create(user=person, search=SavedSearch(name="Kitchens near me", query="q=cook"))
    saved_search_create(user=other, search=SavedSearch(name="Other's search", query="q=x"))
    preferences_update(user_id=person.pk, weekly_digest=True)
    MembershipFactory(user=person, organization__name="Taquería Luna")
    MembershipFactory(user=other, organization__name="Other's organization")
    job_report(job=job, reporter=person, who="me", reason="scam", details="Asked for a fee")
    job_report(job=job, reporter=other, who="other", reason="other", details="Other's words")
    return person


def test_a_person_downloads_everything_about_them_and_nothing_about_others(client, person):
    client.force_login(person)

    response = client.get("/en/accounts/my-data/download/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="camino-my-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"][0]["email"] == EMAIL
    assert [row["job"] for row in data["saved_jobs"]] == ["Line cook"]
    assert [row["name"] for row in data["saved_searches"]] == ["Kitchens near me"]
    assert [row["organization"] for row in data["memberships"]] == ["Taquería Luna"]
    assert [(row["reason"], row["details"]) for row in data["reports_filed"]] == [
        ("Scam, or asks for money", "Asked for a fee")
    ]
    preferences = {row["topic"]: row["wanted"] for row in data["email_preferences"]}
    assert preferences["A weekly digest of what is new for me, in one email"]
    assert data["email_addresses"] == [{"email": EMAIL, "verified": True, "primary": True}]
    assert [(row["action"], row["note"]) for row in data["actions"]] == [
        ("Report sent to Camino staff", "Scam, or asks for money")
    ]
    text = response.content.decode()
    for others in ("someone.else@example.org", "Other's", "Other's words"):
        assert others not in text


def test_the_readable_page_is_in_the_persons_language(client, person):
    client.force_login(person)

    english = client.get("/en/accounts/my-data/").content.decode()
    spanish = client.get("/es/accounts/my-data/").content.decode()

    assert "Saved searches" in english and "Kitchens near me" in english
    assert "Búsquedas guardadas" in spanish and "Kitchens near me" in spanish
    assert "Descargar mis datos (JSON)" in spanish
    assert "Other's search" not in english


def test_signed_out_visitors_are_sent_to_sign_in(client):
    for url in ("/en/accounts/my-data/", "/en/accounts/my-data/download/", "/en/accounts/delete/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")


def test_the_account_menu_and_the_privacy_page_offer_both(client, person):
    client.force_login(person)
    for url in ("/es/accounts/email/", "/es/privacy/"):
        html = client.get(url).content.decode()
        assert 'href="/es/accounts/my-data/"' in html, url
        assert 'href="/es/accounts/delete/"' in html, url
    assert "Sus datos son suyos" in client.get("/es/privacy/").content.decode()


# --- Deletion ---------------------------------------------------------------------------------


@pytest.fixture
def leaving():
    """A curator who was also a partner and a seeker: they did everything that leaves a
    trace, and others left traces about them."""
    person = CuratorFactory(email=EMAIL)
    colleague = CuratorFactory(email="colleague@example.org")
    requested = Organization(name="Luna Tacos", kind=Organization.Kind.EMPLOYER)
    organization_request(actor=person, organization=requested)
    shop = OrganizationFactory(name="Tienda Sol")
    membership_add(actor=colleague, organization=shop, user=person)
    # Before this change membership_add wrote the member's email as the audit note.
    audit_record(actor=colleague, subject=shop, action="add member", note=f"added {EMAIL}")
    organization_verify(actor=person, organization=shop)

    submitted = job_create(actor=person, job=JobFactory.build(organization=shop, status="draft"))
    publication_submit(actor=person, item=submitted)
    elsewhere = JobFactory(title_en="Elsewhere")
    job_save(user=person, job=elsewhere)
    saved_search_create(user=person, search=SavedSearch(name="Cocina", query="q=cocina"))
    preferences_update(user_id=person.pk, weekly_digest=True)
    Delivery.objects.create(key=f"test:{person.pk}", recipient=person, kind="job_alert")
    job_report(job=elsewhere, reporter=person, who="leaving", reason="scam", details="A fee")
    by_colleague = job_report(job=elsewhere, reporter=colleague, who="c", reason="other")
    job_report_resolve(actor=person, report=by_colleague)

    user_type = ContentType.objects.get_for_model(User)
    LogEntry.objects.create(
        user=colleague, content_type=user_type, object_id=str(person.pk), object_repr=EMAIL,
        action_flag=CHANGE, change_message='[{"changed": {"fields": ["Display name"]}}]',
    )  # fmt: skip
    LogEntry.objects.create(
        user=colleague, content_type=ContentType.objects.get_for_model(Organization),
        object_id=str(shop.pk), object_repr=shop.name, action_flag=CHANGE,
        change_message=json.dumps(
            [{"added": {"name": "membership", "object": f"{EMAIL} @ {shop.name}"}}]
        ),
    )  # fmt: skip
    LogEntry.objects.create(
        user=person, content_type=ContentType.objects.get_for_model(Job),
        object_id=str(elsewhere.pk), object_repr=str(elsewhere), action_flag=CHANGE,
    )  # fmt: skip
    return person


def rows_quoting(text: str) -> list[str]:
    """Every text and JSON column of every table in the database that contains `text`."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() "
            "AND data_type IN ('text', 'character varying', 'json', 'jsonb')"
        )
        columns = cursor.fetchall()
        found = []
        for table, column in columns:
            cursor.execute(
                f'SELECT count(*) FROM "{table}" WHERE "{column}"::text ILIKE %s',  # noqa: S608
                [f"%{text}%"],
            )
            if cursor.fetchone()[0]:
                found.append(f"{table}.{column}")
    return found


def rows_pointing_at(user_id: int) -> list[str]:
    return [
        f"{model._meta.label}.{name}"
        for model in apps.get_models(include_auto_created=True)
        for name in user_pointers(model)
        if model._default_manager.filter(**{f"{name}_id": user_id}).exists()
    ]


def session_user_ids() -> set[str]:
    return {session.get_decoded().get("_auth_user_id") for session in Session.objects.all()}


@pytest.mark.postgres
def test_deleting_an_account_leaves_no_row_that_names_the_person(client, leaving):
    person_id = leaving.pk
    phone = Client()
    phone.force_login(leaving)
    client.force_login(leaving)
    assert rows_quoting(EMAIL) and rows_pointing_at(person_id)  # the checks see them

    response = client.post("/en/accounts/delete/", {"password": PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/en/"
    assert not User.objects.filter(pk=person_id).exists()
    assert rows_quoting(EMAIL) == []
    assert rows_pointing_at(person_id) == []
    assert str(person_id) not in session_user_ids()
    assert phone.get("/en/accounts/my-data/").status_code == 302  # signed out everywhere

    # What others rely on stays, without them.
    job = Job.objects.get(organization__name="Tienda Sol")
    assert job.created_by is None and job.status == PublicationStatus.PENDING
    filed = JobReport.objects.get(reason="scam")
    assert filed.reporter is None and filed.details == "A fee"
    handled = JobReport.objects.get(reason="other")
    assert handled.resolved_by is None and handled.resolved_at is not None
    assert Organization.objects.get(name="Tienda Sol").verified_at is not None
    assert Organization.objects.get(name="Luna Tacos").requested_by is None
    theirs = AuditEntry.objects.filter(actor_deleted=True).values_list("action", flat=True)
    assert set(theirs) == {"request", "verify", "create", "submit", "report", "handle report"}
    assert AuditEntry.objects.get(note__startswith="added").note == "added [cuenta eliminada]"
    # The colleague keeps everything of theirs.
    colleague = User.objects.get(email="colleague@example.org")
    assert Authenticator.objects.filter(user=colleague).exists()
    assert JobReport.objects.filter(reporter=colleague).exists()


def test_a_wrong_password_deletes_nothing_and_says_so(client, person):
    client.force_login(person)

    response = client.post("/es/accounts/delete/", {"password": "not-my-password"})

    assert response.status_code == 200
    assert "Contraseña incorrecta." in response.content.decode()
    assert User.objects.filter(pk=person.pk).exists()


def test_the_page_warns_what_goes_and_what_stays(client, person):
    client.force_login(person)
    html = client.get("/es/accounts/delete/").content.decode()
    assert "Esto no se puede deshacer" in html
    assert "sus búsquedas guardadas" in html
    assert 'name="password"' in html


def test_without_a_password_a_code_by_email_confirms_the_deletion(client, mailoutbox):
    person = UserFactory(email=EMAIL, password=None)
    person.set_unusable_password()
    person.save()
    client.force_login(person)

    page = client.get("/en/accounts/delete/").content.decode()
    response = client.post("/en/accounts/delete/")

    assert 'name="password"' not in page
    assert response["Location"].startswith("/en/accounts/reauthenticate/code/")
    assert User.objects.filter(pk=person.pk).exists()  # not before the code
    response = client.post(response["Location"], {"recipient": EMAIL})
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mailoutbox[-1].body, re.M).group(1)
    response = client.post(response["Location"], {"code": code})

    # allauth replays the deletion that waited for the code.
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert not User.objects.filter(pk=person.pk).exists()


def test_deletion_runs_in_one_transaction(person, monkeypatch):
    def fail(user):
        raise RuntimeError("disk full")

    # The last entry fails, after the others have erased their rows.
    last = personal_data.keys()[-1]
    monkeypatch.setitem(personal_data._entries, last, replace(personal_data[last], scrub=fail))
    with pytest.raises(RuntimeError):
        account_delete(user=person)
    assert person.saved_jobs.exists() and person.memberships.exists()


# --- Staff see "deleted account" ---------------------------------------------------------------


def test_staff_see_a_deleted_account_in_the_history_reports_and_admin(client):
    partner = MembershipFactory(user=CuratorFactory(email=EMAIL)).user
    curator = CuratorFactory()
    organization = partner.memberships.get().organization
    job = job_create(actor=partner, job=JobFactory.build(organization=organization, status="draft"))
    publication_submit(actor=partner, item=job)
    job.refresh_from_db()
    job.status = PublicationStatus.PUBLISHED
    job.save()
    publication_expire(actor=None, item=job)  # Camino itself, by date
    report = job_report(job=job, reporter=None, who="visitor", reason="scam")
    job_report_resolve(actor=partner, report=report)
    organization_verify(actor=partner, organization=organization)

    account_delete(user=partner)
    client.force_login(curator)

    history = client.get(f"/en/jobs/{job.pk}/manage/").content.decode()
    who = re.findall(r'<td role="cell" data-label="Who">([^<]*)</td>', history)
    assert who.count("deleted account") == 3  # create, submit, handle report
    assert "Camino" in who  # what the daily task did stays Camino's
    assert "cuenta eliminada" in client.get(f"/es/jobs/{job.pk}/manage/").content.decode()
    reports = client.get("/en/jobs/reports/").content.decode()
    assert "Handled by deleted account" in reports
    admin = client.get(f"/en/admin/jobs/job/{job.pk}/change/").content.decode()
    assert "deleted account" in admin
    assert 'name="created_by"' not in admin  # shown, not editable
    admin = client.get(f"/en/admin/organizations/organization/{organization.pk}/change/")
    assert "deleted account" in admin.content.decode()
    assert 'name="verified_by"' not in admin.content.decode()


# --- Notes that named people --------------------------------------------------------------------


def test_adding_a_member_no_longer_writes_their_email_into_the_audit_note():
    curator, person = CuratorFactory(), UserFactory(email=EMAIL)
    shop = OrganizationFactory()
    membership_add(actor=curator, organization=shop, user=person)
    assert not AuditEntry.objects.filter(note__icontains=EMAIL).exists()


def test_the_migration_clears_the_emails_that_membership_add_wrote():
    shop, curator = OrganizationFactory(), CuratorFactory()
    audit_record(actor=curator, subject=shop, action="add member", note=EMAIL)
    audit_record(actor=curator, subject=shop, action="verify", note="Checked their website")
    migration = importlib.import_module(
        "apps.organizations.migrations.0002_audit_notes_without_emails"
    )

    migration.clear_member_emails(apps, None)

    assert list(AuditEntry.objects.order_by("id").values_list("note", flat=True)) == [
        "",
        "Checked their website",
    ]
