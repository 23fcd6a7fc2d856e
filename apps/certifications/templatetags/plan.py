"""Tags of a seeker's plan, for other pages: the address "Add to my plan" posts to."""

from django import template
from django.urls import reverse

from apps.certifications.models import Credential, Training

register = template.Library()


@register.simple_tag
def plan_add_url(item: Credential | Training) -> str:
    kind = "credential" if isinstance(item, Credential) else "training"
    return reverse("certifications:plan_add", args=[kind, item.pk])


@register.simple_tag
def page_of(item: Credential | Training | None) -> str:
    """The public page of a step's credential or training: "" when there is none to link
    to (not published, or no longer listed)."""
    if item is None:
        return ""
    public = item.published if isinstance(item, Credential) else item.is_public
    if not public:
        return ""
    return item.get_absolute_url()
