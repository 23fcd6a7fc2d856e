import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.jobs.services import job_alerts_queue
from apps.notifications.models import EmailPreferences
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import sign_in
from tests.jobs.factories import JobFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_seeker_saves_a_search_gets_a_spanish_alert_and_unsubscribes(
    page, journey, live_server, mailoutbox
):
    UserFactory(email="lucia@example.org", preferred_language="es", display_name="Lucía")
    sign_in(page, "lucia@example.org", PASSWORD)

    # She searches in Spanish and saves the search.
    page.goto("/es/jobs/?q=jardinero&authorization=open")
    section = page.get_by_role("region", name="Reciba un correo cuando haya empleos nuevos")
    section.get_by_label("Nombre de esta búsqueda").fill("Jardinería")
    section.get_by_label("Cada día").check()
    journey.visit("save a search")
    section.get_by_role("button", name="Guardar esta búsqueda").click()
    expect(page.get_by_text("Búsqueda guardada.")).to_be_visible()

    # A matching job is published; the daily alert runs (in-process tasks in tests).
    JobFactory(title_es="Jardinero", title_en="Gardener", work_authorization="open",
               published_at=timezone.now())  # fmt: skip
    job_alerts_queue(frequency="daily")

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.subject == '1 empleo nuevo para "Jardinería"'
    assert "Hola, Lucía:" in message.body and "Jardinero" in message.body

    # The unsubscribe link works from the email alone, signed out.
    page.context.clear_cookies()
    link = re.search(r"https?://\S+/notifications/unsubscribe/\S+/", message.body)[0]
    page.goto(link.replace("http://127.0.0.1:8000", ""))
    journey.visit("unsubscribe")
    page.get_by_role("button", name="Cancelar la suscripción").click()
    expect(page.get_by_role("heading", name="Se canceló su suscripción")).to_be_visible()
    journey.visit("unsubscribed")
    assert EmailPreferences.objects.get().wants("job_alerts") is False
