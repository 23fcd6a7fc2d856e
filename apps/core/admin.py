"""Camino's admin site: Django's, with what every admin page of Camino's shares, whichever
app (Camino's or a library's) registers the page."""

from typing import cast

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


class SelectedIdsChecked:
    """Django's admin filters the changelist by the ids an action posts as they are, and an
    id that is not one ("abc") was a 500. Here it is a message and the list again, with
    nothing changed."""

    def response_action(self, request, queryset):
        primary_key = cast(models.Field, self.model._meta.pk)  # type: ignore[attr-defined]
        try:
            for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
                primary_key.to_python(value)
        except ValidationError:
            self.message_user(  # type: ignore[attr-defined]
                request, _("Some of the chosen items do not exist. Nothing was changed."),
                messages.WARNING,
            )  # fmt: skip
            return None
        return super().response_action(request, queryset)  # type: ignore[misc]


class CaminoAdminSite(admin.AdminSite):
    site_header = "Camino"

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, SelectedIdsChecked):
            admin_class = type(admin_class.__name__, (SelectedIdsChecked, admin_class), {})
        super().register(model_or_iterable, admin_class, **options)
