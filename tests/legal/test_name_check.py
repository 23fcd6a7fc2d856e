"""“Is this provider legitimate?” (/<lang>/legal/check/?name=): what Camino lists by that
name, and never a claim about anyone it does not list."""

import logging
from datetime import date, timedelta

import pytest
from django.utils import formats, timezone, translation

from apps.legal.services import EntryChildren, provider_revision_start, provider_save
from tests.accounts.factories import CuratorFactory
from tests.legal.factories import AccreditationFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def check(client, name: str, language: str = "en") -> str:
    response = client.get(f"/{language}/legal/check/", {"name": name})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "typed", ["Centro Legal Pilsen", "centro legal", "PILSEN", "pil", "clinica", "CLÍN", "Pueblo"]
)
def test_listed_providers_are_found_by_any_of_their_names(client, typed):
    provider = ProviderFactory(
        organization__name="Centro Legal Pilsen", alternate_name="CLP, Clínica del Pueblo",
        provider_type="recognized_org", verified_at=timezone.now() - timedelta(days=10),
    )  # fmt: skip
    page = check(client, typed)
    assert "Camino lists <strong>Centro Legal Pilsen</strong> as: Nonprofit with DOJ" in page
    assert "Camino staff last verified this entry on" in page
    assert f'href="/en/legal/providers/{provider.pk}/"' in page
    assert "does not list anyone" not in page


def test_only_listed_entries_are_found(client):
    published = ProviderFactory(organization__name="Centro Esperanza")
    for status in ("draft", "pending", "rejected", "taken_down", "expired", "archived"):
        ProviderFactory(organization__name=f"Notaría Esperanza {status}", status=status)
    ProviderFactory(organization__name="Notaría Esperanza vencida",
                    expires_on=timezone.localdate() - timedelta(days=1))  # fmt: skip
    provider_revision_start(actor=CuratorFactory(), provider=published)  # a copy: never listed
    page = check(client, "esperanza")
    assert page.count("Camino lists <strong>") == 1
    assert "Notaría" not in page.split("What Camino lists")[1].split("How to check")[0]


def test_nothing_found_says_only_that_camino_does_not_list_them(client):
    ProviderFactory(organization__name="Centro Legal Pilsen")
    page = check(client, "Servicios Migratorios Rápidos", "es")
    assert "Camino no tiene a nadie con el nombre “Servicios Migratorios Rápidos”." in page
    assert "Eso solo no dice nada sobre ellos" in page
    assert "Camino tiene a <strong>" not in page
    # The notario warning, and how to check the DOJ roster and the state bar themselves.
    assert "notario" in page.lower()
    assert "justice.gov/eoir" in page and "colegio de abogados" in page


def test_the_name_typed_is_never_logged(client, caplog):
    ProviderFactory(organization__name="Centro Legal Pilsen")
    with caplog.at_level(logging.DEBUG):
        check(client, "Oficina Secreta Zacarías")
        check(client, "x" * 300)  # refused as too long
    assert "Zacar" not in caplog.text and "Secreta" not in caplog.text


@pytest.mark.parametrize(
    "typed", ["x" * 300, "':* & | ! ( )", "%_\\", "\x00abc", "¿?", "   ", "de la y"]
)
def test_bad_or_empty_names_are_answered_without_a_500(client, typed):
    ProviderFactory(organization__name="Centro Legal Pilsen")
    response = client.get("/es/legal/check/", {"name": typed})
    assert response.status_code == 200
    assert "Centro Legal Pilsen" not in response.content.decode()


def test_the_page_without_a_name_asks_for_one(client):
    page = check(client, "")
    assert "Is this provider legitimate?" in page and "What Camino lists" not in page


# -- People: the representatives and attorneys on listed providers' accreditations ----------

FOUND = {
    "en": "Camino lists <strong>{name}</strong> as: {kind} at "
          '<a href="/en/legal/providers/{pk}/">Centro Albany Park</a>.',
    "es": "Camino tiene a <strong>{name}</strong> en su directorio como: {kind} en "
          '<a href="/es/legal/providers/{pk}/">Centro Albany Park</a>.',
}  # fmt: skip
REPRESENTATIVE = {
    "en": "DOJ accredited representative",
    "es": "Representante acreditado por el DOJ",
}
ATTORNEY = {
    "en": "Attorney admitted to a state bar",
    "es": "Abogado admitido en el colegio de abogados de un estado",
}
NOT_LISTED = {
    "en": "Camino does not list anyone by the name",
    "es": "Camino no tiene a nadie con el nombre",
}
EXPIRED = {
    "en": "Samir Haddad's DOJ accreditation expired on {date}. Until it is renewed, they may "
          "not give legal advice or represent anyone in an immigration case.",
    "es": "La acreditación del DOJ de Samir Haddad venció el {date}. Mientras no se renueve, "
          "no puede darle asesoría legal ni representar a nadie en un caso de inmigración.",
}  # fmt: skip


