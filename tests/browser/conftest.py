"""Playwright driving Debian's Chromium (never a downloaded browser) against a live server."""

import os
import re
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

# Screenshots go where CAMINO_SCREENSHOTS points (never into the repository), if anywhere.
SCREENSHOTS = os.environ.get("CAMINO_SCREENSHOTS")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread while the module's tests run;
    # the ORM calls made here (test setup, assertions, database flushes) are still
    # synchronous and safe. Module scope: the flag never outlives the browser tests.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="es-MX", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


class Journey:
    """Helpers every journey uses: screenshots and accessibility checks of each page."""

    def __init__(self, page, name: str):
        self.page = page
        self.name = name
        self.step = 0

    def screenshot(self, label: str) -> None:
        self.step += 1
        if SCREENSHOTS:
            folder = Path(SCREENSHOTS)
            folder.mkdir(parents=True, exist_ok=True)
            slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
            self.page.screenshot(
                path=folder / f"{self.name}-{self.step:02d}-{slug}.png", full_page=True
            )

    def check_accessibility(self) -> None:
        """axe-core (bundled with axe-playwright-python): no serious or critical violations."""
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(self.page)
        serious = [
            f"{violation['id']} ({violation['impact']}): "
            + ", ".join(node["target"][0] for node in violation["nodes"])
            for violation in results.response["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        assert serious == [], f"{self.page.url}: {serious}"

    def visit(self, label: str) -> None:
        """Record the page the journey is on: a screenshot and an accessibility check."""
        self.screenshot(label)
        self.check_accessibility()


@pytest.fixture
def journey(page, request):
    return Journey(page, request.node.name)


def field(scope, label: str):
    """A form field by its label, which may end with a colon."""
    return scope.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))


SIGN_OUT = {"es": "Cerrar sesión", "en": "Sign out"}


def sign_in(
    page, email: str, password: str, totp_secret: str | None = None, lands_in: str = "es"
) -> None:
    """Sign in through the Spanish sign-in page, with the authenticator code if asked.
    `lands_in`: the language of the page it leads to (the one the account prefers)."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from playwright.sync_api import expect

    page.goto("/es/accounts/login/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(password)
    page.get_by_role("button", name="Iniciar sesión").click()
    if totp_secret:
        expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
        if time.time() % 30 > 26:  # the code must still be valid when the server checks it
            time.sleep(4.5)
        code = format_hotp_value(hotp_value(totp_secret, int(time.time()) // 30))
        page.get_by_label(re.compile("Código")).fill(code)
        page.get_by_role("button", name=re.compile("Iniciar sesión|Entrar|Confirmar")).click()
    expect(page.get_by_role("button", name=SIGN_OUT[lands_in])).to_be_visible()


def sign_out(page) -> None:
    page.get_by_role("button", name="Cerrar sesión").click()
