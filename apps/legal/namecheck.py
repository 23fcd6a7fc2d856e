"""“Is this provider legitimate?”: the listed entries whose name or other names match what a
person typed, and the people on their accreditations (representatives and attorneys) whose
name does, accent- and case-insensitive, each word as the start of a word (partial words).
It says only what Camino lists: nothing found is never a judgement on anyone."""

from django.db import connection
from django.db.models import BooleanField, Prefetch, Q
from django.db.models.expressions import RawSQL

from apps.core.search import query_terms
from apps.legal.models import (
    PERSON_KINDS,
    Accreditation,
    LegalSearchEntry,
    Provider,
    people_terms,
)

MAX_RESULTS = 10


def name_matches(name: str, column: str = "search_title"):
    """The search entries (listed providers only) whose terms in `column` start with each
    word typed, in any of its forms: by default the title's (the organization's name and its
    other names), or `search_people`'s (the names of the people on its accreditations)."""
    entries = LegalSearchEntry.objects.all()
    terms = query_terms(name)
    if not terms:
        return entries.none()
    if connection.vendor == "postgresql":
        column = f'"{LegalSearchEntry._meta.db_table}"."{column}"'
        groups = ["(" + " | ".join(f"{form}:*" for form in sorted(forms)) + ")" for forms in terms]
        return entries.filter(
            RawSQL(  # noqa: S611 (only the model's own table and column are interpolated)
                " AND ".join(f"{column} @@ to_tsquery('simple', %s)" for _ in groups),
                groups,
                output_field=BooleanField(),
            )
        )
    matches = Q()
    for forms in terms:
        word = Q()
        for form in forms:
            word |= Q(**{f"{column}__contains": f" {form}"})
        matches &= word
    return entries.filter(matches)


def starts_words(terms: list[frozenset[str]], document: str) -> bool:
    """name_matches' rule for terms in hand (`people_terms`): each word typed, in one of its
    forms, starts one of them."""
    return all(any(f" {form}" in document for form in forms) for forms in terms)


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


def people_named(name: str) -> list[Accreditation]:
    """The representatives and attorneys of listed providers whose name matches `name`, each
    with its `provider`: two queries (the entries whose people match the words between them,
    and those people). Each person's own name must match every word."""
    people = Accreditation.objects.filter(kind__in=PERSON_KINDS).order_by("person_name", "pk")
    entries = (
        name_matches(name, "search_people")
        .filter(provider__in=Provider.objects.listed())
        .select_related("provider__organization")
        .prefetch_related(Prefetch("provider__accreditations", people, to_attr="people"))
        .order_by("sort_name", "provider")
    )
    terms = query_terms(name)
    found = [
        person
        for entry in entries[:MAX_RESULTS]
        for person in entry.provider.people
        if starts_words(terms, people_terms([person.person_name]))
    ]
    return found[:MAX_RESULTS]
