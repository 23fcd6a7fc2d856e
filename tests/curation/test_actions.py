"""Bulk actions, translating side by side and the audit log (apps.curation)."""

import csv
import io
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from apps.core.models import AuditEntry, PublicationStatus
from apps.core.services import audit_record
from apps.curation.items import item_ref
from apps.curation.services import BulkRefused, bulk_apply
from apps.events.models import EventSearchEntry
from apps.jobs.models import Job, JobSearchEntry
from apps.jobs.services import job_report
from apps.legal.models import Provider
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.certifications.factories import CredentialFactory, TrainingFactory
from tests.events.factories import EventFactory
from tests.jobs.factories import JobFactory
from tests.legal.factories import GuideFactory, ProviderFactory
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db
S = PublicationStatus


@pytest.fixture
def curator():
    return CuratorFactory(display_name="Rosa")


@pytest.fixture
def staff_client(client, curator):
    client.force_login(curator)
    return client


def pending_job(**kwargs):
    return JobFactory(status=S.PENDING, published_at=None, **kwargs)


# Bulk actions


def test_bulk_publish_publishes_each_item_with_its_own_audit_entry(staff_client, curator):
    jobs = [pending_job(), pending_job()]
    response = staff_client.post(
        "/es/curation/bulk/",
        {"item": [item_ref(job) for job in jobs], "action": "publish", "note": "Revisado",
         "next": "/es/review/"},
    )  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/es/review/"
    for job in jobs:
        job.refresh_from_db()
        assert job.status == S.PUBLISHED
        entry = AuditEntry.objects.get(object_id=job.pk, action="publish")
        assert entry.actor == curator and entry.note == "Revisado"
    # Published jobs are searchable (core's after_transition indexes them).
    assert JobSearchEntry.objects.filter(pk__in=[job.pk for job in jobs]).count() == 2


def test_one_item_that_cannot_take_the_action_changes_nothing(staff_client):
    good = pending_job()
    published = JobFactory(title_es="Ya publicado")
    refs = [item_ref(good), item_ref(published), "jobs.job:999999", "no.such:1", "basura"]
    response = staff_client.post("/es/curation/bulk/", {"item": refs, "action": "publish"})
    assert response.status_code == 200
    good.refresh_from_db()
    assert good.status == S.PENDING
    assert not AuditEntry.objects.filter(action="publish").exists()
    page = response.content.decode()
    assert "Ya está publicado." in page
    assert "No existe ese elemento" in page
    assert "Esto no es un elemento." in page
    # The selection is kept, every item still checked, with the action chosen.
    for ref in refs:
        assert f'name="item" value="{ref}" checked' in page
    assert '<option value="publish" selected>' in page


def test_bulk_archive_and_verify(curator):
    job = JobFactory()
    bulk_apply(actor=curator, refs=[item_ref(job)], action="archive", note="Cerrado")
    job.refresh_from_db()
    assert job.status == S.ARCHIVED
    assert not JobSearchEntry.objects.filter(pk=job.pk).exists()

    overdue = ProviderFactory(
        verified_at=timezone.now() - timedelta(days=400),
        expires_on=timezone.localdate() + timedelta(days=30),
    )
    bulk_apply(actor=curator, refs=[item_ref(overdue)], action="verify")
    overdue.refresh_from_db()
    assert overdue.verified_by == curator
    assert overdue.verified_at > timezone.now() - timedelta(minutes=1)
    assert AuditEntry.objects.filter(object_id=overdue.pk, action="still_correct").count() == 1
    # Checked again just now: not due, and a job is never checked.
    with pytest.raises(BulkRefused) as refused:
        bulk_apply(actor=curator, refs=[item_ref(overdue), item_ref(job)], action="verify")
    assert [p.ref for p in refused.value.problems] == [item_ref(overdue), item_ref(job)]


def test_a_mentor_profile_cannot_be_archived_in_bulk(curator):
    from tests.mentorship.factories import MentorFactory

    mentor = MentorFactory()
    with pytest.raises(BulkRefused):
        bulk_apply(actor=curator, refs=[item_ref(mentor)], action="archive")


