from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class WebAddressField(models.URLField):
    """A URL field whose forms read "camino.org" as https://camino.org (Django 6's default)."""

    # Django's URLField.formfield takes only **kwargs too; the stubs spell out its parameters.
    def formfield(self, **kwargs):  # type: ignore[override]
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)


class ExternalIdField(models.CharField):
    """The id an item has in the system it was imported from (apps.core.imports): importing
    the same file again matches rows by it. Empty for what people entered in Camino; unique
    among a type's items when set (`external_id_unique`). Not shown in the apps' forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", _("external ID"))
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)


def external_id_unique(name: str, condition: Q | None = None) -> models.UniqueConstraint:
    """One item per external id within a type (global, not per organization: staff own the
    ids of the files they import, and a row may move an item to another organization)."""
    when = ~Q(external_id="")
    return models.UniqueConstraint(
        fields=["external_id"], condition=when & condition if condition else when, name=name
    )
