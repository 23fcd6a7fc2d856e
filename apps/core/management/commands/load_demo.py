from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load Camino's bilingual demo data. Each app may have a demo.py with a load() "
        "function; they run in INSTALLED_APPS order. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="allow it when DEBUG is off (never in production)"
        )

    def handle(self, *args, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Demo data is for development. Use --force if you mean it.")
        for app_config in apps.get_app_configs():
            if not app_config.name.startswith("apps."):
                continue
            try:
                module = import_module(f"{app_config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app_config.name}.demo":
                    raise
                continue
            with transaction.atomic():
                for line in module.load():
                    self.stdout.write(line)
