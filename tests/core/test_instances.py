"""Card instances made without Model.__init__ (apps.core.instances, used by PageItems) are the
instances Django's own iterator makes: the same fields, state and related objects, deferred
fields still loaded on demand, and Django's way kept for models where it could differ."""

import pytest
from django.db.models.signals import post_init
from django.utils.translation import override

from apps.core.instances import instance_maker
from apps.core.search import PageItems
from apps.jobs.models import Job
from tests.accounts.factories import CuratorFactory
from tests.jobs.factories import JobFactory
from tests.testapp.models import Leaflet

pytestmark = pytest.mark.django_db


def fields_and_state(instance) -> dict:
    values = {name: value for name, value in vars(instance).items() if name != "_state"}
    return {**values, "db": instance._state.db, "adding": instance._state.adding}


def test_page_items_are_the_instances_django_makes(django_assert_num_queries):
    jobs = [JobFactory(title_es="Cocinero", title_en="Cook"), JobFactory()]
    make = lambda: Job.objects.select_related("organization").only(  # noqa: E731
        "title_es", "title_en", "pay_min", "organization__name"
    )
    found = PageItems(make).in_bulk([job.pk for job in jobs])
    for job in jobs:
        django_made = make().get(pk=job.pk)
        ours = found[job.pk]
        assert fields_and_state(ours) == fields_and_state(django_made)
        assert ours.get_deferred_fields() == django_made.get_deferred_fields()
        assert fields_and_state(ours.organization) == fields_and_state(django_made.organization)
    cook = found[jobs[0].pk]
    with django_assert_num_queries(0), override("en"):
        assert cook.title == "Cook"  # modeltranslation's field, in the active language
    with django_assert_num_queries(0), override("es"):
        assert cook.title == "Cocinero"
    with django_assert_num_queries(1):
        assert cook.city == jobs[0].city  # a field not loaded is read when asked for


def test_a_missing_related_object_is_none():
    checked, unchecked = (
        Leaflet.objects.create(title="Checked", checked_by=CuratorFactory()),
        Leaflet.objects.create(title="Never checked"),
    )
    found = PageItems(
        lambda: Leaflet.objects.select_related("checked_by").only("title", "checked_by__email")
    ).in_bulk([checked.pk, unchecked.pk])
    assert found[checked.pk].checked_by.email == checked.checked_by.email
    assert found[unchecked.pk].checked_by is None


def test_a_model_with_its_own_post_init_receiver_is_made_by_django():
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance.title)

    leaflet = Leaflet.objects.create(title="Watched")
    make = instance_maker(Leaflet, ["id", "title"], "default")
    assert make([leaflet.pk, "Unwatched"]).title == "Unwatched"
    assert seen == []
    post_init.connect(receiver, sender=Leaflet)
    try:
        make = instance_maker(Leaflet, ["id", "title"], "default")
        assert make([leaflet.pk, "Watched"]).title == "Watched"
    finally:
        post_init.disconnect(receiver, sender=Leaflet)
    assert seen == ["Watched"]
