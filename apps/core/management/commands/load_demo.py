from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.core.demo_data import demo_load


class Command(BaseCommand):
    help = (
        "Load Camino's bilingual demo data: the JSON files in each app's demo/ folder, in "
        "INSTALLED_APPS order (see apps.core.demo_data). Safe to run again: nothing is "
        "duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="allow it when DEBUG is off (never in production)"
        )

    def handle(self, *args, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Demo data is for development. Use --force if you mean it.")
        with transaction.atomic():
            for line in demo_load():
                self.stdout.write(line)
