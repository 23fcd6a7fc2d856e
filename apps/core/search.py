"""Bilingual keyword search shared by every kind of listing.

Text is normalised in Python (lower case, accents removed) and stemmed with Snowball, Spanish
fields with the Spanish stemmer and English fields with the English one. Each listing stores
its title terms and its other terms as space-delimited columns; on PostgreSQL two stored
tsvector columns are generated from them (see ``search_vector_operations``): all terms,
GIN-indexed, to find matches, and the title terms alone, small and cheap to rank with.
A query word matches if any of its stems (Spanish, English or the word itself) is among a
listing's terms; every query word must match; listings whose titles match more words rank
first. SQLite reads the text columns, PostgreSQL the index: the same results either way.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.db import connection, migrations
from django.db.models import BooleanField, Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable, RawSQL

LANGUAGE_NAMES = {"es": "spanish", "en": "english"}

# Words too common to help; they are dropped from documents and queries alike.
STOP_WORDS = frozenset(
    {"a", "al", "and", "con", "de", "del", "el", "en", "for", "in", "la", "las", "los", "of",
     "on", "or", "para", "por", "the", "to", "un", "una", "y", "with"}
)  # fmt: skip
MAX_QUERY_TERMS = 8


def normalise(text: str) -> list[str]:
    """Lower-case words without accents: "Información" -> ["informacion"]."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return [word for word in re.findall(r"[a-z0-9]+", plain) if word not in STOP_WORDS]


@lru_cache(maxsize=2)
def _stemmer(language: str):
    return snowballstemmer.stemmer(LANGUAGE_NAMES[language])


def stems(text: str, language: str) -> list[str]:
    return _stemmer(language).stemWords(normalise(text))


def document(texts: dict[str, list[str]]) -> str:
    """The stored terms of some text: {"es": [...], "en": [...]} -> " term term ... "."""
    terms = set()
    for language, parts in texts.items():
        for part in parts:
            terms.update(stems(part or "", language))
    return f" {' '.join(sorted(terms))} " if terms else ""


def query_terms(query: str) -> list[frozenset[str]]:
    """Each query word as the set of forms that may match it."""
    terms = []
    for word in normalise(query)[:MAX_QUERY_TERMS]:
        forms = frozenset({word, _stemmer("es").stemWord(word), _stemmer("en").stemWord(word)})
        if forms not in terms:
            terms.append(forms)
    return terms


def search(queryset: QuerySet, query: str) -> QuerySet:
    """Filter to the listings matching every word of `query`, annotated with `title_hits`
    (how many query words their titles match). The model needs `search_title` and
    `search_body` columns (and on PostgreSQL, `search_vector` and `title_vector`)."""
    terms = query_terms(query)
    if not terms:
        return queryset.annotate(title_hits=Value(0, output_field=IntegerField()))
    if connection.vendor == "postgresql":
        # Only the model's own table name is interpolated; the query words are parameters.
        table = queryset.model._meta.db_table
        vector, title_vector = f'"{table}"."search_vector"', f'"{table}"."title_vector"'
        all_words = " & ".join(_tsquery_group(forms) for forms in terms)
        title_hits = " + ".join(f"({title_vector} @@ to_tsquery('simple', %s))::int" for _ in terms)
        return queryset.filter(
            RawSQL(  # noqa: S611
                f"{vector} @@ to_tsquery('simple', %s)", [all_words], output_field=BooleanField()
            )
        ).annotate(
            title_hits=RawSQL(  # noqa: S611
                title_hits,
                [_tsquery_group(forms) for forms in terms],
                output_field=IntegerField(),
            )
        )
    matches = Q()
    hits: Combinable = Value(0)
    for forms in terms:
        in_title = Q()
        in_body = Q()
        for form in forms:
            in_title |= Q(search_title__contains=f" {form} ")
            in_body |= Q(search_body__contains=f" {form} ")
        matches &= in_title | in_body
        hits = hits + Case(When(in_title, then=Value(1)), default=Value(0))
    return queryset.filter(matches).annotate(
        title_hits=Case(default=hits, output_field=IntegerField())
    )


def _tsquery_group(forms: frozenset[str]) -> str:
    return "(" + " | ".join(sorted(forms)) + ")"


def search_vector_operations(table: str) -> list:
    """Migration operations that add, on PostgreSQL, the stored tsvector columns: every
    term (GIN-indexed, to find matches) and the title's terms (to rank them; no index is
    needed, it is read only for rows already found). Word positions are stripped: nothing
    uses them, and smaller rows are faster to read. Other databases search the text."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(
            f'ALTER TABLE "{table}" '
            'ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS '
            "(strip(to_tsvector('simple', search_title || ' ' || search_body))) STORED, "
            'ADD COLUMN "title_vector" tsvector GENERATED ALWAYS AS '
            "(strip(to_tsvector('simple', search_title))) STORED"
        )
        schema_editor.execute(
            f'CREATE INDEX "{table}_search_vector" ON "{table}" USING GIN ("search_vector")'
        )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f'ALTER TABLE "{table}" DROP COLUMN "search_vector", DROP COLUMN "title_vector"'
            )

    return [migrations.RunPython(forwards, backwards)]
