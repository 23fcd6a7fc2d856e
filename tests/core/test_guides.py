"""The shared guide type (apps.core.guides): what a type gets by declaring itself, checked
over every registered type (know-your-rights and work-on-your-own guides today)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from apps.core.guide_forms import guide_form_class
from apps.core.guide_services import guide_save
from apps.core.guides import guide_type_of, guide_types, months
from apps.core.models import AuditEntry
from apps.core.personal_data import personal_data
from apps.core.verification import checked_types
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.testapp.models import Leaflet

pytestmark = pytest.mark.django_db

TYPES = [pytest.param(key, id=key) for key in ("legal-guides", "work-guides")]


@pytest.mark.parametrize("key", TYPES)
def test_a_declared_type_has_its_pages_stale_queue_and_personal_data(key):
    kind = guide_types[key]

    assert guide_type_of(kind.model) is kind
    assert checked_types[key] is kind.checked and kind.checked.title == kind.title
    assert personal_data[kind.personal_data.name].model == kind.model._meta.label
    with translation.override("en"):
        for name in ("list", "staff", "create"):
            assert reverse(kind.urls[name]).endswith("/guides/" if name == "list" else "/")
        assert reverse(kind.urls["print"], kwargs={"slug": "a"}).endswith("/guides/a/print/")
    # Its own templates first, then the shared ones.
    assert kind.template_names("detail.html")[-1] == "core/guides/detail.html"
    assert "slug" in guide_form_class(kind).base_fields


def test_a_model_that_is_not_a_guide_type_is_named_in_the_error():
    with pytest.raises(LookupError, match="Leaflet"):
        guide_type_of(Leaflet)


@pytest.mark.parametrize("key", TYPES)
def test_only_staff_write_guides_and_each_write_is_audited(key):
    model = guide_types[key].model
    topic = model._meta.get_field("topic").choices[0][0]
    guide = model(
        title_es="Guía", title_en="Guide", summary_es="Resumen", summary_en="Summary",
        body_es="Texto", body_en="Text", slug="a-guide", topic=topic,
    )  # fmt: skip

    with pytest.raises(PermissionDenied):
        guide_save(actor=UserFactory(), guide=guide)
    assert not model.objects.exists()

    curator = CuratorFactory()
    guide_save(actor=curator, guide=guide)
    assert guide.reviewed_by == curator and guide.reviewed_at is not None
    assert AuditEntry.objects.filter(object_id=guide.pk, action="create").count() == 1


def test_months_are_calendar_months_on_average():
    assert months(12).days == 365 and months(6).days == 183
