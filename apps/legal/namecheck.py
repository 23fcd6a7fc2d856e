"""“Is this provider legitimate?”: the listed entries whose name or other names match what a
person typed, accent- and case-insensitive, each word as the start of a word (partial
words). It says only what Camino lists: nothing found is never a judgement on anyone."""

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from apps.core.search import query_terms
from apps.legal.models import LegalSearchEntry, Provider

MAX_RESULTS = 10


def name_matches(name: str):
    """The search entries (listed providers only) whose title terms (the organization's name
    and its other names) start with each word typed, in any of its forms."""
    entries = LegalSearchEntry.objects.all()
    terms = query_terms(name)
    if not terms:
        return entries.none()
    if connection.vendor == "postgresql":
        column = f'"{LegalSearchEntry._meta.db_table}"."search_title"'
        groups = ["(" + " | ".join(f"{form}:*" for form in sorted(forms)) + ")" for forms in terms]
        return entries.filter(
            RawSQL(  # noqa: S611 (only the model's own table name is interpolated)
                " AND ".join(f"{column} @@ to_tsquery('simple', %s)" for _ in groups),
                groups,
                output_field=BooleanField(),
            )
        )
    matches = Q()
    for forms in terms:
        word = Q()
        for form in forms:
            word |= Q(search_title__contains=f" {form}")
        matches &= word
    return entries.filter(matches)


def providers_named(name: str) -> list[Provider]:
    """The listed providers matching `name`, by name: one query (the entries joined to their
    providers, which must still be listed)."""
    listed = Provider.objects.listed()
    entries = (
        name_matches(name)
        .filter(provider__in=listed)
        .select_related("provider__organization")
        .order_by("sort_name", "provider")
    )
    return [entry.provider for entry in entries[:MAX_RESULTS]]
