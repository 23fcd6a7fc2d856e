"""The demo's plans (apps/certifications/demo/plan.json): María's plan in Spanish has steps to
do, with dates, and one done; loading twice duplicates nothing."""

import pytest
from django.core.management import call_command

from apps.certifications.models import PlanStep


def load_demo() -> None:
    call_command("load_demo", force=True, verbosity=0)


pytestmark = pytest.mark.django_db


def test_the_demo_seekers_have_plans_and_loading_twice_duplicates_nothing(client):
    load_demo()
    count = PlanStep.objects.count()
    load_demo()
    assert PlanStep.objects.count() == count
    maria = PlanStep.objects.filter(user__email="maria@example.org")
    assert maria.filter(done=False, target_date__isnull=False).count() >= 2
    assert maria.filter(done=True).count() == 1
    client.login(email="maria@example.org", password="camino-demo-2026")
    page = client.get("/es/my-camino/").content.decode()
    assert "Sacar la tarjeta OSHA 10 de construcción" in page
