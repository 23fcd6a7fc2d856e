"""The career pathway pages as a seeker reads them: every kind of work with its pay, and one
kind of work's pay now, credentials, trainings near a ZIP code, open jobs and mentors; a job's
page links to its kind of work's pathway."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.certifications.models import PayFigure
from apps.certifications.pay import pay_figures_refresh
from tests.certifications.factories import CredentialFactory, TrainingFactory
from tests.jobs.factories import JobFactory
from tests.mentorship.factories import MentorFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_every_kind_of_work_has_a_pathway_with_its_pay_when_shown(client, settings):
    settings.CERTIFICATIONS_PAY_MIN_LISTINGS = 2
    for amount in (20, 24):
        JobFactory(category="construction", pay_min=amount, pay_max=None)
    JobFactory(category="cleaning", pay_min=18, pay_max=None)
    pay_figures_refresh()

    page = text(client.get("/en/careers/pathways/"))

    assert "Construction and remodeling" in page
    assert "Median pay: <strong>$22</strong> an hour" in page
    assert 'href="/en/careers/pathways/cleaning/"' in page
    assert "Not enough current listings to show pay." in page
    assert 'href="/en/careers/pathways/interpreting/"' in page


def test_the_pathway_says_what_the_work_pays_from_how_many_listings_and_when(client, settings):
    settings.CERTIFICATIONS_PAY_MIN_LISTINGS = 5
    for amount in (18, 20, 22, 25, 30):
        JobFactory(category="construction", pay_min=amount, pay_max=None)
    pay_figures_refresh()

    page = text(client.get("/es/careers/pathways/construction/"))

    assert "Construcción y remodelación" in page
    assert "$22 por hora" in page
    assert "$18.80" in page and "$28" in page
    assert "5 anuncios" in page
    today = timezone.localdate()
    assert str(today.year) in page


def test_too_few_listings_show_no_figures(client, settings):
    settings.CERTIFICATIONS_PAY_MIN_LISTINGS = 5
    for amount in (90, 95, 99):
        JobFactory(category="beauty", pay_min=amount, pay_max=None)
    pay_figures_refresh()
    assert PayFigure.objects.get(category="beauty").median is None

    page = text(client.get("/en/careers/pathways/beauty/"))

    assert "Not enough current listings to show pay." in page
    assert "There are 3 current listings" in page
    assert "$95" not in page.split("Open jobs")[0]


def test_before_any_refresh_the_page_says_pay_is_not_worked_out_yet(client):
    page = text(client.get("/en/careers/pathways/food/"))
    assert "Pay has not been worked out from the listings yet." in page


def test_an_unknown_kind_of_work_is_not_found(client):
    assert client.get("/en/careers/pathways/astronaut/").status_code == 404
    assert client.get("/es/careers/pathways/CONSTRUCTION/").status_code == 404


def test_credentials_of_the_kind_of_work_grouped_by_why_they_matter(client):
    CredentialFactory(name_en="Electrician license", benefit="required", exam_cost=150,
                      course_cost=None, fees=None, exam_languages=["es"])  # fmt: skip
    CredentialFactory(name_en="OSHA 30", benefit="raises_pay", exam_cost=60, course_cost=25)
    CredentialFactory(name_en="Forklift card", categories=["warehouse"])
    CredentialFactory(name_en="Hidden draft", published=False)
    CredentialFactory(name_en="Free lead course", benefit="opens_doors", exam_cost=0,
                      course_cost=None)  # fmt: skip

    page = text(client.get("/en/careers/pathways/construction/"))

    required = page.index("Required to do this work")
    raises = page.index("Raises pay")
    opens = page.index("Opens doors to more jobs")
    assert required < page.index("Electrician license") < raises < page.index("OSHA 30") < opens
    assert "$150 in all" in page and "Exam in: Spanish" in page  # the credential list's card
    assert "$85 in all" in page  # exam and course
    assert "Free" in page.split("Free lead course")[1]
    assert "Forklift card" not in page and "Hidden draft" not in page


def test_trainings_near_the_zip_code_nearest_first_and_online_ones(client):
    near = TrainingFactory(zip_code="60623", title_en="Pilsen welding")
    farther = TrainingFactory(zip_code="60201", city="Evanston", title_en="Evanston welding")
    TrainingFactory(zip_code="60623", starts=[-3], title_en="Already started")
    TrainingFactory(zip_code="10001", city="New York", state="NY", title_en="New York welding")
    TrainingFactory(zip_code="60623", category="food", title_en="Kitchen course")
    TrainingFactory(online=True, title_en="OSHA 10 online")

    page = text(client.get("/en/careers/pathways/construction/?zip=60608"))

    assert "Within 50 miles of 60608" in page
    assert page.index("Pilsen welding") < page.index("Evanston welding")
    assert "mi away" in page
    assert "OSHA 10 online" in page and "Starts any time" in page  # the training list's card
    for absent in ("Already started", "New York welding", "Kitchen course"):
        assert absent not in page
    assert near.pk != farther.pk

    without_zip = text(client.get("/en/careers/pathways/construction/"))
    assert "Pilsen welding" not in without_zip
    assert "Enter your ZIP code above to see trainings near you." in without_zip
    assert "OSHA 10 online" in without_zip


def test_at_most_five_trainings_of_each_kind(client):
    for _ in range(7):
        TrainingFactory(zip_code="60623", format="hybrid")
    page = text(client.get("/en/careers/pathways/construction/?zip=60623"))
    assert page.count("training-card") == 7  # five near, the two left as online ones


def test_an_unknown_zip_code_is_reported_and_the_rest_still_shown(client, settings):
    settings.CERTIFICATIONS_PAY_MIN_LISTINGS = 1
    JobFactory(category="construction", pay_min=20, pay_max=None, title_en="Roofer helper")
    pay_figures_refresh()
    TrainingFactory(online=True, title_en="OSHA 10 online")

    response = client.get("/es/careers/pathways/construction/?zip=00000")

    assert response.status_code == 200
    page = text(response)
    assert "No conocemos el código postal 00000" in page
    assert 'value="00000"' in page  # what they typed stays in the form
    assert "$20 por hora" in page
    assert "OSHA 10 online" in text(client.get("/en/careers/pathways/construction/?zip=00000"))
    assert "Roofer helper" in text(client.get("/en/careers/pathways/construction/?zip=<b>"))


def test_open_jobs_with_their_labels_and_links_by_label(client):
    JobFactory(category="construction", work_authorization="open", title_en="Open job")
    JobFactory(category="construction", work_authorization="open")
    JobFactory(category="construction", work_authorization="ead", title_en="EAD job")
    JobFactory(category="construction", status="draft", title_en="Draft job")
    JobFactory(category="food", title_en="Kitchen job")
    for _ in range(5):
        JobFactory(
            category="construction", title_en="Older job",
            published_at=timezone.now() - timedelta(days=9),
        )  # fmt: skip

    page = text(client.get("/en/careers/pathways/construction/"))

    assert "8 open jobs" in page
    assert page.count("job-card") == 5 and "Older job" in page
    assert "Open job" in page and "EAD job" in page
    assert "Draft job" not in page and "Kitchen job" not in page
    assert "/en/jobs/?category=construction&amp;authorization=open" in page
    assert "Open to all</span> 7 jobs" in page
    assert "Work permit (EAD) accepted</span> 1 job" in page
    assert "/en/jobs/?category=construction&amp;sort=pay" in page


def test_jobs_near_the_zip_code_when_given(client):
    JobFactory(category="construction", zip_code="60623", title_en="Chicago job")
    JobFactory(category="construction", zip_code="77036", city="Houston", title_en="Houston job")

    page = text(client.get("/en/careers/pathways/construction/?zip=60608"))

    assert "1 open job within 50 miles of 60608" in page
    assert "Chicago job" in page and "Houston job" not in page
    assert "zip=60608" in page.split("See all these jobs")[0].rsplit("href=", 1)[1]


def test_mentors_who_work_in_this_with_a_link_to_all_of_them(client):
    MentorFactory(industries=["construction"], headline_en="Roofer for 20 years")
    MentorFactory(industries=["food"], headline_en="Chef")

    page = text(client.get("/en/careers/pathways/construction/"))

    assert "Mentors who work in this" in page
    assert "Roofer for 20 years" in page and "Chef" not in page
    assert "/en/mentoring/?industry=construction" in page
    assert "Mentors who work in this" not in text(client.get("/en/careers/pathways/office/"))


def test_jobs_and_mentors_register_their_sections_from_their_own_apps():
    """Events have no kind of work to relate them by (a workshop's topic is not one), so
    they register none."""
    from apps.core.registry import category_sections

    assert {"jobs", "mentors"} <= set(category_sections.keys())
    assert category_sections["jobs"].load.__module__ == "apps.jobs.pathway"
    assert category_sections["mentors"].load.__module__ == "apps.mentorship.pathway"


def test_a_job_page_links_to_its_pathway(client):
    job = JobFactory(category="landscaping")

    page = text(client.get(f"/es/jobs/{job.pk}/"))

    assert 'href="/es/careers/pathways/landscaping/"' in page
    assert "Cuánto paga este tipo de trabajo y cómo progresar" in page


def test_the_home_page_offers_the_pathways(client):
    page = text(client.get("/en/"))
    assert 'href="/en/careers/pathways/"' in page and "Career pathways" in page


def test_html_in_a_credential_or_training_is_shown_as_text(client):
    CredentialFactory(name_en="<script>alert(1)</script>")
    TrainingFactory(online=True, title_en="<b>bold</b>")
    page = client.get("/en/careers/pathways/construction/").content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert "<b>bold</b>" not in page


@pytest.mark.postgres
def test_pay_uses_the_stored_figures_not_the_jobs(client, django_assert_num_queries, settings):
    settings.CERTIFICATIONS_PAY_MIN_LISTINGS = 1
    PayFigure.objects.create(category="retail", listings=7, median=Decimal("16.25"),
                             low=Decimal("15"), high=Decimal("19"))  # fmt: skip
    page = text(client.get("/en/careers/pathways/retail/"))
    assert "$16.25 an hour" in page and "Based on 7 current listings" in page


@pytest.mark.postgres
def test_label_counts_stop_at_the_cap_as_the_job_list_does(client, monkeypatch):
    monkeypatch.setattr("apps.jobs.pathway.RESULTS_CAP", 2)
    for _ in range(3):
        JobFactory(category="construction", work_authorization="open")
    JobFactory(category="construction", work_authorization="ead")

    page = text(client.get("/en/careers/pathways/construction/"))

    assert "More than 2 open jobs. The newest:" in page
    assert "Open to all</span> more than 2 jobs" in page
    assert "Work permit (EAD) accepted</span> 1 job" in page
