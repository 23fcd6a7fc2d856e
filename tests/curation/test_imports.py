"""Imports and exports (issue 16): a dry run first, then all or nothing; rows matched by
external id; bad files refused with a clear message; a fixed number of queries per batch."""

import csv
import hashlib
import io

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from apps.core.models import AuditEntry, PublicationStatus
from apps.curation.import_services import import_file_check, import_file_confirm
from apps.curation.models import ImportFile
from apps.jobs.models import Job, JobSearchEntry
from tests.accounts.factories import CuratorFactory
from tests.jobs.factories import JobFactory
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

HEADER = [
    "external_id", "organization", "title_es", "title_en", "description_es", "description_en",
    "category", "employment_type", "work_authorization", "work_language", "zip_code", "city",
    "state", "apply_email",
]  # fmt: skip


def job_row(number: int, organization: str, **changes) -> dict:
    return {
        "external_id": f"job-{number}", "organization": organization,
        "title_es": f"Cocinero {number}", "title_en": f"Cook {number}",
        "description_es": "Cocina de un restaurante.", "description_en": "A restaurant kitchen.",
        "category": "food", "employment_type": "full_time", "work_authorization": "open",
        "work_language": "spanish", "zip_code": "60623", "city": "Chicago", "state": "IL",
        "apply_email": "empleo@example.org", **changes,
    }  # fmt: skip


