"""The public training list: filters in the URL, the shared ZIP radius, "starts within N days",
bad input answered with translated errors, and the daily task that moves next starts on."""

import pytest

from apps.certifications.models import TrainingSearchEntry, TrainingStart
from apps.certifications.tasks import move_training_starts
from tests.certifications.factories import (
    CredentialFactory,
    TrainingFactory,
    days_from_today,
)

pytestmark = pytest.mark.django_db

URL = "/en/careers/trainings/"


def titles(client, query: str = "", language: str = "en") -> list[str]:
    response = client.get(f"/{language}/careers/trainings/?{query}")
    assert response.status_code == 200
    return [training.title_en for training in response.context["trainings"]]


def test_each_filter_keeps_only_what_it_says(client):
    osha = CredentialFactory(slug="osha-10-construction")
    TrainingFactory(title_en="Pilsen OSHA", credentials=[osha], starts=[10], cost=60)
    TrainingFactory(
        title_en="Online food safety", category="food", format="online", zip_code="", city="",
        state="", starts=[], rolling_enrollment=True, cost=0, languages=["es", "en"],
    )  # fmt: skip
    TrainingFactory(
        title_en="Welding in LA", category="trades", city="Los Angeles", state="CA",
        zip_code="90011", starts=[60], cost=2400, aid_open_to_all=True, languages=["en"],
    )  # fmt: skip

    assert titles(client, "category=trades") == ["Welding in LA"]
    assert titles(client, "credential=osha-10-construction") == ["Pilsen OSHA"]
    assert titles(client, f"credential={osha.pk}") == ["Pilsen OSHA"]
    assert titles(client, "online=on") == ["Online food safety"]
    # dated starts soonest first; "starts any time" counts as starting within any period
    assert titles(client, "within=30") == ["Pilsen OSHA", "Online food safety"]
    assert titles(client, "within=90") == ["Pilsen OSHA", "Welding in LA", "Online food safety"]
    assert titles(client, "max_cost=100") == ["Pilsen OSHA", "Online food safety"]
    assert titles(client, "free=on") == titles(client, "max_cost=0") == ["Online food safety"]
    assert titles(client, "aid=on") == ["Welding in LA"]
    assert titles(client, "language=en") == ["Welding in LA", "Online food safety"]
    assert titles(client, "sort=cheapest") == ["Online food safety", "Pilsen OSHA", "Welding in LA"]
    assert titles(client, "q=welding") == ["Welding in LA"]
    assert ">30 days<" in client.get(URL).content.decode()
    assert ">30 días<" in client.get("/es/careers/trainings/").content.decode()


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("en", "Online trainings can be taken from anywhere, so the ZIP code does not limit them."),
        ("es", "Las capacitaciones en línea se pueden tomar desde cualquier lugar, así que el "
               "código postal no las limita."),
    ],
)  # fmt: skip
def test_online_trainings_asked_for_near_a_zip_code_are_found_anywhere(client, language, note):
    TrainingFactory(title_en="Online, no place", format="online", zip_code="", city="", state="")
    TrainingFactory(title_en="Pilsen", zip_code="60608")

    query = "online=on&zip=90011&radius=10"  # Los Angeles
    assert titles(client, query, language) == ["Online, no place"]
    assert note in client.get(f"/{language}/careers/trainings/?{query}").content.decode()


def test_near_a_zip_code_nearest_first_within_the_radius(client):
    TrainingFactory(title_en="Little Village", zip_code="60623", starts=[40])
    TrainingFactory(title_en="Pilsen", zip_code="60608", starts=[50])
    TrainingFactory(title_en="Evanston", city="Evanston", zip_code="60201", starts=[5])
    TrainingFactory(title_en="Los Angeles", city="Los Angeles", state="CA", zip_code="90011")
    TrainingFactory(title_en="Online", format="online", zip_code="60623")  # no place

    assert titles(client, "zip=60608&radius=5&sort=nearest") == ["Pilsen", "Little Village"]
    assert titles(client, "zip=60608&radius=25") == ["Evanston", "Little Village", "Pilsen"]
    page = client.get(f"{URL}?zip=60608&radius=5&sort=nearest").content.decode()
    assert "mi away" in page


