"""Staff's mentoring tables on a phone: the mentor applications waiting for review and the
conduct reports read as labelled blocks, with nothing to scroll sideways; on a wide screen
they are tables with their headings. axe: nothing serious."""

import pytest
from playwright.sync_api import expect

from apps.mentorship import services
from tests.accounts.factories import PASSWORD, CuratorFactory, UserFactory
from tests.browser.conftest import sign_in
from tests.mentorship.factories import ApplicationFactory
from tests.mentorship.helpers import listed_mentor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shown_label(cell) -> str:
    return cell.evaluate("cell => getComputedStyle(cell, '::before').content")


def test_staff_tables_fit_a_phone_and_stay_tables_on_a_wide_screen(page, journey):
    CuratorFactory(email="rosa@example.org", display_name="Rosa")
    ApplicationFactory(user__display_name="Guadalupe Hernández-Villanueva")
    mentor = listed_mentor(user=UserFactory(display_name="Maximiliano Rodríguez"))
    seeker = UserFactory(display_name="Lucía Fernández de la Cruz")
    match = services.match_request(user=seeker, mentor=mentor, goal="Licencia")
    services.match_report(user=seeker, match=match, who="x", reason="status", details="")
    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")

    pages = {
        "/es/review/mentors/": ("Enviado por", "Guadalupe Hernández-Villanueva"),
        "/en/mentoring/reports/": ("About", "Maximiliano Rodríguez (mentor)"),
    }
    for url, (heading, cell) in pages.items():
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(url)
        label = page.locator(f"td[data-label='{heading}']")
        expect(label).to_contain_text(cell)
        assert shown_label(label).startswith(f'"{heading}"')
        expect(page.locator("thead")).not_to_be_in_viewport()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
        journey.visit(f"phone {url}")
        page.set_viewport_size({"width": 1024, "height": 768})
        expect(page.get_by_role("columnheader", name=heading)).to_be_visible()
        assert shown_label(label) == "none", "no labels in a wide table: it has its headings"
        journey.visit(f"wide {url}")
