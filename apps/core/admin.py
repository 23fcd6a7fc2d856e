"""Camino's admin site: Django's, with what every admin page of Camino's shares, whichever
app (Camino's or a library's) registers the page."""

from functools import cache
from typing import cast

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import BaseModelAdmin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.utils.translation import gettext as _


def is_key(key: models.Field, value, using: str | None) -> bool:
    """Whether `value` is one of `key`'s values that the database `using` can look up: not
    "abc", and not 10**40 (SQLite raised OverflowError looking that up)."""
    try:
        found = key.to_python(value)
    except ValidationError:
        return False
    if isinstance(found, int):
        low, high = connections[using or "default"].ops.integer_field_range(key.get_internal_type())
        return (low is None or found >= low) and (high is None or found <= high)
    return True


class SelectedIdsChecked:
    """Django's admin filters the changelist by the ids an action posts as they are, and an
    id that is not one ("abc", 10**40) was a 500. Here it is a message and the list again,
    with nothing changed."""

    def response_action(self, request, queryset):
        primary_key = cast(models.Field, self.model._meta.pk)  # type: ignore[attr-defined]
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if not all(is_key(primary_key, value, queryset.db) for value in selected):
            self.message_user(  # type: ignore[attr-defined]
                request, _("Some of the chosen items do not exist. Nothing was changed."),
                messages.WARNING,
            )  # fmt: skip
            return None
        return super().response_action(request, queryset)  # type: ignore[misc]


class KeysOnlyAutocomplete(AutocompleteSelect):
    """Django's autocomplete select shows the chosen item again with the form's errors by
    looking up the posted value as it is: one that is not a key ("abc", a form sent by
    hand) was a 500. Such a value is shown as no choice; the form says it is not valid."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        key = remote.model._meta.get_field(remote.field_name)
        return super().optgroups(name, [v for v in value if is_key(key, v, self.db)], attr)


class AutocompleteKeysChecked:
    """Autocomplete fields of a model admin and of its inlines use KeysOnlyAutocomplete."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        model_admin = cast(BaseModelAdmin, self)
        if "widget" not in kwargs and db_field.name in model_admin.get_autocomplete_fields(request):
            kwargs["widget"] = KeysOnlyAutocomplete(
                db_field, model_admin.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def get_inlines(self, request, obj):
        inlines = super().get_inlines(request, obj)  # type: ignore[misc]
        return [_with(AutocompleteKeysChecked, inline) for inline in inlines]


@cache
def _with(mixin: type, admin_class: type) -> type:
    """`admin_class` with `mixin` first, made once."""
    if issubclass(admin_class, mixin):
        return admin_class
    return type(admin_class.__name__, (mixin, admin_class), {})


class CaminoAdminSite(admin.AdminSite):
    site_header = "Camino"

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        for mixin in (SelectedIdsChecked, AutocompleteKeysChecked):
            admin_class = _with(mixin, admin_class)
        super().register(model_or_iterable, admin_class, **options)