def test_bad_bulk_input_is_a_message_never_a_500(staff_client):
    response = staff_client.post("/es/curation/bulk/", {"action": "publish"})
    assert response.status_code == 200
    assert "Seleccione al menos un elemento." in response.content.decode()
    too_many = ["jobs.job:1"] * 2 + [f"jobs.job:{n}" for n in range(2, 300)]
    response = staff_client.post("/es/curation/bulk/", {"item": too_many, "action": "publish"})
    assert response.status_code == 200
    response = staff_client.post("/es/curation/bulk/", {"item": "jobs.job:1", "action": "drop"})
    assert response.status_code == 200


def test_next_must_be_on_this_site(staff_client):
    job = pending_job()
    response = staff_client.post(
        "/es/curation/bulk/",
        {"item": item_ref(job), "action": "publish", "next": "https://evil.example.com/"},
    )
    assert response["Location"] == "/es/curation/bulk/"


def test_the_bulk_page_shows_a_selection_from_the_url(staff_client):
    job = pending_job(title_es="Cocinera")
    response = staff_client.get(f"/es/curation/bulk/?item={item_ref(job)}")
    page = response.content.decode()
    assert "Cocinera" in page
    assert 'formaction="/es/curation/bulk/"' in page


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_staff_publishing_the_same_item_at_once_one_wins():
    job = pending_job()
    other = pending_job()
    people = [CuratorFactory(), CuratorFactory()]
    barrier = threading.Barrier(2)
    results = []

    def publish(person):
        try:
            barrier.wait()
            bulk_apply(actor=person, refs=[item_ref(job), item_ref(other)], action="publish")
            results.append("published")
        except BulkRefused as refused:
            results.append([str(problem.reason) for problem in refused.problems])
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert "published" in results
    refused = next(result for result in results if result != "published")
    assert len(refused) == 2  # told about both items, already published
    assert AuditEntry.objects.filter(action="publish").count() == 2  # once per item


# Translating side by side


def url_of(item) -> str:
    return f"/es/curation/translate/{item_ref(item)}/"


def test_filling_a_missing_translation_keeps_the_review_state(staff_client, curator):
    job = JobFactory(title_es="", description_es="", title_en="Line cook")
    before = Job.objects.get(pk=job.pk)
    response = staff_client.get(url_of(job))
    page = response.content.decode()
    assert "Line cook" in page  # the English shown, read-only
    assert 'name="title_es"' in page and 'name="title_en"' not in page
    response = staff_client.post(url_of(job), {"title_es": "Cocinero de línea"})
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.title_es == "Cocinero de línea"
    for field in ("status", "published_at", "submitted_at", "updated_at", "expires_on"):
        assert getattr(job, field) == getattr(before, field)
    entry = AuditEntry.objects.get(object_id=job.pk, action="translation_added")
    assert entry.actor == curator and entry.note == "title (es)"
    # The search entry reads the new title.
    assert "cociner" in JobSearchEntry.objects.get(pk=job.pk).search_title


def test_translation_validation_keeps_what_was_typed(staff_client):
    job = JobFactory(title_es="", description_es="")
    response = staff_client.post(url_of(job), {"title_es": "x" * 500, "description_es": "Texto"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Texto</textarea>" in page
    assert 'aria-invalid="true"' in page
    response = staff_client.post(url_of(job), {})
    assert "Escriba al menos uno de los textos que faltan." in response.content.decode()
    job.refresh_from_db()
    assert job.title_es == ""
    assert not AuditEntry.objects.filter(action="translation_added").exists()


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: EventFactory(title_en=""), "title_en"),
        (lambda: TrainingFactory(title_en=""), "title_en"),
        (lambda: ProviderFactory(description_en=""), "description_en"),
        (lambda: CredentialFactory(name_en=""), "name_en"),
        (lambda: GuideFactory(title_en=""), "title_en"),
    ],
    ids=["event", "training", "provider", "credential", "guide"],
)
def test_every_kind_translates_from_its_model(staff_client, make, field):
    item = make()
    response = staff_client.post(url_of(item), {field: "Written in English"})
    assert response.status_code == 302, response.content.decode()[:2000]
    item.refresh_from_db()
    assert getattr(item, field) == "Written in English"


def test_a_published_event_is_reindexed(staff_client):
    event = EventFactory(title_en="")
    staff_client.post(url_of(event), {"title_en": "Resume workshop"})
    assert "resum" in EventSearchEntry.objects.get(pk=event.pk).search_title


