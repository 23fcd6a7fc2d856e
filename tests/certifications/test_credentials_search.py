"""The public credential list: the shared keyword search and each filter of the URL, bad
values reported in the visitor's language with the rest applied, the chosen state's rule on
each card, and an index that follows every change of a credential and its rules."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.certifications.credential_services import (
    credential_publish,
    credential_save,
    rule_remove,
    rule_save,
)
from apps.certifications.models import CredentialSearchEntry, StateRule
from tests.accounts.factories import CuratorFactory
from tests.certifications.factories import CredentialFactory, StateRuleFactory

pytestmark = pytest.mark.django_db

URL = "/en/careers/credentials/"
ALL = ["Commercial driver's license", "Cosmetology license", "OSHA 10-Hour Construction"]


def names(response) -> list[str]:
    return [credential.name_en for credential in response.context["credentials"]]


@pytest.fixture
def credentials():
    """Three credentials, each different in every filter."""
    cosmetology = CredentialFactory(
        name_en="Cosmetology license", name_es="Licencia de cosmetología", kind="license",
        categories=["beauty"], exam_languages=["en", "es", "vi"], exam_cost=125,
        course_cost=10_000, format="in_person",
    )  # fmt: skip
    StateRuleFactory(credential=cosmetology, state="CA", rule="open", checked_by=None)
    StateRuleFactory(credential=cosmetology, state="IL", rule="itin", checked_by=None)
    cdl = CredentialFactory(
        name_en="Commercial driver's license", name_es="Licencia comercial", kind="license",
        categories=["transport"], exam_languages=["en"], course_cost=5000, format="in_person",
    )  # fmt: skip
    StateRuleFactory(credential=cdl, state="CA", rule="status", checked_by=None)
    osha = CredentialFactory(
        name_en="OSHA 10-Hour Construction", name_es="OSHA 10 horas", kind="course",
        categories=["construction", "trades"], exam_languages=["en", "es"], course_cost=80,
        format="hybrid",
    )  # fmt: skip
    StateRuleFactory(credential=osha, state="TX", rule="open", checked_by=None)
    return {"cosmetology": cosmetology, "cdl": cdl, "osha": osha}


def test_every_published_credential_by_name(client, credentials):
    response = client.get(URL)
    assert names(response) == ALL
    assert "3 credentials found" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("category=beauty", ["Cosmetology license"]),
        ("category=trades", ["OSHA 10-Hour Construction"]),
        ("kind=license", ["Commercial driver's license", "Cosmetology license"]),
        ("language=vi", ["Cosmetology license"]),
        ("language=es", ["Cosmetology license", "OSHA 10-Hour Construction"]),
        ("cost=100", ["OSHA 10-Hour Construction"]),
        ("cost=5000", ["Commercial driver's license", "OSHA 10-Hour Construction"]),
        ("cost=0", []),
        # online also finds what is offered both ways
        ("format=online", ["OSHA 10-Hour Construction"]),
        ("format=in_person", ALL),
        ("state=CA&rule=no_ssn", ["Cosmetology license"]),
        ("state=IL&rule=no_ssn", ["Cosmetology license"]),
        ("state=IL&rule=open", []),
        ("state=CA&rule=checked", ["Commercial driver's license", "Cosmetology license"]),
        ("state=TX&rule=no_ssn", ["OSHA 10-Hour Construction"]),
        ("state=NY&rule=no_ssn", []),
        # a state without a rule filter only says each one's rule
        ("state=NY", ALL),
        ("state=CA&rule=no_ssn&language=es", ["Cosmetology license"]),
        ("q=cosmetologia", ["Cosmetology license"]),
        ("q=licencia&sort=name", ["Commercial driver's license", "Cosmetology license"]),
        ("sort=cost", [ALL[2], ALL[0], ALL[1]]),
    ],
)  # fmt: skip
def test_each_filter(client, credentials, query, expected):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert names(response) == expected
    assert not response.context["form"].errors


def test_cards_say_the_chosen_states_rule_or_that_it_is_not_checked(client, credentials):
    page = client.get(f"{URL}?state=CA").content.decode()
    assert "California: Open regardless of immigration status" in page
    assert "California: Lawful immigration status is required" in page
    assert "California: not checked yet" in page  # OSHA's only rule is Texas's
    assert "/en/careers/credentials/credential-" in page and "?state=CA" in page
    spanish = client.get("/es/careers/credentials/?state=IL&rule=no_ssn").content.decode()
    assert "Illinois: Se acepta un ITIN en lugar de un número de Seguro Social" in spanish


def test_cards_show_kind_issuer_total_cost_and_exam_languages(client, credentials):
    page = client.get(f"{URL}?category=beauty").content.decode()
    assert "Occupational or professional license" in page
    assert "$10,125 in all" in page
    assert "Exam in: English, Spanish, Vietnamese" in page
    assert "OSHA" in page


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("cost=-1", "cost", "The cost cannot be less than 0 dollars."),
        ("cost=1000000000000", "cost", "Write a cost of 100000 dollars or less."),
        ("cost=abc", "cost", "Write the cost as a whole number of dollars, for example 300."),
        ("state=ZZ", "state", "We do not know that state. Choose one from the list."),
        ("rule=no_ssn", "state", "Choose the state whose rule you want to filter by."),
        ("rule=maybe&state=CA", "rule", "Select a valid choice."),
        ("language=xx", "language", "Select a valid choice."),
    ],
)
def test_bad_values_are_reported_and_the_rest_still_applies(
    client, credentials, query, field, message
):
    response = client.get(f"{URL}?{query}&category=beauty")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in errors[field][0]
    assert names(response) == ["Cosmetology license"]
    page = response.content.decode()
    assert "Some filters could not be used" in page


def test_bad_values_are_explained_in_spanish_and_what_was_typed_stays(client, credentials):
    response = client.get("/es/careers/credentials/?cost=abc&q=licencia&state=ZZ")
    page = response.content.decode()
    assert "Escriba el costo como un número entero de dólares, por ejemplo 300." in page
    assert "No conocemos ese estado. Elija uno de la lista." in page
    assert 'value="abc"' in page and 'value="licencia"' in page


def test_html_in_the_query_is_shown_as_text(client, credentials):
    page = client.get(f"{URL}?q=<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_drafts_are_not_listed(client, credentials):
    CredentialFactory(name_en="Draft credential", published=False)
    assert "Draft credential" not in names(client.get(URL))


def test_the_entry_follows_every_change_of_a_credential_and_its_rules(client):
    curator = CuratorFactory()
    credential = CredentialFactory(name_en="Barber license", exam_languages=["en"])
    no_ssn_in_ca = f"{URL}?state=CA&rule=no_ssn"
    assert names(client.get(no_ssn_in_ca)) == []

    rule = rule_save(
        actor=curator,
        rule=StateRule(
            credential=credential, state="CA", rule="itin", source_name="B&P §135.5",
            source_url="https://leginfo.legislature.ca.gov/",
        ),
    )  # fmt: skip
    assert rule.checked_by == curator and rule.checked_at > timezone.now() - timedelta(minutes=1)
    assert names(client.get(no_ssn_in_ca)) == ["Barber license"]
    assert names(client.get(f"{URL}?state=CA&rule=open")) == []

    rule.rule = "ssn"
    rule_save(actor=curator, rule=rule)
    assert names(client.get(no_ssn_in_ca)) == []
    assert names(client.get(f"{URL}?state=CA&rule=checked")) == ["Barber license"]

    rule_remove(actor=curator, rule=rule)
    assert names(client.get(f"{URL}?state=CA&rule=checked")) == []

    credential.exam_languages = ["en", "es"]
    credential_save(actor=curator, credential=credential)
    assert names(client.get(f"{URL}?language=es")) == ["Barber license"]

    credential_publish(actor=curator, credential=credential, published=False)
    assert not CredentialSearchEntry.objects.filter(pk=credential.pk).exists()
    assert names(client.get(URL)) == []
    credential_publish(actor=curator, credential=credential, published=True)
    assert names(client.get(URL)) == ["Barber license"]


def test_anonymous_visitors_see_a_saved_rule_on_the_cached_list_and_page(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_TIMEOUT = 300
    curator = CuratorFactory()
    credential = CredentialFactory(name_en="Barber license")
    url = f"{URL}?state=CA&rule=no_ssn"
    page = f"/en/careers/credentials/{credential.slug}/?state=CA"
    assert names(client.get(url)) == []
    assert "California: not checked yet" in client.get(page).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        rule_save(
            actor=curator,
            rule=StateRule(
                credential=credential, state="CA", rule="open", source_name="B&P §135.5",
                source_url="https://leginfo.legislature.ca.gov/",
            ),
        )  # fmt: skip

    assert "Barber license" in client.get(url).content.decode()
    assert "California: not checked yet" not in client.get(page).content.decode()
