"""A person applies to mentor in English, staff approve, and a Spanish-speaking seeker says
what they want help with and sees that mentor suggested with the reason: on a phone-sized
screen, in Chromium, with axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from apps.mentorship.models import MentorProfile
from tests.accounts.factories import PASSWORD, CuratorFactory, UserFactory
from tests.browser.conftest import sign_in, sign_out
from tests.mentorship.factories import MentorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_apply_approve_and_be_suggested(page, journey):
    UserFactory(email="grace@example.org", display_name="Grace", preferred_language="en")
    CuratorFactory(email="rosa@example.org", display_name="Rosa")
    UserFactory(email="maria@example.org", display_name="María", preferred_language="es")
    # Another listed mentor who fits less: no Spanish.
    MentorFactory(user__display_name="Tom", languages=["en"], industries=["office"])

    # Grace applies, in English (her language: the site answers in it once she signs in).
    page.goto("/es/accounts/login/")
    page.get_by_label("Correo electrónico").fill("grace@example.org")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.goto("/en/mentoring/")
    journey.visit("mentors list en")
    page.get_by_role("link", name="Become a mentor").click()
    expect(page).to_have_url(re.compile("/en/mentoring/apply/"))
    journey.visit("apply form en")
    page.get_by_label("Headline in English").fill("Licensed electrician, 12 years")
    page.get_by_label("What you can help with, in English").fill("Getting your license.")
    page.get_by_label("Occupations, in English").fill("electrician")
    page.locator("input[name=industries][value=trades]").check()
    page.locator("input[name=languages][value=es]").check()
    page.locator("input[name=languages][value=en]").check()
    page.locator("input[name=meeting_modes][value=online]").check()
    page.get_by_label("Hours a month").fill("4")
    page.get_by_label("Mentees at once").fill("2")
    page.get_by_role("button", name="Send my application").click()
    # Not agreed yet: told so, nothing lost.
    expect(
        page.get_by_text("To send your application, agree to the code of conduct.")
    ).to_be_visible()
    expect(page.get_by_label("Headline in English")).to_have_value("Licensed electrician, 12 years")
    journey.visit("apply form with an error en")
    page.get_by_label("I have read the code of conduct and I agree to it.").check()
    page.get_by_role("button", name="Send my application").click()
    expect(page.locator(".manage-panel .badge")).to_have_text("Pending review")
    journey.visit("application sent en")
    page.get_by_role("button", name="Sign out").click()

    # Staff approve it.
    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    page.goto("/es/review/mentors/")
    journey.visit("mentor queue es")
    page.get_by_role("link", name="Grace").click()
    journey.visit("application manage es")
    page.get_by_role("button", name="Aprobar").click()
    expect(page.locator(".manage-panel .badge")).to_have_text("Publicado")
    sign_out(page)
    grace = MentorProfile.objects.get(user__email="grace@example.org")
    assert grace.is_listed

    # María says what she wants help with, in Spanish.
    sign_in(page, "maria@example.org", PASSWORD)
    page.goto("/es/mentoring/ask/")
    journey.visit("ask es")
    page.locator("[name=goal]").fill("Quiero sacar mi licencia de electricista.")
    page.locator("[name=industry]").select_option("trades")
    page.locator("[name=skills]").fill("electricista")
    page.locator("#id_language").select_option("es")
    page.locator("[name=meeting_mode]").select_option("online")
    page.get_by_role("button", name="Ver los mentores para mí").click()
    expect(page).to_have_url(re.compile("/es/mentoring/suggestions/"))
    first = page.locator(".mentor-card").first
    expect(first.get_by_role("link", name="Grace")).to_be_visible()
    expect(first).to_contain_text("habla español")
    expect(first).to_contain_text("Oficios especializados")
    expect(first).to_contain_text("se reúne en línea")
    journey.visit("suggestions es")
    first.get_by_role("link", name="Grace").click()
    expect(page.get_by_role("heading", name="Grace")).to_be_visible()
    assert "grace@example.org" not in page.content()
    journey.visit("mentor page es")
