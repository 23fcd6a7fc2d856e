from django.db import migrations

STALE_INDEX = "legal_provider_stale"


def add_stale_index(apps, schema_editor):
    # The stale queue's order among listed entries (never verified, then the oldest), read
    # from an index on PostgreSQL (SQLite cannot index NULLS FIRST).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX "{STALE_INDEX}" ON "legal_provider" ("verified_at" NULLS FIRST, "id") '
            "WHERE \"status\" = 'published' AND \"revision_of_id\" IS NULL"
        )


def drop_stale_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX "{STALE_INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0005_curation_indexes"),
    ]

    operations = [migrations.RunPython(add_stale_index, drop_stale_index)]
