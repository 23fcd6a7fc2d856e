from django.core.management.base import BaseCommand

from apps.core.indexing import search_reindex


class Command(BaseCommand):
    help = (
        "Rebuild the search entries of every searchable type from its published items: after "
        "a change to what a type indexes, or to the stemming."
    )

    def handle(self, *args, **options):
        for key, count in search_reindex().items():
            self.stdout.write(f"{key}: {count} entries")
