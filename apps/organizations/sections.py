"""An organization's public page lists what it offers across Camino through the sections
the apps above this one register (apps.core.registry.organization_sections): this app
names none of them."""

from dataclasses import dataclass

from django.apps import apps
from django.template.loader import render_to_string

from apps.core.registry import organization_sections
from apps.organizations.models import Organization

# How many items a section shows; its list page has the rest.
SECTION_SIZE = 10


def sections_of(organization: Organization) -> list[dict]:
    """The sections with something to show, each {"title", "html"}, in the current language."""
    shown = []
    for section in organization_sections:
        context = section.load(organization)
        if context:
            html = render_to_string(section.template, context)
            shown.append({"title": section.title, "html": html})
    return shown


@dataclass(frozen=True)
class Offered:
    """A section's load: the organization's first SECTION_SIZE items of a model, read
    through the model's public querysets named in `reads` (("published", "upcoming")), in
    `order`: one query. A dataclass, so a declaration made again (ready() may run twice)
    is equal to the first."""

    model: str  # "jobs.Job"
    reads: tuple[str, ...]
    order: tuple[str, ...]

    def __call__(self, organization: Organization) -> dict | None:
        items = apps.get_model(self.model)._default_manager.all()
        for read in self.reads:
            items = getattr(items, read)()
        # With the organization: a legal provider is named after it.
        items = items.filter(organization=organization).select_related("organization")
        found = list(items.order_by(*self.order)[:SECTION_SIZE])
        return {"items": found} if found else None


# The template that lists what an Offered section found.
OFFERED_TEMPLATE = "organizations/includes/offered.html"
