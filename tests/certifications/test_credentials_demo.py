"""The demo's credentials (apps/certifications/demo/credentials.json, through the shared
loader): at least 25, bilingual, across the demo jobs' kinds of work, with state rules for at
least 5 states, each with a source, checked by staff, a few overdue for a check."""

import json
from pathlib import Path

import pytest

from apps.certifications.credential_setup import RULES_CHECKED
from apps.certifications.models import Credential, CredentialSearchEntry, StateRule
from apps.core.verification import overdue
from tests.core.test_demo import load_demo

pytestmark = pytest.mark.django_db

JOBS = Path(__file__).parents[2] / "apps" / "jobs" / "demo" / "jobs.json"


def test_the_demo_credentials_and_their_rules(client):
    load_demo()

    credentials = Credential.objects.filter(published=True)
    assert credentials.count() >= 25
    assert CredentialSearchEntry.objects.count() == credentials.count()
    for credential in credentials:
        for field in ("name", "summary"):
            assert getattr(credential, f"{field}_es") and getattr(credential, f"{field}_en")
        assert credential.official_url.startswith("https://")
        assert "notar" not in credential.slug  # never notaries (notario fraud)
    job_categories = {
        row["category"] for block in json.loads(JOBS.read_text()) for row in block["rows"]
        if "category" in row
    }  # fmt: skip
    served = {code for credential in credentials for code in credential.categories}
    # every kind of work the demo jobs have but "other" has a credential
    assert job_categories - {"other"} <= served

    rules = StateRule.objects.select_related("checked_by")
    assert len({rule.state for rule in rules}) >= 5
    for rule in rules:
        assert rule.note_es and rule.note_en and rule.source_name
        assert rule.source_url.startswith("https://")
        assert rule.checked_by.email == "staff@example.org"
    assert 1 <= overdue(RULES_CHECKED).count() <= 3

    # the browser journey's search finds something
    found = client.get("/es/careers/credentials/?state=CA&rule=no_ssn&language=es")
    assert len(found.context["credentials"]) >= 3
