"""A seeker's plan is theirs: every step is in their download, and deleting their account
deletes their plan (apps.certifications.personal_data)."""

import json
from datetime import date

import pytest

from apps.certifications.models import PlanStep
from tests.accounts.factories import PASSWORD, UserFactory
from tests.certifications.factories import CredentialFactory, PlanStepFactory

pytestmark = pytest.mark.django_db


def test_the_download_has_every_step_with_its_fields_and_none_of_anyone_elses(client):
    person = UserFactory()
    credential = CredentialFactory(name_en="OSHA 10 card")
    PlanStepFactory(user=person, title="Get OSHA 10", notes="Online, in Spanish",
                    target_date=date(2030, 3, 1), credential=credential)  # fmt: skip
    PlanStepFactory(user=person, title="Apply to 5 jobs", done=True)
    PlanStepFactory(title="Someone else's step")
    client.force_login(person)

    data = json.loads(client.get("/en/accounts/my-data/download/").content)

    rows = data["plan_steps"]
    assert [row["title"] for row in rows] == ["Get OSHA 10", "Apply to 5 jobs"]
    assert rows[0]["notes"] == "Online, in Spanish"
    assert rows[0]["target_date"].startswith("2030-03-01")
    assert rows[0]["credential"] == "OSHA 10 card"
    assert rows[1]["done"] is True
    assert "Someone else's step" not in json.dumps(data)
    page = client.get("/en/accounts/my-data/").content.decode()
    assert "Your plan" in page and "Online, in Spanish" in page


def test_deleting_the_account_deletes_the_plan(client):
    person = UserFactory()
    PlanStepFactory(user=person)
    kept = PlanStepFactory()
    client.force_login(person)
    response = client.post("/en/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert list(PlanStep.objects.all()) == [kept]
