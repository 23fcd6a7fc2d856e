"""The "Your data" page reads as the person's own record, in their language, on a phone too:
codes read as their labels, their own report is not a visitor's, a place on a waiting list
says so (apps.accounts.views.PersonalDataView, apps.core.services.audit_note)."""

import json
import re

import pytest

from apps.curation.models import ImportFile
from apps.events.registrations import registration_cancel, registration_create
from apps.jobs.services import job_report
from apps.notifications.registry import email_kind_labels, email_kinds
from tests.accounts.factories import UserFactory
from tests.events.factories import EventFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db
ACTIONS = {"es": "Lo que hizo en anuncios y organizaciones",
           "en": "What you did on listings and organizations"}  # fmt: skip
EVENTS = {"es": "Eventos a los que se inscribió", "en": "Events you registered for"}


@pytest.fixture
def maria(client):
    """María, signed in: she reported a job, got a seat at one event, joined the waiting
    list of a full one and cancelled a third."""
    maria = UserFactory(display_name="María")
    job_report(job=JobFactory(), reporter=maria, who="maria", reason="documents")
    registration_create(user=maria, event=EventFactory(capacity=5, seats_left=5))
    full = EventFactory(capacity=1, seats_left=1)
    registration_create(user=UserFactory(), event=full)
    registration_create(user=maria, event=full)
    cancelled = registration_create(user=maria, event=EventFactory(capacity=5, seats_left=5))
    registration_cancel(user=maria, registration=cancelled)
    client.force_login(maria)
    return maria


def cells(page: str, section: str, label: str) -> list[str]:
    """The values of one column of one section (its heading), as the page shows them."""
    [part] = [part for part in page.split("<section") if f">{section}</h2>" in part]
    return re.findall(rf'<td role="cell" data-label="{label}">([^<]*)</td>', part)


def all_cells(page: str) -> list[str]:
    return [value.strip() for value in re.findall(r"<td[^>]*>([^<]*)</td>", page)]


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_table_scrolls_or_stacks_in_its_own_box_on_a_phone(client, maria, language):
    page = client.get(f"/{language}/accounts/my-data/").content.decode()

    tables = page.count("<table")
    assert tables > 3
    # The box scrolls a wide table sideways, and on a phone (.table-stack, static/css) each
    # row reads as lines under its columns' names: the page itself stays as wide as the
    # screen.
    boxes = re.findall(
        r'<div class="table-scroll table-stack" tabindex="0" role="region" aria-label="[^"]+">'
        r'\s*<table role="table">',
        page,
    )
    assert len(boxes) == tables


@pytest.mark.parametrize(
    ("language", "codes", "labels"),
    [
        ("es", ["documents", "registered", "waiting"],
         ["Pide el SSN o documentos antes de contratar", "Inscrito", "En la lista de espera"]),
        ("en", ["documents", "registered", "waiting"],
         ["Asks for SSN or documents before hiring", "Registered", "On the waiting list"]),
    ],
)  # fmt: skip
def test_notes_read_as_labels_not_codes(client, maria, language, codes, labels):
    page = client.get(f"/{language}/accounts/my-data/").content.decode()

    notes = cells(page, ACTIONS[language], "Nota" if language == "es" else "Note")
    # Two seats (one given up since: that has no note) and a place in line.
    assert sorted(notes) == sorted(["", labels[1], *labels])
    for code in codes:
        assert code not in all_cells(page)


@pytest.mark.parametrize(
    ("language", "said", "wrong"),
    [
        ("es", "Denuncia enviada al personal de Camino", "Denunciado por un visitante"),
        ("en", "Report sent to Camino staff", "Reported by a visitor"),
    ],
)
def test_her_own_report_does_not_say_a_visitor_made_it(client, maria, language, said, wrong):
    page = client.get(f"/{language}/accounts/my-data/").content.decode()

    assert said in cells(page, ACTIONS[language], "Qué" if language == "es" else "What")
    assert wrong not in page


@pytest.mark.parametrize(
    ("language", "what", "statuses"),
    [
        ("es", ["Inscripción al evento", "Inscripción al evento", "Inscripción al evento",
                "Inscripción cancelada"],
         ["Inscrito", "Lista de espera: número 1", "Cancelado"]),
        ("en", ["Signed up for the event", "Signed up for the event", "Signed up for the event",
                "Registration cancelled"],
         ["Registered", "Waiting list: number 1", "Cancelled"]),
    ],
)  # fmt: skip
def test_a_place_on_the_waiting_list_says_so(client, maria, language, what, statuses):
    page = client.get(f"/{language}/accounts/my-data/").content.decode()

    assert cells(page, ACTIONS[language], "Qué" if language == "es" else "What")[1:] == what
    assert cells(page, EVENTS[language], "Estado" if language == "es" else "Status") == statuses


@pytest.mark.parametrize(
    ("language", "report", "note"),
    [
        ("es", "Denuncia enviada al personal de Camino", "En la lista de espera"),
        ("en", "Report sent to Camino staff", "On the waiting list"),
    ],
)
def test_the_download_reads_the_same_in_the_pages_language(client, maria, language, report, note):
    data = json.loads(client.get(f"/{language}/accounts/my-data/download/").content)

    assert data["actions"][0]["action"] == report
    assert note in [row["note"] for row in data["actions"]]
    statuses = [row["status"] for row in data["event_registrations"]]
    assert statuses[1] == (
        "Lista de espera: número 1" if language == "es" else "Waiting list: number 1"
    )


@pytest.mark.parametrize(
    ("language", "kind"),
    [
        ("es", {"Correos que Camino le envió": ("Tipo", "Un recordatorio de un evento"),
                "Archivos que usted subió para importar": ("Tipo de elemento", "Empleos")}),
        ("en", {"Emails Camino sent you": ("Kind", "A reminder of an event"),
                "Files you uploaded to import": ("Kind of item", "Jobs")}),
    ],
)  # fmt: skip
def test_kinds_of_emails_and_imports_read_as_names(client, maria, language, kind):
    ImportFile.objects.create(kind="jobs", file_name="empleos.csv", content=b"", uploaded_by=maria)

    page = client.get(f"/{language}/accounts/my-data/").content.decode()

    for section, (label, name) in kind.items():
        assert name in cells(page, section, label)
    for code in ("event_reminder", "jobs"):
        assert code not in all_cells(page)


def test_every_kind_of_email_has_a_name_for_people():
    assert set(email_kinds.keys()) == set(email_kind_labels.keys())