def test_what_is_not_translated_here_is_a_404(staff_client):
    refs = ("jobs.job:999999", "accounts.user:1", "jobs.job:abc", "organizations.organization:1")
    for ref in refs:
        assert staff_client.get(f"/es/curation/translate/{ref}/").status_code == 404


def test_the_manage_page_links_to_translation_and_history(staff_client):
    job = JobFactory(title_en="")
    page = staff_client.get(job.get_manage_url()).content.decode()
    assert f"/es/curation/translate/{item_ref(job)}/" in page
    assert f"/es/curation/audit/?item={item_ref(job)}" in page


# The audit log


def test_audit_filters(staff_client, curator):
    other = CuratorFactory(display_name="Otro")
    membership = MembershipFactory()
    mine = JobFactory(organization=membership.organization, title_es="De la organización")
    theirs = JobFactory(title_es="De otra")
    old = audit_record(actor=curator, subject=mine, action="publish", note="nota-uno")
    AuditEntry.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=10))
    audit_record(actor=other, subject=theirs, action="archive", note="nota-dos")
    audit_record(actor=curator, subject=membership.organization, action="verify", note="nota-tres")

    def notes(query):
        page = staff_client.get(f"/es/curation/audit/?{query}").content.decode()
        return [note for note in ("nota-uno", "nota-dos", "nota-tres") if note in page]

    assert notes("") == ["nota-uno", "nota-dos", "nota-tres"]
    assert notes(f"item={item_ref(mine)}") == ["nota-uno"]
    assert notes(f"kind=jobs.job&number={theirs.pk}") == ["nota-dos"]
    assert notes("kind=jobs.job") == ["nota-uno", "nota-dos"]
    assert notes(f"actor={curator.pk}") == ["nota-uno", "nota-tres"]
    assert notes(f"organization={membership.organization.pk}") == ["nota-uno", "nota-tres"]
    assert notes("action=archive") == ["nota-dos"]
    since = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert notes(f"since={since}") == ["nota-dos", "nota-tres"]
    assert notes(f"until={since}") == ["nota-uno"]
    # Bad filters are said, never a 500.
    response = staff_client.get("/es/curation/audit/?item=jobs.job:abc&number=x&since=ayer&actor=0")
    assert response.status_code == 200
    assert "Algunos filtros no se pudieron usar" in response.content.decode()


def test_the_person_filter_offers_staff_only_and_seekers_are_not_named(staff_client, curator):
    seeker = UserFactory(email="buscadora@example.org")
    job = JobFactory()
    audit_record(actor=seeker, subject=job, action="report", note="Pide dinero")
    page = staff_client.get("/es/curation/audit/").content.decode()
    assert "buscadora@example.org" not in page
    assert "Pide dinero" in page
    assert curator.email in page  # in the person filter


