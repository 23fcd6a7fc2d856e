"""“Is this provider legitimate?” (/<lang>/legal/check/?name=): what Camino lists by that
name, and never a claim about anyone it does not list."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.legal.services import provider_revision_start
from tests.accounts.factories import CuratorFactory
from tests.legal.factories import ProviderFactory

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


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 1), ("curator", 4)])
def test_the_name_check_runs_a_fixed_number_of_queries(client, assert_query_count, who, expected):
    if who == "curator":
        client.force_login(CuratorFactory())

    def grow(count: int) -> None:
        for number in range(count):
            ProviderFactory(organization__name=f"Centro Legal Pilsen {number}",
                            alternate_name="Clínica")  # fmt: skip

    assert_query_count("/es/legal/check/?name=centro%20pil", expected, grow)
