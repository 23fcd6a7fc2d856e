import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def result_titles(response) -> list[str]:
    return [job.title_en for job in response.context["jobs"]]


def test_the_list_shows_published_open_jobs_only(client):
    JobFactory(title_en="Open job")
    JobFactory(title_en="Draft job", status="draft")
    JobFactory(title_en="Past its date", expires_on=timezone.localdate() - timedelta(days=1))

    response = client.get("/en/jobs/")

    assert response.status_code == 200
    assert result_titles(response) == ["Open job"]
    assert "1 job found" in response.content.decode()


def test_filters_combine_and_stay_in_the_url(client):
    JobFactory(title_en="Open, Chicago", work_authorization="open", zip_code="60623")
    JobFactory(title_en="EAD, Chicago", work_authorization="ead", zip_code="60623")
    JobFactory(
        title_en="Open, Houston",
        work_authorization="open",
        zip_code="77036",
        city="Houston",
        state="TX",
    )

    response = client.get("/en/jobs/?authorization=open&zip=60629&radius=25")

    assert result_titles(response) == ["Open, Chicago"]
    html = response.content.decode()
    assert 'value="60629"' in html and 'name="authorization" value="open" checked' in html


def test_nearest_first_and_distance_shown(client):
    JobFactory(title_en="Far", zip_code="60014", city="Crystal Lake")  # about 45 miles
    JobFactory(title_en="Near", zip_code="60623")
    response = client.get("/en/jobs/?zip=60629&radius=100&sort=nearest")
    assert result_titles(response) == ["Near", "Far"]
    assert re.search(r"\d+ mi away", response.content.decode())


def card_of(html: str, title: str) -> str:
    """The result card whose title is `title`, up to the end of its facts."""
    cards = (card.split("</ul>")[0] for card in html.split('<li class="card ')[1:])
    return next(card for card in cards if f">{title}</a>" in card)


@pytest.mark.parametrize(
    ("language", "remote", "hybrid", "away"),
    [("en", "Remote", "hybrid", "mi away"), ("es", "Remoto", "híbrido", "millas")],
)
def test_a_remote_job_near_the_zip_code_shows_no_distance(client, language, remote, hybrid, away):
    # Its distance is to the employer's ZIP code, which is not where the work is done.
    JobFactory(title_es="Remoto", title_en="Remote", workplace="remote", zip_code="60623")
    JobFactory(title_es="Híbrido", title_en="Hybrid", workplace="hybrid", zip_code="60623")

    html = client.get(f"/{language}/jobs/?zip=60629&radius=25&sort=nearest").content.decode()

    remote_card = card_of(html, remote)
    assert f"<li>{remote}</li>" in remote_card and away not in remote_card
    assert re.search(rf"\({hybrid}\) · [^<]*\d+ {away}", card_of(html, hybrid.capitalize()))


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("en", "Remote jobs can be done from anywhere, so the ZIP code does not limit them."),
        ("es", "Los empleos remotos se pueden hacer desde cualquier lugar, así que el código "
               "postal no los limita."),
    ],
)  # fmt: skip
def test_remote_work_asked_for_near_a_zip_code_is_found_anywhere(client, language, note):
    # Most remote jobs give no ZIP code: near one, none of them was found.
    JobFactory(title_en="Remote, no place", workplace="remote", zip_code="", city="", state="")
    JobFactory(title_en="Remote, Houston", workplace="remote", zip_code="77036", city="Houston",
               state="TX")  # fmt: skip
    JobFactory(title_en="On site, Chicago", zip_code="60623")

    response = client.get(f"/{language}/jobs/?workplace=remote&zip=60629&radius=25&sort=nearest")

    assert sorted(result_titles(response)) == ["Remote, Houston", "Remote, no place"]
    html = response.content.decode()
    assert note in html and 'value="60629"' in html  # the ZIP code typed stays in its field
    # With work on site asked for too, the ZIP code keeps what is near it, and no note.
    response = client.get(f"/{language}/jobs/?workplace=remote&workplace=onsite&zip=60629")
    assert result_titles(response) == ["On site, Chicago"]
    assert note not in response.content.decode()