def test_bad_input_is_explained_and_kept_never_a_500(client):
    TrainingFactory(title_en="Pilsen OSHA")
    response = client.get(
        "/es/careers/trainings/?max_cost=-1&zip=9021&within=-5&credential=nada&language=xx"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Un costo no puede ser menor que cero." in page
    assert "No conocemos el código postal 9021" in page
    assert "No conocemos la credencial nada" in page
    assert 'value="-1"' in page and 'value="9021"' in page  # nothing the person typed is lost
    assert [t.title_en for t in response.context["trainings"]] == ["Pilsen OSHA"]

    huge = client.get(f"{URL}?max_cost={10**12}").content.decode()
    assert "Enter a cost of at most 100000 dollars." in huge
    assert "Enter the cost in whole dollars" in client.get(f"{URL}?max_cost=abc").content.decode()
    assert client.get(f"{URL}?credential={'9' * 30}").status_code == 200


def test_a_training_whose_dates_passed_leaves_the_list_and_its_page_stays(client):
    training = TrainingFactory(title_en="Last group", starts=[3])
    repeating = TrainingFactory(title_en="Monthly group", starts=[2, 32])
    any_time = TrainingFactory(title_en="Any time", starts=[1], rolling_enrollment=True)
    # Days pass: the dates and the entries' next starts are yesterday.
    TrainingStart.objects.update(starts_on=days_from_today(-1))
    TrainingSearchEntry.objects.update(next_start=days_from_today(-1))
    TrainingStart.objects.create(training=repeating, starts_on=days_from_today(29))

    # Before the daily task, a next start in the past is not shown as upcoming.
    assert titles(client) == ["Any time"]
    move_training_starts()

    entries = dict(TrainingSearchEntry.objects.values_list("pk", "next_start"))
    assert entries == {repeating.pk: days_from_today(29), any_time.pk: None}
    assert titles(client) == ["Monthly group", "Any time"]
    page = client.get(training.get_absolute_url())
    assert page.status_code == 200 and "No upcoming start dates" in page.content.decode()


def test_the_daily_task_expires_trainings_past_their_listing_date():
    stale = TrainingFactory(expires_on=days_from_today(-1))
    fresh = TrainingFactory()
    move_training_starts()
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert (stale.status, fresh.status) == ("expired", "published")
    assert list(TrainingSearchEntry.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_the_page_shows_upcoming_dates_only_and_every_fact(client):
    credential = CredentialFactory(name_en="OSHA 10")
    training = TrainingFactory(
        credentials=[credential], starts=[10, 40], cost=0, aid_open_to_all=True,
        enrol_url="https://example.org/enrol", languages=["es", "en"],
        description_en="<script>alert(1)</script>",
    )  # fmt: skip
    TrainingStart.objects.create(training=training, starts_on=days_from_today(-30))
    page = client.get(f"/en/careers/trainings/{training.pk}/").content.decode()
    for expected in [
        "OSHA 10", "Free", "Spanish, English", "https://example.org/enrol",
        "regardless of immigration status", "&lt;script&gt;",
    ]:  # fmt: skip
        assert expected in page
    assert page.count("<time datetime=") == 2
    assert days_from_today(-30).isoformat() not in page


def test_a_credentials_trainings_soonest_first_near_the_seeker_or_online():
    from django.template.loader import render_to_string

    from apps.certifications.training_selectors import trainings_for_credential
    from apps.core.us import locate_zip

    osha = CredentialFactory()
    for days in (40, 30, 20, 15, 12, 50):
        TrainingFactory(title_en=f"In {days} days", credentials=[osha], starts=[days])
    TrainingFactory(title_en="Online", credentials=[osha], format="online", starts=[25])
    TrainingFactory(title_en="Far", credentials=[osha], city="Los Angeles", state="CA",
                    zip_code="90011", starts=[1])  # fmt: skip
    TrainingFactory(title_en="Other credential", starts=[1])

    def found(point=None):
        return [t.title_en for t in trainings_for_credential(osha, point)]

    assert found() == ["Far", "In 12 days", "In 15 days", "In 20 days", "Online"]
    assert found(locate_zip("60608")) == [
        "In 12 days", "In 15 days", "In 20 days", "Online", "In 30 days",
    ]  # fmt: skip
    html = render_to_string(
        "certifications/includes/credential_trainings.html", {"credential": osha}
    )
    assert html.count('class="card training-card"') == 5
    assert f"?credential={osha.slug}" in html
