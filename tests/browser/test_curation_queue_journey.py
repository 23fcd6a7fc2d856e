"""The curation queue in Chromium, in Spanish and English: a curator filters it, claims three
items, and a second curator sees who holds them. axe: no serious or critical violation."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.curation.models import Claim
from tests.accounts.factories import PASSWORD, CuratorFactory
from tests.browser.conftest import field, sign_in
from tests.events.factories import EventFactory
from tests.jobs.factories import JobFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOTP = "JBSWY3DPEHPK3PXP"
WORDS = {
    "es": {"what": "Qué", "filter": "Filtrar", "claim": "Tomar lo seleccionado",
           "claimed": "Tomados: 3.", "select": "Seleccionar “{}”", "claimant": "Tomado por"},
    "en": {"what": "What", "filter": "Filter", "claim": "Claim selected",
           "claimed": "Claimed: 3.", "select": "Select “{}”", "claimant": "Claimed by"},
}  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_curator_claims_three_items_and_a_colleague_sees_the_claims(page, journey, lang):
    words = WORDS[lang]
    CuratorFactory(email="rosa@example.org", display_name="Rosa")
    CuratorFactory(email="tomas@example.org", display_name="Tomás")
    waiting = {"status": "pending", "published_at": None}
    titles = [f"Cocinera {number}" for number in range(4)]
    for days, title in enumerate(titles):
        submitted = timezone.now() - timedelta(days=days + 1)
        JobFactory(title_es=title, title_en=title, submitted_at=submitted, **waiting)
    EventFactory(title_es="Feria de empleo", title_en="Job fair", **waiting)

    sign_in(page, "rosa@example.org", PASSWORD, totp_secret=TOTP)
    page.goto(f"/{lang}/curation/")
    expect(page.get_by_role("link", name=re.compile("Feria de empleo|Job fair"))).to_be_visible()
    journey.visit(f"queue {lang}")

    field(page, words["what"]).select_option("jobs.job")
    page.get_by_role("button", name=words["filter"]).click()
    expect(page).to_have_url(re.compile(r"kind=jobs.job"))
    expect(page.get_by_role("link", name=re.compile("Feria de empleo|Job fair"))).to_have_count(0)
    for title in titles[:3]:
        page.get_by_label(words["select"].format(title)).check()
    page.get_by_role("button", name=words["claim"]).click()
    expect(page.get_by_text(words["claimed"])).to_be_visible()
    expect(page).to_have_url(re.compile(r"kind=jobs.job"))  # the filters are kept
    journey.visit(f"claimed {lang}")
    assert Claim.objects.filter(claimed_by__email="rosa@example.org").count() == 3

    page.context.clear_cookies()
    sign_in(page, "tomas@example.org", PASSWORD, totp_secret=TOTP)
    page.goto(f"/{lang}/curation/?kind=jobs.job")
    expect(page.get_by_role("cell", name=re.compile("^Rosa"))).to_have_count(3)
    field(page, words["claimant"]).select_option(
        str(Claim.objects.values_list("claimed_by", flat=True).first())
    )
    page.get_by_role("button", name=words["filter"]).click()
    expect(page.get_by_role("row")).to_have_count(4)  # the heading and Rosa's three
    journey.visit(f"a colleague's claims {lang}")
