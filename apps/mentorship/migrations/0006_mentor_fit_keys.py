"""On PostgreSQL, an index that finds the listed mentors who share a seeker's language and
kind of work (apps.mentorship.ranking): `mentor_fit_keys` turns an entry's language and
industry bit sets into one key per (language, kind of work) pair, language * 64 + kind of
work (bit positions), and a GIN index holds them."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION mentor_fit_keys(languages integer, industries integer)
RETURNS integer[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(l * 64 + i), '{}')
    FROM generate_series(0, 7) AS l, generate_series(0, 30) AS i
    WHERE languages & (1 << l) <> 0 AND industries & (1 << i) <> 0
$$
"""
INDEX = (
    "CREATE INDEX mentorship_entry_fit ON mentorship_mentorsearchentry "
    "USING GIN (mentor_fit_keys(languages, industries))"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)
        schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX mentorship_entry_fit")
        schema_editor.execute("DROP FUNCTION mentor_fit_keys(integer, integer)")


class Migration(migrations.Migration):

    dependencies = [("mentorship", "0005_conduct_reports_outlive_accounts")]

    operations = [migrations.RunPython(forwards, backwards)]