def csv_bytes(rows: list[dict], header=HEADER, encoding="utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


@pytest.fixture
def curator():
    return CuratorFactory()


@pytest.fixture
def organization():
    return OrganizationFactory(slug="cocina-unida")


def upload(client, content: bytes, name="jobs.csv", publish=False, lang="en"):
    data = {"file": io.BytesIO(content)}
    data["file"].name = name
    if publish:
        data["publish"] = "on"
    return client.post(f"/{lang}/curation/import/jobs/", data)


def check(curator, content, publish=False) -> ImportFile:
    """A dry run, as a curator who reads English."""
    with translation.override("en"):
        return import_file_check(
            actor=curator, kind="jobs", file_name="jobs.csv", content=content, publish=publish
        )


def confirm(curator, import_file):
    """Confirm, and run the import the confirmation queues once it commits (the tests'
    Celery runs tasks in the process; test_imports_worker.py has a real worker)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        confirmed = import_file_confirm(
            actor=curator, import_file=import_file, sha256=import_file.sha256
        )
    confirmed.refresh_from_db()
    return confirmed


def test_dry_run_reports_each_row_in_the_staff_language_and_writes_nothing(
    client, curator, organization
):
    rows = [job_row(1, "cocina-unida"), job_row(2, "cocina-unida", zip_code="9021")]
    rows.append(job_row(3, "nadie"))
    client.force_login(curator)
    response = upload(client, csv_bytes(rows), lang="es")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Fila 3, zip_code: El código postal 9021 no es un código postal de EE. UU." in page
    assert "Fila 4, organization:" in page
    assert Job.objects.count() == 0
    import_file = ImportFile.objects.get()
    assert import_file.report["counts"] == {"created": 1, "updated": 0, "skipped": 0, "error": 2}
    assert import_file.report["rows"] == [[2, "created", "job-1"], [3, "error", "job-2"],
                                          [4, "error", "job-3"]]  # fmt: skip
    assert "Import the whole file" not in page  # no confirmation while rows are wrong
    # A report keeps the language of its check (the page's own words follow the page's); a
    # check in English says it in English.
    response = upload(client, csv_bytes(rows), lang="en")
    page = client.get(response["Location"]).content.decode()
    assert "Row 3, zip_code: ZIP 9021 is not a US ZIP code." in page


def test_confirm_imports_for_review_with_audit_entries(
    client, curator, organization, django_capture_on_commit_callbacks
):
    rows = [job_row(number, "cocina-unida") for number in range(1, 4)]
    client.force_login(curator)
    location = upload(client, csv_bytes(rows))["Location"]
    import_file = ImportFile.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(location, {"sha256": import_file.sha256})
    assert response.status_code == 302
    jobs = Job.objects.order_by("external_id")
    assert [job.external_id for job in jobs] == ["job-1", "job-2", "job-3"]
    assert {job.status for job in jobs} == {PublicationStatus.PENDING}
    assert {job.organization_id for job in jobs} == {organization.pk}
    assert jobs[0].title_es == "Cocinero 1" and jobs[0].title_en == "Cook 1"
    assert not JobSearchEntry.objects.exists()
    entries = AuditEntry.objects.filter(actor=curator)
    assert sorted(entries.values_list("action", flat=True)) == [
        "import", "import create", "import create", "import create"
    ]  # fmt: skip
    assert entries.get(action="import").object_id == import_file.pk
    page = client.get(location).content.decode()
    assert "Imported on" in page and "The file was imported." in page
    # A second confirmation does nothing more.
    client.post(location, {"sha256": import_file.sha256})
    assert Job.objects.count() == 3


def test_publish_directly_publishes_and_indexes(curator, organization):
    import_file = check(curator, csv_bytes([job_row(1, "cocina-unida")]), publish=True)
    confirm(curator, import_file)
    job = Job.objects.get()
    assert job.status == PublicationStatus.PUBLISHED and job.published_at
    assert JobSearchEntry.objects.filter(pk=job.pk).exists()


def test_the_same_file_twice_changes_nothing(curator, organization):
    content = csv_bytes([job_row(number, "cocina-unida") for number in range(1, 6)])
    confirm(curator, check(curator, content))
    before = list(Job.objects.order_by("pk").values_list("pk", "updated_at", "status"))
    second = check(curator, content)
    assert second.report["counts"] == {"created": 0, "updated": 0, "skipped": 5, "error": 0}
    confirm(curator, second)
    assert list(Job.objects.order_by("pk").values_list("pk", "updated_at", "status")) == before
    # A changed row updates its item and only it.
    rows = [job_row(number, "cocina-unida") for number in range(1, 6)]
    rows[2]["title_en"] = "Head cook"
    third = check(curator, csv_bytes(rows))
    assert third.report["counts"] == {"created": 0, "updated": 1, "skipped": 4, "error": 0}
    confirm(curator, third)
    assert Job.objects.get(external_id="job-3").title_en == "Head cook"


def test_a_confirmation_is_all_or_nothing(curator, organization, settings):
    settings.CURATION_IMPORT_BATCH = 2
    rows = [job_row(number, "cocina-unida") for number in range(1, 6)]
    rows[4]["organization"] = "otra"
    other = OrganizationFactory(slug="otra")
    import_file = check(curator, csv_bytes(rows))
    assert import_file.report["counts"]["error"] == 0
    # Between the dry run and the confirmation the last row's organization goes away: the
    # first two batches were written, and are undone.
    other.slug = "otra-ya-no"
    other.save()
    with translation.override("en"):
        import_file = confirm(curator, import_file)
    assert Job.objects.count() == 0
    assert not AuditEntry.objects.exists()
    assert import_file.imported_at is None and import_file.confirmed_at is None
    assert import_file.refused.startswith("Nothing was imported: some rows have errors now.")
    assert import_file.report["errors"][0][:2] == [6, "organization"]
    # Once the organization is back, the same file may be confirmed again.
    other.slug = "otra"
    other.save()
    assert confirm(curator, import_file).imported_at
    assert Job.objects.count() == 5


def test_a_confirmation_imports_only_the_checked_file(client, curator, organization):
    import_file = check(curator, csv_bytes([job_row(1, "cocina-unida")]))
    client.force_login(curator)
    other = hashlib.sha256(b"another file").hexdigest()
    response = client.post(
        f"/en/curation/import/files/{import_file.pk}/", {"sha256": other}, follow=True
    )
    assert "This is not the file that was checked." in response.content.decode()
    assert Job.objects.count() == 0
    response = client.post(f"/en/curation/import/files/{import_file.pk}/", {"sha256": "x"})
    assert response.status_code == 302 and Job.objects.count() == 0


def test_export_escapes_formulas_and_imports_back_unchanged(client, curator, organization):
    JobFactory.create_batch(3, organization=organization, external_id=factory_ids())
    JobFactory(
        organization=organization, external_id="evil",
        title_en='=HYPERLINK("http://evil.example","click")', description_en="-5 +1 @x",
    )  # fmt: skip
    JobFactory(external_id="other-organization")
    client.force_login(curator)
    response = client.get("/en/curation/export/jobs/?status=published&organization=cocina-unida")
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert len(rows) == 4
    evil = next(row for row in rows if row["external_id"] == "evil")
    assert evil["title_en"] == '\'=HYPERLINK("http://evil.example","click")'
    assert evil["description_en"] == "'-5 +1 @x"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
    import_file = check(curator, content)
    assert import_file.report["counts"] == {"created": 0, "updated": 0, "skipped": 4, "error": 0}, (
        import_file.report
    )
    # The text is kept as text: the next export escapes it again.
    assert Job.objects.get(external_id="evil").title_en.startswith("=HYPERLINK")


def factory_ids():
    import factory

    return factory.Sequence(lambda n: f"exported-{n}")


def test_a_row_meets_the_job_form_rules(curator, organization):
    rows = [
        job_row(1, "cocina-unida", apply_email="", pay_min="20", pay_max="15"),
        job_row(2, "cocina-unida", city="", description_es="", description_en=""),
    ]
    assert check(curator, csv_bytes(rows, header=[*HEADER, "pay_min", "pay_max"])).report[
        "errors"
    ] == [
        [2, "pay_max", "The highest pay cannot be less than the lowest."],
        [2, "", "Say how to apply: a website, an email address or an address in person."],
        [3, "", "Write the title and the description in at least one language."],
        [3, "city", "Needed for work on site or hybrid."],
    ]


def test_a_formula_in_a_file_is_refused(curator, organization):
    row = job_row(1, "cocina-unida", title_en='=HYPERLINK("http://evil.example")')
    import_file = check(curator, csv_bytes([row]))
    assert import_file.report["errors"] == [
        [2, "title_en", "A formula is not accepted; put the text itself."]
    ]


def test_the_filters_of_an_export_are_checked(client, curator):
    client.force_login(curator)
    response = client.get("/en/curation/export/jobs/?status=nonsense&organization=nadie")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert client.get("/en/curation/export/?kind=jobs&status=published").status_code == 302
    assert client.get("/en/curation/export/nothing/").status_code == 404


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "jobs.csv", "is not a CSV file or an Excel"),
        (b"PK\x03\x04 not really a spreadsheet", "jobs.xlsx", "is not a CSV file or an Excel"),
        (b"", "jobs.csv", "The submitted file is empty."),
        (
            csv_bytes([job_row(1, "cocina-unida")], header=HEADER[:8]),
            "jobs.csv",
            "Columns missing: work_authorization, work_language.",
        ),
    ],
)
def test_a_bad_file_is_refused_with_a_message(client, curator, content, name, message):
    client.force_login(curator)
    response = upload(client, content, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportFile.objects.exists()


def test_a_50_mb_file_is_refused_by_its_size(client, curator):
    client.force_login(curator)
    response = upload(client, b"a" * (50 * 1024 * 1024))
    assert response.status_code == 413
    assert "The file is larger than 10.0" in response.content.decode()
    assert not ImportFile.objects.exists()


def test_a_latin_1_file_is_read_with_its_accents(curator, organization):
    row = job_row(1, "cocina-unida", title_es="Señora de la limpieza, Jalapeño", title_en="Cleaner")
    import_file = check(curator, csv_bytes([row], encoding="latin-1"))
    assert "read as Latin-1" in import_file.report["notes"][0]
    confirm(curator, import_file)
    assert Job.objects.get().title_es == "Señora de la limpieza, Jalapeño"


def test_an_xlsx_file_is_read(curator, organization):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(list(job_row(1, "cocina-unida", zip_code=60623).values()))
    out = io.BytesIO()
    book.save(out)
    import_file = check(curator, out.getvalue())
    assert import_file.report["counts"]["created"] == 1, import_file.report


def test_a_thousand_bad_rows_give_a_readable_report(client, curator, organization):
    rows = [job_row(number, "cocina-unida", zip_code="123") for number in range(1000)]
    client.force_login(curator)
    page = client.get(upload(client, csv_bytes(rows))["Location"]).content.decode()
    import_file = ImportFile.objects.get()
    assert import_file.report["counts"]["error"] == 1000
    assert len(import_file.report["errors"]) == 200
    assert "And 800 more errors not shown" in page
    assert "And 800 more rows." in page


def queries_of_an_import(curator, rows: int) -> int:
    content = csv_bytes([job_row(number, "cocina-unida") for number in range(rows)])
    import_file = check(curator, content, publish=True)
    with CaptureQueriesContext(connection) as queries:
        confirm(curator, import_file)
    assert Job.objects.filter(external_id=f"job-{rows - 1}").exists()
    Job.objects.all().delete()
    return len(queries)


# SQLite takes fewer values per statement, so Django splits a batch's inserts there.
@pytest.mark.postgres
def test_queries_per_batch_do_not_grow_with_rows(curator, organization, settings):
    settings.CURATION_IMPORT_BATCH = 100
    with_100, with_200, with_400 = (queries_of_an_import(curator, n) for n in (100, 200, 400))
    per_batch = with_200 - with_100
    assert with_400 - with_200 == 2 * per_batch
    # matched items, organizations, jobs, audit entries, search entries
    assert per_batch <= 6


def kind_factories():
    from tests.certifications.factories import CredentialFactory, TrainingFactory
    from tests.events.factories import EventFactory
    from tests.legal.factories import ProviderFactory

    return {
        "jobs": JobFactory, "events": EventFactory, "legal": ProviderFactory,
        "credentials": CredentialFactory, "trainings": TrainingFactory,
    }  # fmt: skip


@pytest.mark.parametrize("kind", ["jobs", "events", "legal", "credentials", "trainings"])
def test_every_kind_exports_and_imports_back(client, curator, kind):
    """Each registered kind reads back its own export: unchanged rows are skipped, a changed
    one updates its item, a row with a new id creates one (for review)."""
    from apps.core.imports import import_resources

    resource = import_resources[kind]
    item = kind_factories()[kind](external_id="x-1")
    client.force_login(curator)
    content = b"".join(client.get(f"/en/curation/export/{kind}/").streaming_content)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == resource.header and len(rows) == 2

    def dry_run(rows):
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        with translation.override("en"):
            return import_file_check(
                actor=curator, kind=kind, file_name=f"{kind}.csv",
                content=out.getvalue().encode(), publish=False,
            )  # fmt: skip

    assert dry_run(rows).report["counts"]["skipped"] == 1
    # A text the staff member changes, and the same row again under a new id (a legal help
    # entry is one per organization: the copy is refused, and says why).
    english = next(column for column in resource.header if column.endswith("_en"))
    text_column = resource.header.index(english)
    changed = list(rows[1])
    if kind != "legal":
        changed[text_column] = f"{changed[text_column]} (new)"
    copy = ["x-2", *rows[1][1:]]
    if kind == "credentials":
        copy[resource.header.index("slug")] = "a-new-address"
    report = dry_run([rows[0], changed, copy]).report
    if kind == "legal":
        assert report["counts"] == {"created": 0, "updated": 0, "skipped": 1, "error": 1}
        assert report["errors"][0][1] == "organization", report
        return
    assert report["counts"] == {"created": 1, "updated": 1, "skipped": 0, "error": 0}, report
    import_file = ImportFile.objects.order_by("pk").last()
    confirm(curator, import_file)
    model = resource.model
    item = model._default_manager.get(pk=item.pk)
    assert getattr(item, resource.header[text_column]).endswith("(new)")
    new = model._default_manager.get(external_id="x-2")
    assert (new.status == "pending") if resource.is_reviewable else not new.published


def test_the_import_pages_run_a_fixed_number_of_queries(client, curator, organization,
                                                          assert_query_count):  # fmt: skip
    client.force_login(curator)
    made = []

    def grow(count: int) -> None:
        start = len(made)
        made.extend(range(start, start + count))
        JobFactory.create_batch(count, organization=organization)
        content = csv_bytes([job_row(number, "cocina-unida") for number in made])
        check(curator, content)

    grow(1)
    latest = ImportFile.objects.order_by("pk").last()
    assert_query_count("/en/curation/import/", 5, grow)
    assert_query_count(f"/en/curation/import/files/{latest.pk}/", 5, grow)
    assert_query_count("/en/curation/import/jobs/", 4, grow)
    assert_query_count("/en/curation/export/", 4, grow)
