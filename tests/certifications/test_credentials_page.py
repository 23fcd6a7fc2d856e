"""A credential's page: everything the issue lists, and the status rules table in plain
language: every checked state with its rule, note, source and date, the visitor's state
first, and "not checked yet" for every other state, never a guess."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.accounts.factories import CuratorFactory, UserFactory
from tests.certifications.factories import CredentialFactory, StateRuleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential():
    credential = CredentialFactory(
        name_en="Cosmetology license", name_es="Licencia de cosmetología", kind="license",
        issuing_body="Board of Barbering and Cosmetology", categories=["beauty"],
        occupations_en="Hair stylist", exam_cost=125, course_cost=10_000, fees=50,
        duration_en="1,000 hours of school", education="high_school",
        experience_en="None", english_level="basic", prerequisites_note_en="Be 17 or older.",
        exam_languages=["en", "es", "vi"], renewal_en="Every 2 years.",
        foreign_experience="evaluation", foreign_note_en="Bring translated school records.",
        description_en="Cut, color and style hair.", official_url="https://www.barbercosmo.ca.gov/",
    )  # fmt: skip
    StateRuleFactory(
        credential=credential, state="IL", rule="itin", note_en="IDFPR accepts an ITIN.",
        source_name="Illinois SB 3109", checked_by=None,
        checked_at=timezone.make_aware(timezone.datetime(2026, 9, 14, 12)),
    )  # fmt: skip
    StateRuleFactory(
        credential=credential, state="CA", rule="open", note_en="Boards cannot deny for status.",
        source_name="B&P Code §135.5", checked_by=None,
    )  # fmt: skip
    StateRuleFactory(credential=credential, state="TX", rule="ssn", checked_by=None)
    return credential


def page_of(credential) -> str:
    return f"/en/careers/credentials/{credential.slug}/"


def rule_states(response) -> list[str]:
    return [rule.state for rule in response.context["rules"].rules]


def test_the_page_says_what_it_takes_and_what_it_costs(client, credential):
    page = client.get(page_of(credential)).content.decode()
    for text in [
        "Cosmetology license", "Issued by Board of Barbering and Cosmetology",
        "Beauty and personal care", "Hair stylist", "$125", "$10,000", "$50",
        "$10,175 in all", "1,000 hours of school", "High school diploma", "Basic English",
        "Be 17 or older.", "Exam in: English, Spanish, Vietnamese", "Every 2 years.",
        "Counts after an evaluation or a bridge programme", "Bring translated school records.",
        "Cut, color and style hair.", 'href="https://www.barbercosmo.ca.gov/"',
    ]:  # fmt: skip
        assert text in page, text


def test_every_checked_state_with_its_source_and_date_and_the_rest_not_checked(client, credential):
    response = client.get(page_of(credential))
    page = response.content.decode()
    assert rule_states(response) == ["CA", "IL", "TX"]  # by name
    assert "IDFPR accepts an ITIN." in page and "Illinois SB 3109" in page
    assert "checked on Sept. 14, 2026" in page
    assert "The other 49 states and territories are not checked yet." in page
    assert "never a guess" in page


def test_the_visitors_state_comes_first(client, credential):
    response = client.get(f"{page_of(credential)}?state=TX")
    assert rule_states(response) == ["TX", "CA", "IL"]
    assert "authorization-box--required" in response.content.decode()
    response = client.get(f"{page_of(credential)}?state=il")
    assert rule_states(response) == ["IL", "CA", "TX"]


def test_a_state_not_checked_says_so_and_never_guesses(client, credential):
    response = client.get(f"{page_of(credential)}?state=NY")
    page = response.content.decode()
    assert response.context["rules"].chosen_unchecked
    assert "New York: not checked yet" in page
    assert "Camino staff have not checked the rule in New York yet." in page
    spanish = client.get(f"/es/careers/credentials/{credential.slug}/?state=NY").content.decode()
    assert "New York: todavía no se ha revisado" in spanish


def test_a_state_that_does_not_exist_is_explained(client, credential):
    response = client.get(f"{page_of(credential)}?state=<b>XX</b>")
    page = response.content.decode()
    assert response.status_code == 200
    assert "We do not know the state" in page and "&lt;B&gt;XX" in page
    assert rule_states(response) == ["CA", "IL", "TX"]


def test_no_rule_at_all(client):
    credential = CredentialFactory()
    page = client.get(page_of(credential)).content.decode()
    assert "No state is checked yet." in page


def test_a_draft_is_staffs_only(client):
    draft = CredentialFactory(published=False)
    assert client.get(page_of(draft)).status_code == 404
    client.force_login(CuratorFactory())
    page = client.get(page_of(draft)).content.decode()
    assert "Not published: only Camino staff see this page." in page


def test_html_in_texts_is_shown_as_text(client):
    credential = CredentialFactory(
        name_en="<script>x</script>", description_en="<img src=x onerror=alert(1)>"
    )
    StateRuleFactory(credential=credential, note_en="<b>bold</b>", checked_by=None)
    page = client.get(page_of(credential)).content.decode()
    assert "<script>x</script>" not in page and "<img src=x" not in page
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page


def test_the_page_offers_the_plan_and_the_trainings_that_prepare_for_it(client, credential):
    anonymous = client.get(page_of(credential)).content.decode()
    assert "Sign in to add it to your plan" in anonymous
    assert "Trainings that prepare for it" in anonymous
    client.force_login(UserFactory())
    signed_in = client.get(page_of(credential)).content.decode()
    assert f'action="/en/careers/plan/add/credential/{credential.pk}/"' in signed_in


def test_stale_rule_shows_its_old_date(client):
    rule = StateRuleFactory(checked_at=timezone.now() - timedelta(days=500), checked_by=None)
    page = client.get(page_of(rule.credential)).content.decode()
    assert "checked on" in page


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_sections_own_address_leads_to_the_credentials(client, language):
    response = client.get(f"/{language}/careers/")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/{language}/careers/credentials/"
