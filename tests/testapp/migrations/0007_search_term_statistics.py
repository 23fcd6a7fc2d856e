"""ANALYZE keeps the frequencies of many more search terms (apps.core.search)."""

from django.db import migrations

from apps.core.search import search_statistics_operations


class Migration(migrations.Migration):
    dependencies = [("testapp", "0006_searchable_workshop_status")]

    operations = search_statistics_operations("testapp_searchableworkshopentry")