def test_pay_is_compared_per_hour_across_pay_periods(client):
    JobFactory(title_en="Yearly 52k", pay_min=None, pay_max=52000, pay_unit="year")  # $25/h
    JobFactory(title_en="Daily 120", pay_min=None, pay_max=120, pay_unit="day")  # $15/h
    JobFactory(title_en="Piece rate", pay_min=None, pay_max=3, pay_unit="piece")

    response = client.get("/en/jobs/?min_pay=20")
    assert result_titles(response) == ["Yearly 52k"]

    response = client.get("/en/jobs/?sort=pay")
    assert result_titles(response) == ["Yearly 52k", "Daily 120", "Piece rate"]


def test_posted_within_days(client):
    JobFactory(title_en="Today")
    JobFactory(title_en="Last month", published_at=timezone.now() - timedelta(days=20))
    assert result_titles(client.get("/en/jobs/?posted=7")) == ["Today"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("min_pay=abc", "Introduzca un número."),
        ("zip=00000", "No conocemos el código postal 00000."),
        ("zip=60629&radius=-5", "Asegúrese de que este valor es mayor o igual a 1."),
        ("authorization=nonsense", "Escoja una opción válida."),
    ],
)
def test_malformed_filters_are_explained_in_the_page_language(client, query, message):
    JobFactory(title_en="Still listed")
    response = client.get(f"/es/jobs/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Algunos filtros no se pudieron usar" in html
    assert message in html
    assert result_titles(response) == ["Still listed"]


@pytest.mark.parametrize("page", ["1000000000", "abc", "-1"])
def test_page_numbers_out_of_range_show_a_page_and_say_so(client, page):
    JobFactory.create_batch(3)
    response = client.get(f"/es/jobs/?page={page}")
    assert response.status_code == 200
    assert len(response.context["jobs"]) == 3
    assert f"No hay página {page}" in response.content.decode()


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/es/jobs/",
        "/es/jobs/?q=ayudante&zip=60629&radius=50&sort=nearest",
        "/es/jobs/?sort=pay&page=2",
    ],
)
def test_the_list_runs_the_same_queries_whatever_the_number_of_jobs(client, url):
    JobFactory.create_batch(3)
    count_queries(client, url)  # warm the per-process caches (the terms' statistics)
    few = count_queries(client, url)
    JobFactory.create_batch(45)
    assert count_queries(client, url) == few


def test_the_detail_runs_the_same_queries_whatever_the_number_of_jobs(client):
    job = JobFactory()
    few = count_queries(client, job.get_absolute_url())
    JobFactory.create_batch(30, organization=job.organization)
    assert count_queries(client, job.get_absolute_url()) == few


def test_detail_explains_the_label_and_publishes_json_ld(client):
    job = JobFactory(title_en="Line cook", work_authorization="ead", pay_min=17, pay_max=20)

    response = client.get(f"/en/jobs/{job.pk}/")

    html = response.content.decode()
    assert "Work permit (EAD) accepted" in html
    assert "such as the work permits of people with DACA or TPS" in html
    assert "/en/jobs/work-authorization/#ead" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Line cook"
    assert data["hiringOrganization"]["name"] == job.organization.name
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "unitText": "HOUR",
        "minValue": 17.0,
        "maxValue": 20.0,
    }


def test_a_job_in_one_language_says_so(client):
    job = JobFactory(title_es="Jardinero", title_en="", description_en="")
    html = client.get(f"/en/jobs/{job.pk}/").content.decode()
    assert "Jardinero" in html
    assert "Not translated yet: shown in Spanish." in html


@pytest.mark.parametrize(
    ("reader", "written", "note"),
    [("en", "es", "Not translated yet: shown in Spanish."),
     ("es", "en", "Aún no está traducido: se muestra en inglés.")],
)  # fmt: skip
def test_a_schedule_in_the_other_language_says_so(client, reader, written, note):
    """The schedule was the one text of a job shown in the other language without saying so."""
    schedule = {"es": "Lunes a viernes, de 6 a 14", "en": "Monday to Friday, 6 to 2"}[written]
    job = JobFactory(**{f"schedule_notes_{written}": schedule, f"schedule_notes_{reader}": ""})

    html = client.get(f"/{reader}/jobs/{job.pk}/").content.decode()

    assert (
        f'<dd><span lang="{written}">{schedule}</span><p class="fallback-note">{note}</p></dd>'
        in html
    )


def test_drafts_and_other_organizations_jobs_are_404(client):
    job = JobFactory(status="draft")
    assert client.get(job.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(job.get_absolute_url()).status_code == 404