def albany_park(**kwargs):
    return ProviderFactory(organization__name="Centro Albany Park", **kwargs)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    "typed", ["Tomás Quiroga", "tomas quiroga", "QUIROGA TOMÁS", "quir", "Tomas Quíroga"]
)
def test_a_representative_is_found_by_name(client, language, typed):
    provider = albany_park()
    AccreditationFactory(provider=provider, person_name="Tomás Quiroga",
                         expires_on=timezone.localdate() + timedelta(days=300))  # fmt: skip
    AccreditationFactory(provider=provider, person_name="Grace Villanueva")
    page = check(client, typed, language)
    kind = REPRESENTATIVE[language]
    assert FOUND[language].format(name="Tomás Quiroga", kind=kind, pk=provider.pk) in page
    assert ("Accredited until" if language == "en" else "Acreditado hasta el") in page
    assert NOT_LISTED[language] not in page and "Grace" not in page
    assert "expired on" not in page and "venció" not in page


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_attorney_is_found_by_name(client, language):
    provider = albany_park()
    AccreditationFactory(provider=provider, kind="bar_admission", person_name="Lucía Fernández",
                         bar_state="IL", bar_number="6298765", expires_on=None)  # fmt: skip
    page = check(client, "lucia FERNANDEZ", language)
    kind = ATTORNEY[language]
    assert FOUND[language].format(name="Lucía Fernández", kind=kind, pk=provider.pk) in page
    assert ("Bar of Illinois, number 6298765" if language == "en"
            else "Colegio de abogados de Illinois, número 6298765") in page  # fmt: skip


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_person_whose_accreditation_expired_is_shown_with_a_warning(client, language):
    provider = albany_park()
    AccreditationFactory(provider=provider, person_name="Samir Haddad",
                         expires_on=timezone.localdate() - timedelta(days=60))  # fmt: skip
    page = check(client, "samir haddad", language)
    expired_on = timezone.localdate() - timedelta(days=60)
    assert (
        FOUND[language].format(name="Samir Haddad", kind=REPRESENTATIVE[language], pk=provider.pk)
        in page
    )
    assert EXPIRED[language].format(date=date_text(expired_on, language)) in page
    assert 'href="#check-yourself"' in page and 'id="check-yourself"' in page
    assert "Accredited until" not in page and "Acreditado hasta" not in page


def date_text(day: date, language: str) -> str:
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


@pytest.mark.parametrize("language", ["en", "es"])
def test_only_the_people_of_listed_providers_are_found(client, language):
    listed = albany_park()
    AccreditationFactory(provider=listed, person_name="Grace Villanueva")
    for status in ("draft", "pending", "rejected", "taken_down", "expired", "archived"):
        unlisted = ProviderFactory(organization__name=f"Notaría {status}", status=status)
        AccreditationFactory(provider=unlisted, person_name="Grace Villanueva")
    gone = ProviderFactory(organization__name="Notaría vencida",
                           expires_on=timezone.localdate() - timedelta(days=1))  # fmt: skip
    AccreditationFactory(provider=gone, person_name="Grace Villanueva")
    page = check(client, "Grace Villanueva", language)
    assert page.count("<strong>Grace Villanueva</strong>") == 1
    kind = REPRESENTATIVE[language]
    assert FOUND[language].format(name="Grace Villanueva", kind=kind, pk=listed.pk) in page
    assert "Notaría" not in page


def test_a_revision_does_not_list_its_people_twice(client):
    provider = albany_park()
    AccreditationFactory(provider=provider, person_name="Grace Villanueva")
    provider_revision_start(actor=CuratorFactory(), provider=provider)  # a copy: never listed
    assert check(client, "villanueva").count("<strong>Grace Villanueva</strong>") == 1


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_person_must_match_every_word(client, language):
    provider = albany_park()
    AccreditationFactory(provider=provider, person_name="Grace Villanueva")
    AccreditationFactory(provider=provider, person_name="Samir Haddad")
    page = check(client, "Grace Vill", language)
    assert "<strong>Grace Villanueva</strong>" in page and "Haddad" not in page
    page = check(client, "Grace Haddad", language)  # one word of each: nobody by that name
    assert NOT_LISTED[language] in page and "Villanueva" not in page


def test_a_renamed_person_is_found_by_the_new_name_only(client):
    provider = albany_park()
    person = AccreditationFactory(provider=provider, person_name="Grace Villanueva")
    person.person_name = "Grace Ocampo"
    provider_save(actor=CuratorFactory(), provider=provider, children=EntryChildren(
        services=["asylum"], places=[], phones=[], accreditations=[person]))  # fmt: skip
    assert "<strong>Grace Ocampo</strong>" in check(client, "ocampo")
    assert "does not list anyone" in check(client, "villanueva")


def test_organizations_and_people_are_found_together(client):
    provider = ProviderFactory(organization__name="Oficina Legal Haddad")
    AccreditationFactory(provider=provider, person_name="Samir Haddad")
    page = check(client, "haddad")
    assert "Camino lists <strong>Oficina Legal Haddad</strong> as:" in page
    assert "Camino lists <strong>Samir Haddad</strong> as:" in page


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 3), ("curator", 6)])
def test_the_name_check_runs_a_fixed_number_of_queries(client, assert_query_count, who, expected):
    if who == "curator":
        client.force_login(CuratorFactory())

    def grow(count: int) -> None:
        for number in range(count):
            provider = ProviderFactory(organization__name=f"Centro Legal Pilsen {number}",
                                       alternate_name="Clínica")  # fmt: skip
            AccreditationFactory(provider=provider, person_name=f"Centro Pilar {number}")
            AccreditationFactory(provider=provider, kind="bar_admission", bar_state="IL",
                                 bar_number="6298765", person_name="Pilar Centeno",
                                 expires_on=None)  # fmt: skip

    # Organizations and people both found.
    assert_query_count("/es/legal/check/?name=centro%20pil", expected, grow)
