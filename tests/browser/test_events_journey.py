"""Events in Chromium at phone width: a seeker finds a workshop in Spanish near a ZIP code
where no ID is needed and adds it to their calendar; a partner submits an event and staff
publish it."""

import re
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

from apps.events.models import Event
from tests.accounts.factories import PASSWORD, CuratorFactory
from tests.browser.conftest import field, sign_in, sign_out
from tests.events.factories import EventFactory, in_days
from tests.organizations.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LABELS = {
    "es": {
        "zip": "Cerca del código postal", "radius": "A no más de (millas)",
        "no_id": "No piden identificación en la entrada", "language": "Idioma",
        "spanish": "En español", "more": "Más filtros", "workshop": "Taller",
        "search": "Buscar", "found": "Se encontró 1 evento",
        "no_id_box": "No se necesita identificación para entrar",
        "calendar": "Agregar a mi calendario (.ics)",
        "map": "Abrir la dirección en una aplicación de mapas",
    },
    "en": {
        "zip": "Near ZIP code", "radius": "Within (miles)", "no_id": "No ID needed at the door",
        "language": "Language", "spanish": "In Spanish", "more": "More filters",
        "workshop": "Workshop", "search": "Search", "found": "1 event found",
        "no_id_box": "No ID needed to enter", "calendar": "Add to my calendar (.ics)",
        "map": "Open the address in a map app",
    },
}  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_seeker_finds_a_spanish_workshop_near_them_with_no_id_and_adds_it(
    page, journey, lang, tmp_path
):
    wanted = EventFactory(
        title_es="Taller de currículum en La Villita", title_en="Resume workshop in Little Village",
        language="es", id_at_the_door="no", zip_code="60623", starts_at=in_days(4, hour=18),
    )  # fmt: skip
    EventFactory(title_es="Taller en el edificio federal", id_at_the_door="yes", zip_code="60604")
    EventFactory(title_es="Taller en inglés", language="en", id_at_the_door="no")
    EventFactory(title_es="Taller en Houston", city="Houston", state="TX", zip_code="77036")
    EventFactory(title_es="Feria cercana", kind="career_fair", topic="", id_at_the_door="no")
    labels = LABELS[lang]

    page.goto(f"/{lang}/events/")
    journey.visit("event list")
    search = page.get_by_role("search")
    search.get_by_label(labels["zip"]).fill("60629")
    search.get_by_label(labels["radius"]).fill("10")
    search.get_by_label(labels["no_id"]).check()
    language = re.compile(rf"^{labels['language']}:?$")
    search.get_by_label(language).select_option(label=labels["spanish"])
    search.get_by_text(labels["more"]).click()
    search.get_by_label(labels["workshop"], exact=True).check()
    search.get_by_role("button", name=labels["search"]).click()

    expect(page).to_have_url(re.compile(r"no_id=on.*language=es.*zip=60629.*radius=10"))
    expect(page.get_by_role("heading", name=labels["found"])).to_be_visible()
    journey.visit("search results")
    # Nothing wider than a phone: the filters (two dates side by side) fit the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    title = wanted.title_es if lang == "es" else wanted.title_en
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("heading", name=labels["no_id_box"])).to_be_visible()
    expect(page.get_by_role("link", name=labels["map"])).to_have_attribute(
        "href", re.compile(r"^https://maps\.google\.com/\?q=2708\+S\+Pulaski")
    )
    journey.visit("event detail")

    with page.expect_download() as download:
        page.get_by_role("link", name=labels["calendar"]).click()
    saved = tmp_path / "event.ics"
    download.value.save_as(saved)
    [vevent] = icalendar.Calendar.from_ical(Path(saved).read_bytes()).walk("VEVENT")
    assert vevent.decoded("dtstart") == wanted.starts_at
    assert str(vevent["summary"]) == title


def test_a_partner_submits_an_event_and_staff_publish_it(page, journey):
    MembershipFactory(user__email="socia@example.org")
    CuratorFactory(email="rosa@example.org")

    sign_in(page, "socia@example.org", PASSWORD)
    page.goto("/es/events/new/")
    journey.visit("new event")
    field(page, "Tipo de evento").select_option("workshop")
    field(page, "Tema del taller").select_option("itin_taxes")
    field(page, "Título en español").fill("Taller de ITIN en Pilsen")
    field(page, "Descripción en español").fill("Cómo sacar o renovar su ITIN.")
    field(page, "Empieza").fill("2030-03-12T18:00")
    field(page, "Termina").fill("2030-03-12T20:00")
    field(page, "Lugar").fill("Centro Comunitario de Pilsen")
    field(page, "Dirección").fill("1850 S Blue Island Ave")
    field(page, "Ciudad").fill("Chicago")
    field(page, "Estado").select_option("IL")
    field(page, "Código postal (ZIP)").fill("60608")
    field(page, "Identificación oficial en la entrada").select_option("no")
    page.get_by_role("button", name="Guardar borrador").click()
    expect(page.get_by_text("Guardado como borrador")).to_be_visible()
    journey.visit("draft preview")
    page.get_by_role("button", name="Enviar a revisión").click()
    expect(page.locator(".manage-panel .badge")).to_have_text("En revisión")
    sign_out(page)

    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    page.goto("/es/review/events/")
    journey.visit("review queue")
    page.get_by_role("link", name="Taller de ITIN en Pilsen").click()
    page.get_by_role("button", name="Publicar").click()
    expect(page.locator(".manage-panel .badge")).to_have_text("Publicado")
    journey.visit("published event")
    event = Event.objects.get()
    assert event.status == "published" and event.local_starts_at.hour == 18
    sign_out(page)
    page.goto("/es/events/?q=itin")
    expect(page.get_by_role("link", name="Taller de ITIN en Pilsen")).to_be_visible()
