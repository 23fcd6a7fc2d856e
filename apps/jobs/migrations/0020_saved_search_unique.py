from urllib.parse import parse_qsl, urlencode

from django.db import migrations, models


def merge_duplicate_searches(apps, schema_editor):
    """Before each person's filters may be saved once: a query in the canonical form that
    JobFilterForm.query_string() now writes (its pairs sorted by name and value, each once;
    older ones kept repeated filters in the order typed), and of the searches with the same
    filters, only the one saved first (the others sent each alert again)."""
    SavedSearch = apps.get_model("jobs", "SavedSearch")
    kept: set[tuple[int, str]] = set()
    duplicates = []
    for search in SavedSearch.objects.order_by("created_at", "id").only("user", "query"):
        query = urlencode(sorted(set(parse_qsl(search.query))))
        if (search.user_id, query) in kept:
            duplicates.append(search.pk)
            continue
        kept.add((search.user_id, query))
        if query != search.query:
            SavedSearch.objects.filter(pk=search.pk).update(query=query)
    SavedSearch.objects.filter(pk__in=duplicates).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0019_place_index_newest_key"),
    ]

    operations = [
        migrations.RunPython(merge_duplicate_searches, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="savedsearch",
            constraint=models.UniqueConstraint(
                fields=("user", "query"), name="unique_saved_search"
            ),
        ),
    ]