@pytest.mark.parametrize(
    ("language", "visitor", "reason", "reported"),
    [
        ("es", "Una persona que no había iniciado sesión", "Estafa, o pide dinero",
         "Denuncia enviada al personal de Camino"),
        ("en", "A visitor who was not signed in", "Scam, or asks for money",
         "Report sent to Camino staff"),
    ],
)  # fmt: skip
def test_a_report_names_its_reason_and_a_signed_out_visitor(
    staff_client, language, visitor, reason, reported
):
    job_report(job=JobFactory(), reporter=None, who="visitor", reason="scam")

    page = staff_client.get(f"/{language}/curation/audit/").content.decode()
    history = staff_client.get(f"/{language}/curation/audit/?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(history.streaming_content).decode())))

    assert [visitor, reported, reason] == rows[1][4:]
    assert f">{visitor}</td>" in page and f">{reason}</td>" in page
    assert ">scam</td>" not in page and ">Camino</td>" not in page


def test_notes_are_text_and_the_csv_escapes_formulas(staff_client, curator):
    job = JobFactory(title_es='=HYPERLINK("http://evil")')
    audit_record(actor=curator, subject=job, action="edit", note="<b>hola</b>")
    audit_record(actor=curator, subject=job, action="edit", note="=1+2")
    audit_record(actor=curator, subject=job, action="edit", note="@SUM(A1)")
    page = staff_client.get("/es/curation/audit/").content.decode()
    assert "&lt;b&gt;hola&lt;/b&gt;" in page and "<b>hola</b>" not in page
    response = staff_client.get("/es/curation/audit/?action=edit&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Cuándo"
    assert len(rows) == 4
    cells = [cell for row in rows[1:] for cell in row]
    assert "'=1+2" in cells and "'@SUM(A1)" in cells and "<b>hola</b>" in cells
    assert '\'=HYPERLINK("http://evil")' in cells
    assert not any(cell[:1] in "=+-@" for cell in cells if cell)


def test_audit_log_query_count_is_fixed(staff_client, curator, assert_query_count):
    def grow(count):
        for _ in range(count):
            job = JobFactory()
            provider = ProviderFactory()
            audit_record(actor=curator, subject=job, action="publish", note="ok")
            audit_record(actor=None, subject=provider, action="expire")

    # session, user, curator group, the staff to filter by, count, page, one per kind...
    assert_query_count("/es/curation/audit/", 9, grow)


def test_bulk_page_query_count_does_not_grow_with_the_selection(staff_client):
    from django.test.utils import CaptureQueriesContext

    def url(size):
        items = [JobFactory() for _ in range(size)] + [ProviderFactory() for _ in range(size)]
        return "/es/curation/bulk/?" + "&".join(f"item={item_ref(item)}" for item in items)

    staff_client.get(url(1))
    counts = []
    for size in (2, 15):
        address = url(size)
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(address).status_code == 200
        counts.append([query["sql"][:60] for query in queries.captured_queries])
    # The same queries whatever the selection's size: one per kind of item selected.
    assert counts[0] == counts[1]
    assert len(counts[0]) == 6, counts[0]


def test_translate_page_query_count(staff_client, django_assert_num_queries):
    provider = ProviderFactory(description_en="")
    staff_client.get(url_of(provider))
    with django_assert_num_queries(6):
        staff_client.get(url_of(provider))


def test_audit_log_provider_entry_names_it(staff_client, curator):
    provider = ProviderFactory()
    audit_record(actor=curator, subject=provider, action="still_correct")
    page = staff_client.get(f"/es/curation/audit/?item={item_ref(provider)}").content.decode()
    assert str(Provider.objects.get(pk=provider.pk)) in page


def test_the_bulk_controls_render_inside_another_page_s_form(rf, curator):
    from django.template.loader import render_to_string

    request = rf.get("/es/curation/queue/?kind=jobs")
    request.user = curator
    html = render_to_string("curation/includes/bulk_controls.html", request=request)
    assert 'formaction="/es/curation/bulk/"' in html and 'formmethod="post"' in html
    assert 'name="next" value="/es/curation/queue/?kind=jobs"' in html
    assert 'name="action"' in html and 'name="note"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_a_text_filled_meanwhile_is_not_overwritten(curator):
    from apps.curation.services import TranslationConflict, translation_fill
    from apps.curation.translations import missing_texts

    job = JobFactory(title_es="")
    gap = missing_texts(job)[0]
    Job.objects.filter(pk=job.pk).update(title_es="Escrito por otra persona")
    with pytest.raises(TranslationConflict):
        translation_fill(actor=curator, item=job, texts={gap: "Mío"})
    assert Job.objects.get(pk=job.pk).title_es == "Escrito por otra persona"


@pytest.mark.parametrize(
    "ref", ["jobs.job:999999999999999999", "core.auditentry:999999999999999999", "x\x00"]
)
def test_out_of_range_input_is_never_a_500(staff_client, ref):
    assert staff_client.get(f"/es/curation/translate/{ref}/").status_code == 404
    response = staff_client.post("/es/curation/bulk/", {"item": ref, "action": "publish"})
    assert response.status_code == 200
    assert staff_client.get("/es/curation/bulk/", {"item": ref}).status_code == 200
    assert staff_client.get("/es/curation/audit/", {"item": ref}).status_code == 200
    response = staff_client.get(
        "/es/curation/audit/?kind=jobs.job&number=999999999999999999&since=0001-01-01"
        "&until=9999-12-31"
    )
    assert response.status_code == 200
    assert "Elija una fecha entre los años 2000 y 2999." in response.content.decode()
