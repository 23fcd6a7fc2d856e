"""ANALYZE keeps the frequencies of many more search terms (apps.core.search)."""

from django.db import migrations

from apps.core.search import search_statistics_operations


class Migration(migrations.Migration):
    dependencies = [("jobs", "0008_narrow_search_terms")]

    operations = search_statistics_operations("jobs_jobsearchentry")
