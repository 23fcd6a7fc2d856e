from django.core.management.base import BaseCommand, CommandError

from apps.core.scheduler import run_entry


class Command(BaseCommand):
    help = (
        "Run periodic tasks of portal/celery.py's beat schedule now, in this process (to see "
        "a job alert or a digest without waiting for its time)."
    )

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="+", metavar="name", help="beat entries to run")

    def handle(self, *args, names: list[str], **options):
        from portal.celery import app

        schedule = app.conf.beat_schedule
        if unknown := [name for name in names if name not in schedule]:
            raise CommandError(f"Unknown: {', '.join(unknown)}. Known: {', '.join(schedule)}")
        for name in names:
            run_entry(schedule[name])
            self.stdout.write(f"ran {name}")
