"""The pathways of the demo: the loader works the pay figures out once the demo data is in
(apps.core.demo_data.after_demo_load), every kind of work the demo jobs are in has a pathway
page, and the main kinds of work have enough listings to show pay."""

import pytest

from apps.certifications.models import PayFigure
from apps.jobs.models import JobSearchEntry
from tests.core.test_demo import load_demo

pytestmark = pytest.mark.django_db


def test_every_demo_kind_of_work_has_a_pathway_and_the_main_ones_show_pay(client):
    load_demo()

    shown = set(PayFigure.objects.filter(median__isnull=False).values_list("category", flat=True))
    assert {"construction", "cleaning", "food", "care", "landscaping"} <= shown
    for category in set(JobSearchEntry.objects.values_list("category", flat=True)):
        response = client.get(f"/es/careers/pathways/{category}/?zip=60623")
        assert response.status_code == 200
        page = response.content.decode()
        assert "Cuánto paga hoy este trabajo" in page
        assert ("Basado en" in page) == (category in shown)
