"""What a partner's training form refuses, in words they understand, keeping what they typed."""

import pytest

from apps.certifications.models import Training, TrainingStart
from tests.certifications.factories import TrainingFactory, days_from_today
from tests.certifications.test_trainings_workflow import course
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(client):
    membership = MembershipFactory(user__preferred_language="es")
    client.force_login(membership.user)
    return membership


def errors_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"cost": "-1"}, "Un costo no puede ser menor que cero."),
        ({"cost": str(10**12)}, "Escriba un costo de 100000 dólares como máximo."),
        ({"cost": "abc"}, "Escriba el costo en dólares enteros"),
        ({"zip_code": "00000"}, "No conocemos este código postal."),
        ({"zip_code": ""}, "Se necesita cuando se enseña en persona"),
        ({"languages": []}, "Elija al menos un idioma en que se enseña."),
        ({"title_es": "", "summary_es": ""}, "Escriba el título y el resumen en al menos un"),
        (
            {"starts-0-starts_on": days_from_today(-1).isoformat()},
            "Una fecha de inicio nueva no puede estar en el pasado.",
        ),
        ({"starts-0-starts_on": "2207-01-01"}, "Escriba una fecha anterior al año 2100."),
        (
            {"starts-0-ends_on": days_from_today(1).isoformat()},
            "El último día no puede ser antes del primero.",
        ),
        ({"enrol_url": "javascript:alert(1)"}, "enrol_url"),
    ],
)
def test_bad_input_is_refused_with_a_translated_message(client, partner, changes, message):
    form = course(partner.organization, **changes)
    response = client.post("/es/careers/trainings/new/", form)
    page = errors_of(response)
    assert not Training.objects.exists()
    if message == "enrol_url":
        assert "enrol_url" in response.context["form"].errors
    else:
        assert message in page
    assert "Curso de montacargas" in page or not form["title_es"]  # nothing typed is lost


def test_html_in_every_text_field_is_kept_as_text(client, partner):
    html = "<b>negrita</b><script>x()</script>"
    fields = ["title_es", "summary_es", "description_es", "schedule_es", "financial_aid_es",
              "how_to_enrol_es", "venue_name", "city"]  # fmt: skip
    client.post("/es/careers/trainings/new/", course(partner.organization, **dict.fromkeys(
        fields, html)))  # fmt: skip
    training = Training.objects.get()
    assert training.description_es == html
    page = client.get(f"/es/careers/trainings/{training.pk}/").content.decode()
    assert "<script>x()" not in page and "&lt;script&gt;x()" in page


def test_a_saved_past_date_is_kept_but_cannot_move_to_another_past_date(client, partner):
    training = TrainingFactory(organization=partner.organization, status="draft", starts=[])
    past = TrainingStart.objects.create(training=training, starts_on=days_from_today(-10))
    url = f"/es/careers/trainings/{training.pk}/edit/"
    kept = course(partner.organization, **{
        "starts-TOTAL_FORMS": "1", "starts-INITIAL_FORMS": "1", "starts-0-id": past.pk,
        "starts-0-training": training.pk, "starts-0-starts_on": past.starts_on.isoformat(),
    })  # fmt: skip
    assert client.post(url, kept).status_code == 302
    assert list(training.starts.values_list("starts_on", flat=True)) == [days_from_today(-10)]

    moved = {**kept, "starts-0-starts_on": days_from_today(-20).isoformat()}
    assert "no puede estar en el pasado" in errors_of(client.post(url, moved))
    past.refresh_from_db()
    assert past.starts_on == days_from_today(-10)
