"""Organizations in the browser, in Spanish and English: staff suspend an organization and
its job leaves the job list; a partner invites a colleague by email, who signs in and joins.
axe finds nothing serious on any page visited."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.accounts.factories import PASSWORD, CuratorFactory, UserFactory
from tests.browser.conftest import field, sign_in
from tests.jobs.factories import JobFactory
from tests.organizations.factories import MembershipFactory, OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "es": {"reason": "Motivo", "suspend": "Suspender la organización", "suspended": "Suspendida",
           "email": "Correo electrónico de su colega", "language": "Idioma de la invitación",
           "send": "Enviar la invitación", "join": "Unirme a Cocina Unida", "member": "Miembro"},
    "en": {"reason": "Reason", "suspend": "Suspend the organization", "suspended": "Suspended",
           "email": "Your colleague's email", "language": "Language of the invitation",
           "send": "Send the invitation", "join": "Join Cocina Unida", "member": "Member"},
}  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "en"])
def test_staff_suspend_an_organization_and_its_job_leaves_the_list(page, journey, lang):
    words = WORDS[lang]
    CuratorFactory(email="rosa@example.org")
    organization = OrganizationFactory(name="Cocina Unida")
    JobFactory(organization=organization, title_es="Cocinero de línea", title_en="Line cook")
    title = {"es": "Cocinero de línea", "en": "Line cook"}[lang]

    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    page.goto(f"/{lang}/jobs/")
    expect(page.get_by_role("link", name=title)).to_be_visible()
    page.goto(f"/{lang}/curation/organizations/?q=cocina")
    journey.visit(f"staff list {lang}")
    page.get_by_role("link", name="Cocina Unida").click()
    expect(page).to_have_url(re.compile(r"/curation/organizations/\d+/$"))
    journey.visit(f"staff page {lang}")
    field(page, words["reason"]).fill("Ofertas de trabajo falsas")
    page.get_by_role("button", name=words["suspend"]).click()
    expect(page.locator("h1 + p .badge")).to_have_text(words["suspended"])
    journey.visit(f"suspended {lang}")

    page.goto(f"/{lang}/jobs/")
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    page.goto(f"/{lang}/organizations/{organization.slug}/")
    expect(page.get_by_role("link", name=title)).to_have_count(0)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_partner_invites_a_colleague_who_accepts(page, journey, lang):
    words = WORDS[lang]
    lead = MembershipFactory(role="lead", organization__name="Cocina Unida",
                             user__email="socia@example.org")  # fmt: skip
    UserFactory(email="colega@example.org", preferred_language=lang)
    mail.outbox.clear()

    sign_in(page, "socia@example.org", PASSWORD)
    page.goto(f"/{lang}/organizations/{lead.organization.slug}/members/")
    journey.visit(f"members {lang}")
    field(page, words["email"]).fill("colega@example.org")
    field(page, words["language"]).select_option(lang)
    page.get_by_role("button", name=words["send"]).click()
    expect(page.get_by_text("colega@example.org").first).to_be_visible()

    [message] = mail.outbox
    link = re.search(r"http://\S+(/\w\w/organizations/invitations/\S+/)", message.body)[1]
    assert link.startswith(f"/{lang}/")
    page.context.clear_cookies()
    sign_in(page, "colega@example.org", PASSWORD, lands_in=lang)
    page.goto(link)
    journey.visit(f"invitation {lang}")
    page.get_by_role("button", name=words["join"]).click()
    row = page.get_by_role("row", name=re.compile("colega@example.org"))
    expect(row).to_contain_text(words["member"])
    journey.visit(f"joined {lang}")
