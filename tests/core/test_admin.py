import pytest
from django.contrib import admin
from django.db import models
from django.forms.models import _get_foreign_key
from django.urls import reverse

from apps.core.admin import SelectedIdsChecked
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.legal.factories import ProviderFactory
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=lambda value: str(value))
def test_every_admin_page_checks_the_ids_an_action_posts(model, model_admin):
    """Camino's and the libraries' (allauth's, Django's own groups)."""
    assert isinstance(model_admin, SelectedIdsChecked)


@pytest.mark.parametrize("model", [model for model, _admin in REGISTERED], ids=str)
@pytest.mark.parametrize("selected", [["abc"], ["1", "x1"], ["1.5"], [str(10**40)]])
def test_an_action_on_ids_that_are_not_ids_changes_nothing(client, model, selected):
    """Before, Django's admin answered these with a 500."""
    staff = CuratorFactory(is_superuser=True)
    bystander = UserFactory()
    client.force_login(staff)
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    count = model.objects.count()

    response = client.post(
        changelist, {"action": "delete_selected", "index": "0", "_selected_action": selected}
    )

    assert response.status_code == 302
    assert model.objects.count() == count
    assert type(bystander).objects.filter(pk=bystander.pk).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Algunos de los elementos elegidos no existen" in page  # the staff member's language


@pytest.mark.parametrize("model", [model for model, _admin in REGISTERED], ids=str)
def test_an_empty_add_form_is_refused_or_answered_with_errors(client, model):
    """The fuzz test once found the deliveries' add page saving a delivery with no recipient
    (a 500): a page that cannot make a valid object must not be offered."""
    client.force_login(CuratorFactory(is_superuser=True))
    add = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    count = model.objects.count()

    response = client.post(add, {})

    assert response.status_code in (200, 403)
    assert model.objects.count() == count


def autocomplete_fields() -> list[tuple[str, str]]:
    """(The add page's URL name, a posted field name) of every autocomplete field of the
    registered admins and their inlines (an inline's first form)."""
    found = []
    for model, model_admin in REGISTERED:
        page = f"admin:{model._meta.app_label}_{model._meta.model_name}_add"
        found += [(page, name) for name in model_admin.autocomplete_fields]
        for inline in model_admin.inlines:
            foreign_key = _get_foreign_key(model, inline.model, inline.fk_name)
            prefix = foreign_key.remote_field.get_accessor_name(model=False)
            found += [(page, f"{prefix}-0-{name}") for name in inline.autocomplete_fields]
    return found


@pytest.mark.parametrize(("page", "field"), autocomplete_fields())
@pytest.mark.parametrize("value", ["abc", ":", "1.5", "9" * 40])
def test_an_autocomplete_field_sent_something_not_a_key_answers_with_the_form(
    client, page, field, value
):
    """Django's autocomplete select looked the value up as it was to show it again: a 500."""
    client.force_login(CuratorFactory(is_superuser=True))
    prefix = field.split("-0-")[0]
    response = client.post(
        reverse(page), {field: value, f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0"}
    )
    assert response.status_code == 200
    assert response.context["errors"]


def test_an_autocomplete_field_shows_the_chosen_item_again_with_the_errors(client):
    organization = OrganizationFactory(name="Cocina Solidaria")
    client.force_login(CuratorFactory(is_superuser=True))
    response = client.post(reverse("admin:jobs_job_add"), {"organization": organization.pk})
    assert response.status_code == 200 and response.context["errors"]
    assert f'<option value="{organization.pk}" selected>Cocina Solidaria</option>' in (
        response.content.decode()
    )


def json_fields() -> list[tuple[str, str]]:
    """(The add page's URL name, the field's name) of every JSON field the registered admins
    show: their forms take any JSON there."""
    return [
        (f"admin:{model._meta.app_label}_{model._meta.model_name}_add", field.name)
        for model, model_admin in REGISTERED
        for field in model._meta.fields
        if isinstance(field, models.JSONField)
        and field.editable
        and field.name not in (model_admin.exclude or ())
    ]


@pytest.mark.parametrize(("page", "field"), json_fields())
@pytest.mark.parametrize("value", ["5", '"es"', "null", '{"es": 1}'])
def test_a_json_field_sent_something_but_its_list_answers_with_the_form(client, page, field, value):
    """The fuzz test found a legal provider's add page failing on a number where the list of
    what was verified goes (a 500): each model checks its lists of codes are lists."""
    client.force_login(CuratorFactory(is_superuser=True))
    response = client.post(reverse(page), {field: value})
    assert response.status_code in (200, 403)  # 403: a type no one adds here (deliveries)
    assert response.status_code == 403 or response.context["errors"]


def test_who_did_it_is_nobody_yet_on_an_add_page_and_a_deleted_account_after(client):
    client.force_login(CuratorFactory(is_superuser=True))
    add = client.get(reverse("admin:legal_provider_add")).content.decode()
    assert "cuenta eliminada" not in add
    # Saved with no one in "submitted by": the person who submitted it deleted their account.
    provider = ProviderFactory(created_by=None)
    change = reverse("admin:legal_provider_change", args=[provider.pk])
    assert "cuenta eliminada" in client.get(change).content.decode()


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_admins_calendar_starts_the_week_on_sunday(client, language):
    """As calendars in the United States do, in Spanish too (Django's Spanish starts on
    Monday); the events' "this week" counts the same week (tests/events/test_search.py)."""
    client.force_login(CuratorFactory(is_superuser=True))
    catalog = client.get(f"/{language}/admin/jsi18n/").content.decode()
    assert '"FIRST_DAY_OF_WEEK": 0' in catalog
