import re
import time

import pytest
from playwright.sync_api import expect

from apps.accounts.models import User
from tests.accounts.factories import PASSWORD, StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_language_switch_sign_up_confirm_and_sign_out(page, journey, live_server, mailoutbox):
    # A Spanish-speaking phone browser lands on the Spanish home page.
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/es/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Encuentre trabajo")
    journey.visit("home in Spanish")

    # Switch to English on the privacy page and stay there; then back.
    page.get_by_role("link", name="Privacidad").click()
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/privacy/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your privacy on Camino")
    journey.visit("privacy in English")
    page.get_by_role("button", name="Español").click()
    expect(page).to_have_url(re.compile(r"/es/privacy/$"))
    journey.visit("privacy in Spanish")

    # Create an account, in Spanish.
    page.get_by_role("link", name="Crear una cuenta").first.click()
    expect(page).to_have_url(re.compile(r"/es/accounts/signup/$"))
    journey.visit("sign-up form")
    page.get_by_label("Correo electrónico").fill("lucia@example.org")
    page.get_by_label("Nombre para mostrar (opcional)").fill("Lucía")
    page.get_by_label(re.compile(r"^Contraseña:?$")).fill(PASSWORD)
    page.get_by_label("Contraseña (de nuevo)").fill(PASSWORD)
    page.get_by_role("button", name="Registrarse").click()
    expect(page).to_have_url(re.compile(r"/es/accounts/confirm-email/$"))
    journey.visit("check your email")

    # Confirm the address from the email.
    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mailoutbox[0].body).group(0)
    page.goto(link)
    journey.visit("confirm email")
    # Confirmed in the browser that signed up, she is signed in.
    page.get_by_role("button", name="Confirmar").click()
    expect(page).to_have_url(re.compile(r"/es/$"))
    expect(
        page.get_by_role("navigation", name="Principal").get_by_role("link", name="Mi cuenta")
    ).to_be_visible()
    journey.visit("signed in")
    assert User.objects.get(email="lucia@example.org").display_name == "Lucía"

    # Switching language while signed in is remembered on the account.
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    assert User.objects.get(email="lucia@example.org").preferred_language == "en"

    # Sign out.
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    journey.visit("signed out")


def test_staff_must_set_up_an_authenticator_app(page, journey, live_server):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    StaffFactory(email="rosa@example.org")

    page.goto("/es/accounts/login/")
    page.get_by_label("Correo electrónico").fill("rosa@example.org")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()

    # Every page now leads to setting up two-factor authentication, after the password again.
    expect(page).to_have_url(re.compile(r"/es/accounts/reauthenticate/"))
    journey.visit("confirm password")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Confirmar").click()
    expect(page).to_have_url(re.compile(r"/es/accounts/2fa/totp/activate/$"))
    journey.visit("activate authenticator")

    secret = page.locator("#authenticator_secret").input_value()
    if time.time() % 30 > 26:  # the code must still be valid when the server checks it
        time.sleep(4.5)
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    page.get_by_label("Código del autenticador").fill(code)
    page.get_by_role("button", name="Activar").click()
    expect(page).to_have_url(re.compile(r"/es/accounts/2fa/recovery-codes/"))
    journey.visit("recovery codes")

    page.goto("/es/")
    expect(page).to_have_url(re.compile(r"/es/$"))


def test_switching_language_and_signing_in_work_without_javascript(browser, live_server):
    UserFactory(email="sam@example.org", preferred_language="en")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/es/privacy/")
        page.get_by_role("button", name="English").click()
        expect(page).to_have_url(re.compile(r"/en/privacy/$"))

        page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in").click()
        page.get_by_label("Email").fill("sam@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        expect(page).to_have_url(re.compile(r"/en/$"))
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    finally:
        context.close()
