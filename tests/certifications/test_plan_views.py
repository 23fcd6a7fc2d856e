"""A seeker's plan, through its pages: adding, editing, checking off, moving and deleting
steps; only the owner's steps are found; limits and bad input refused with a message and
nothing typed lost; the printable page; "Add to my plan" from a credential or a training."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from apps.certifications.models import MAX_PLAN_STEPS, PlanStep
from tests.accounts.factories import UserFactory
from tests.certifications.factories import (
    CredentialFactory,
    PlanStepFactory,
    TrainingFactory,
)

pytestmark = pytest.mark.django_db

PLAN = "/es/careers/plan/"


@pytest.fixture
def person(client):
    user = UserFactory(display_name="Rosa")
    client.force_login(user)
    return user


def titles(user, done=False):
    return list(
        PlanStep.objects.filter(user=user, done=done)
        .order_by("position", "pk")
        .values_list("title", flat=True)
    )


def test_a_person_adds_steps_that_come_in_the_order_added(client, person):
    for title in ("Sacar la tarjeta OSHA 10", "Aplicar a 5 trabajos"):
        response = client.post(PLAN, {"title": title, "target_date": "", "notes": ""})
        assert response.status_code == 302
    assert titles(person) == ["Sacar la tarjeta OSHA 10", "Aplicar a 5 trabajos"]
    page = client.get(PLAN).content.decode()
    assert page.index("Sacar la tarjeta OSHA 10") < page.index("Aplicar a 5 trabajos")
    assert "2 pasos por hacer; hechos: 0." in page


def test_a_target_date_in_the_past_is_taken_and_marked_overdue(client, person):
    """People write down steps they are already late on: refusing the date would only make
    them lie about it. The plan says it is overdue (and no reminder is queued)."""
    last_week = timezone.localdate() - timedelta(days=7)
    response = client.post(PLAN, {"title": "Renovar la licencia",
                                  "target_date": last_week.isoformat()})  # fmt: skip
    assert response.status_code == 302
    page = client.get(PLAN).content.decode()
    assert "Vencido" in page
    assert "1 paso ya pasó su fecha." in page


def test_html_in_every_field_is_shown_as_text(client, person):
    client.post(PLAN, {"title": "<script>alert(1)</script>", "notes": "<b>negrita</b>"})
    page = client.get(PLAN).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;negrita&lt;/b&gt;" in page


def test_text_too_long_is_refused_with_a_message_and_kept_in_the_form(client, person):
    long_title, long_notes = "pasos" * 50, "notas" * 500
    response = client.post(PLAN, {"title": long_title, "notes": long_notes})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Un paso puede tener como máximo 200 caracteres (tiene 250)" in page
    assert "Las notas pueden tener como máximo 2000 caracteres (tienen 2500)" in page
    assert long_title.strip() in page and long_notes.strip() in page
    assert 'maxlength="200"' not in page  # the browser does not cut what was pasted
    assert not PlanStep.objects.exists()


@pytest.mark.parametrize("date", ["mañana", "2026-02-30", "99999-01-01", "<b>"])
def test_a_date_that_is_not_one_is_refused_with_a_message(client, person, date):
    response = client.post(PLAN, {"title": "Paso", "target_date": date})
    assert response.status_code == 400
    assert "Escriba una fecha" in response.content.decode()
    assert not PlanStep.objects.exists()


@pytest.mark.parametrize(
    ("lang", "message"),
    [("es", "Escriba una fecha a no más de 10 años de hoy"),
     ("en", "Enter a date within 10 years of today")],
)  # fmt: skip
@pytest.mark.parametrize("year", ["0001", "9999"])
def test_a_date_in_a_year_far_from_today_is_refused_and_what_was_typed_kept(
    client, person, lang, message, year
):
    """A slip of the keyboard, not a target: the plan showed "1 de enero de 0001 · Vencido"."""
    response = client.post(
        f"/{lang}/careers/plan/", {"title": "Sacar la licencia", "target_date": f"{year}-01-01"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'value="Sacar la licencia"' in page
    assert not PlanStep.objects.exists()


def test_an_empty_title_is_refused(client, person):
    response = client.post(PLAN, {"title": "   ", "notes": "algo"})
    assert response.status_code == 400
    assert "Escriba en qué consiste el paso." in response.content.decode()


def test_a_full_plan_refuses_a_new_step_with_a_message(client, person):
    PlanStep.objects.bulk_create(
        PlanStep(user=person, title=f"Paso {n}", position=n) for n in range(MAX_PLAN_STEPS)
    )
    page = client.get(PLAN).content.decode()
    assert "tantos como un plan puede tener" in page
    response = client.post(PLAN, {"title": "Uno más", "notes": "lo que escribí"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "tantos como un plan puede tener" in page
    assert "lo que escribí" in page  # nothing lost
    assert PlanStep.objects.filter(user=person).count() == MAX_PLAN_STEPS


def test_editing_a_step_changes_it(client, person):
    step = PlanStepFactory(user=person, title="Antes")
    url = f"{PLAN}{step.pk}/edit/"
    assert "Antes" in client.get(url).content.decode()
    response = client.post(url, {"title": "Después", "target_date": "2030-05-01",
                                 "notes": "Llamar el lunes"})  # fmt: skip
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.title, str(step.target_date), step.notes) == (
        "Después", "2030-05-01", "Llamar el lunes")  # fmt: skip
    response = client.post(url, {"title": "x" * 201})
    assert response.status_code == 400
    assert "x" * 201 in response.content.decode()


def test_marking_done_moves_a_step_to_the_done_list_and_back(client, person):
    first = PlanStepFactory(user=person, title="Primero")
    PlanStepFactory(user=person, title="Segundo")
    client.post(f"{PLAN}{first.pk}/done/", {"done": "on"})
    first.refresh_from_db()
    assert first.done and first.done_at is not None
    assert titles(person) == ["Segundo"] and titles(person, done=True) == ["Primero"]
    page = client.get(PLAN).content.decode()
    assert page.index("Segundo") < page.index("Primero")  # steps to do first
    client.post(f"{PLAN}{first.pk}/done/", {})
    first.refresh_from_db()
    assert not first.done and first.done_at is None
    assert titles(person) == ["Segundo", "Primero"]  # back at the end of the steps to do


def test_moving_steps_up_and_down(client, person):
    steps = [PlanStepFactory(user=person, title=title) for title in "ABC"]
    client.post(f"{PLAN}{steps[2].pk}/move/", {"direction": "up"})
    assert titles(person) == ["A", "C", "B"]
    client.post(f"{PLAN}{steps[0].pk}/move/", {"direction": "down"})
    assert titles(person) == ["C", "A", "B"]
    client.post(f"{PLAN}{steps[2].pk}/move/", {"direction": "up"})  # first already
    assert titles(person) == ["C", "A", "B"]
    assert client.post(f"{PLAN}{steps[0].pk}/move/", {"direction": "x"}).status_code == 404
    assert client.get(f"{PLAN}{steps[0].pk}/move/").status_code == 405


def test_deleting_asks_first_and_deletes_on_post_only(client, person):
    step = PlanStepFactory(user=person, title="Borrar esto")
    page = client.get(f"{PLAN}{step.pk}/delete/").content.decode()
    assert "¿Borrar «Borrar esto» de su plan?" in page
    assert PlanStep.objects.filter(pk=step.pk).exists()
    assert client.post(f"{PLAN}{step.pk}/delete/").status_code == 302
    assert not PlanStep.objects.filter(pk=step.pk).exists()


@pytest.mark.parametrize(
    ("method", "suffix", "data"),
    [("get", "edit/", None), ("post", "edit/", {"title": "Mío"}), ("post", "done/", {"done": "on"}),
     ("post", "move/", {"direction": "up"}), ("get", "delete/", None), ("post", "delete/", None)],
)  # fmt: skip
def test_another_persons_step_is_not_found(client, person, method, suffix, data):
    theirs = PlanStepFactory(title="De otra persona")
    response = getattr(client, method)(f"{PLAN}{theirs.pk}/{suffix}", data)
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.title, theirs.done) == ("De otra persona", False)
    assert "De otra persona" not in client.get(PLAN).content.decode()


def test_the_printable_plan_has_the_date_and_no_navigation(client, person):
    PlanStepFactory(user=person, title="Sacar la tarjeta", notes="Llevar identificación",
                    target_date=timezone.localdate() + timedelta(days=10))  # fmt: skip
    PlanStepFactory(user=person, title="Ya hecho", done=True)
    response = client.get(f"{PLAN}print/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "site-nav" not in page and "site-footer" not in page
    today = timezone.localdate()
    assert f"impreso el {today.day} de" in page
    assert "Sacar la tarjeta" in page and "Llevar identificación" in page
    assert "Ya hecho" in page
    assert page.index("Sacar la tarjeta") < page.index("Ya hecho")


def test_english_pages(client, person):
    PlanStepFactory(user=person, title="Get the card",
                    target_date=timezone.localdate() - timedelta(days=1))  # fmt: skip
    page = client.get("/en/careers/plan/").content.decode()
    assert "My plan" in page and "Overdue" in page
    assert "1 step is past its target date." in page


# "Add to my plan" ---------------------------------------------------------------------------


def add_url(kind, pk):
    return f"{PLAN}add/{kind}/{pk}/"


def test_adding_a_credential_links_a_step_to_it_once(client, person):
    credential = CredentialFactory(name_es="Tarjeta OSHA 10")
    response = client.post(add_url("credential", credential.pk), {"next": "/es/careers/"})
    [step] = PlanStep.objects.filter(user=person)
    assert (step.title, step.credential) == ("Obtener Tarjeta OSHA 10", credential)
    assert response["Location"] == f"{PLAN}#step-{step.pk}"

    again = client.post(add_url("credential", credential.pk), follow=True)
    assert PlanStep.objects.filter(user=person).count() == 1
    assert again.redirect_chain[0][0] == f"{PLAN}#step-{step.pk}"
    assert "«Obtener Tarjeta OSHA 10» ya está en su plan." in again.content.decode()


def test_adding_a_training_in_english(client, person):
    training = TrainingFactory(title_en="Welding for beginners")
    client.post(f"/en/careers/plan/add/training/{training.pk}/")
    [step] = PlanStep.objects.filter(user=person)
    assert (step.title, step.training) == ("Enrol in Welding for beginners", training)


def test_only_published_items_are_added(client, person):
    hidden = CredentialFactory(published=False)
    draft = TrainingFactory(status="draft")
    assert client.post(add_url("credential", hidden.pk)).status_code == 404
    assert client.post(add_url("training", draft.pk)).status_code == 404
    assert client.post(add_url("job", 1)).status_code == 404
    assert client.post(add_url("credential", 99999999)).status_code == 404
    assert not PlanStep.objects.exists()


def test_a_full_plan_refuses_an_added_item(client, person):
    PlanStep.objects.bulk_create(
        PlanStep(user=person, title=f"Paso {n}", position=n) for n in range(MAX_PLAN_STEPS)
    )
    response = client.post(add_url("credential", CredentialFactory().pk), follow=True)
    assert "tantos como un plan puede tener" in response.content.decode()
    assert PlanStep.objects.filter(user=person).count() == MAX_PLAN_STEPS


def test_a_visitor_not_signed_in_is_sent_to_sign_in_and_back(client):
    credential = CredentialFactory()
    response = client.post(add_url("credential", credential.pk), {"next": "/es/careers/x/"})
    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/login/?next=/es/careers/x/"
    evil = client.post(add_url("credential", credential.pk), {"next": "https://evil.example/"})
    assert evil["Location"] == "/es/accounts/login/?next=/es/careers/plan/"
    assert not PlanStep.objects.exists()


def test_the_include_offers_a_button_or_a_sign_in_link():
    credential = CredentialFactory()
    template = Template('{% include "certifications/includes/add_to_plan.html" with object=c %}')
    request = RequestFactory().get("/es/careers/credentials/osha/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    html = template.render(Context({"c": credential, "request": request, "user": request.user}))
    assert "/es/accounts/login/?next=/es/careers/credentials/osha/" in html
    request.user = UserFactory()
    html = template.render(Context({"c": credential, "request": request, "user": request.user,
                                    "csrf_token": "t"}))  # fmt: skip
    assert f'action="/es/careers/plan/add/credential/{credential.pk}/"' in html
    assert 'name="next" value="/es/careers/credentials/osha/"' in html


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in (PLAN, f"{PLAN}print/"):
        response = client.get(url)
        assert response["Location"].startswith("/es/accounts/login/")
