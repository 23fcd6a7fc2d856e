from django.db import migrations

from apps.core.search import search_terms_operations


class Migration(migrations.Migration):
    dependencies = [('jobs', '0007_search_entry_indexes')]

    # The search terms become the tsvectors themselves: the text columns and the vectors
    # generated from them give way to one column each (apps.core.models.TermsField).
    operations = search_terms_operations("jobs_jobsearchentry", "jobsearchentry")
