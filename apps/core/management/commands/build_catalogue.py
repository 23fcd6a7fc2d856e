from django.core.management.base import BaseCommand

from apps.core.i18n import build_catalogue


class Command(BaseCommand):
    help = "Compile the .po catalogues into .mo files without GNU gettext."

    def handle(self, *args, **options):
        written = build_catalogue()
        for path in written:
            self.stdout.write(f"compiled {path}")
        if not written:
            self.stdout.write("catalogues up to date")
