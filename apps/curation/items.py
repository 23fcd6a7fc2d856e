"""How the workspace names an item across apps: "<app_label>.<model_name>:<pk>" ("jobs.job:12").
The queue's checkboxes, bulk actions, claims and item pages all pass items this way; a name
that does not parse, names an unknown model, or has no such row is simply not an item."""

import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models

ITEM_REF = re.compile(r"^(?P<label>[a-z_]+)\.(?P<model>[a-z_]+):(?P<pk>[1-9][0-9]{0,17})$")


def item_ref(item: models.Model) -> str:
    meta = item._meta
    return f"{meta.app_label}.{meta.model_name}:{item.pk}"


def kind_label(model: type[models.Model]) -> str:
    """What a kind of item is called on staff pages ("Job", "Legal help provider")."""
    return str(model._meta.verbose_name).capitalize()


def manage_url(item: models.Model) -> str:
    """The item's page for staff, or "" for a kind without one (a conduct report)."""
    return item.get_manage_url() if hasattr(item, "get_manage_url") else ""


def parse_item_ref(text: str) -> tuple[type[models.Model], int] | None:
    """The model and primary key a reference names, or None for anything else."""
    match = ITEM_REF.match(text or "")
    if not match:
        return None
    try:
        model = apps.get_model(match["label"], match["model"])
    except LookupError:
        return None
    return model, int(match["pk"])


def content_type_of(ref: str) -> tuple[ContentType, int] | None:
    parsed = parse_item_ref(ref)
    if parsed is None:
        return None
    model, pk = parsed
    return ContentType.objects.get_for_model(model), pk
