from django.db import migrations

from apps.core.search import search_vector_operations


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_initial")]

    operations = search_vector_operations("jobs_jobsearchentry")
