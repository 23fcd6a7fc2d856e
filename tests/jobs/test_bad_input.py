"""Bad input gets a clear answer (a 404 for an id of nothing, a form error that keeps what was
typed), never a 500."""

import pytest

from apps.jobs.models import Job, JobReport, SavedSearch
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.jobs.factories import JobFactory
from tests.jobs.test_submission import SPANISH_ONLY
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

NOT_IDS = ["abc", "", "1.5x", "-1", "\x00", "9" * 40]


@pytest.mark.parametrize("value", NOT_IDS)
def test_deleting_a_saved_search_with_an_id_that_is_not_one_is_a_404(client, value):
    person = UserFactory()
    SavedSearch.objects.create(user=person, name="Cocina", query="q=cocina")
    client.force_login(person)

    assert client.post("/es/jobs/searches/", {"search": value}).status_code == 404
    assert SavedSearch.objects.count() == 1


@pytest.mark.parametrize("value", NOT_IDS)
def test_handling_a_report_with_an_id_that_is_not_one_is_a_404(client, value):
    JobReport.objects.create(job=JobFactory(), reason="scam")
    client.force_login(CuratorFactory())

    assert client.post("/es/jobs/reports/", {"report": value}).status_code == 404
    assert JobReport.objects.get().resolved_at is None


@pytest.fixture
def partner(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    return membership


def post_job(client, partner, **changes):
    return client.post("/es/jobs/new/", {**SPANISH_ONLY, "organization": partner.organization.pk,
                                         **changes})  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"pay_min": "-5"}, "pay_min", "mayor o igual a 0"),
        ({"pay_max": "-1", "pay_min": ""}, "pay_max", "mayor o igual a 0"),
        ({"pay_max": "5000", "pay_min": "20"}, "pay_max", "por hora es $1,000."),
        ({"pay_max": "2000000", "pay_unit": "year"}, "pay_max", "por año es $1,000,000."),
        ({"pay_min": "1e400"}, "pay_min", ""),
    ],
)
def test_negative_or_absurd_pay_is_a_form_error(client, partner, changes, field, message):
    response = post_job(client, partner, **changes)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in " ".join(response.context["form"].errors[field])
    assert 'value="Cocinero de línea"' in response.content.decode()
    assert not Job.objects.exists()


def test_a_high_yearly_salary_is_fine(client, partner):
    post_job(client, partner, pay_min="60000", pay_max="85000", pay_unit="year")
    assert Job.objects.get().pay_max == 85000


def test_a_description_over_the_limit_is_refused_and_kept_and_the_limit_is_shown(client, partner):
    long_description = "Preparar platillos. " * 600  # 12,000 characters

    response = post_job(client, partner, description_es=long_description)

    assert response.status_code == 200
    assert "description_es" in response.context["form"].errors
    html = response.content.decode()
    assert long_description.strip() in html  # what was typed is still there to shorten
    assert 'maxlength="10000"' in html
    assert "Hasta 10,000 caracteres." in html
    assert not Job.objects.exists()


def test_a_title_over_the_limit_is_refused(client, partner):
    response = post_job(client, partner, title_es="Cocinero " * 40)
    assert "title_es" in response.context["form"].errors
    assert not Job.objects.exists()


def test_a_report_without_a_reason_keeps_what_was_written(client):
    job = JobFactory()

    response = client.post(f"/es/jobs/{job.pk}/report/", {"details": "Piden $200 por adelantado."})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Piden $200 por adelantado." in html
    assert "Elija qué está mal" in html
    assert '<details class="report" id="report" open>' in html
    assert not JobReport.objects.exists()


def test_a_report_with_too_long_details_is_explained_and_kept(client):
    job = JobFactory()
    details = "Piden dinero. " * 200

    response = client.post(f"/es/jobs/{job.pk}/report/", {"reason": "scam", "details": details})

    assert details.strip() in response.content.decode()
    assert "details" in response.context["report_form"].errors
    assert "Revise el formulario de denuncia al final de la página." in response.content.decode()
    assert not JobReport.objects.exists()
