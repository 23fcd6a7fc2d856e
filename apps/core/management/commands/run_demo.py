from django.core.management.commands.runserver import Command as RunserverCommand

from apps.core.scheduler import scheduler_start


class Command(RunserverCommand):
    help = (
        "The development server plus Celery beat's periodic work (portal/celery.py), run in "
        "this process: the demo of `make run`, without Redis, workers or beat."
    )

    def inner_run(self, *args, **options):
        # inner_run is what serves: under the autoreloader only the child process runs it
        # (the parent just watches files), so the schedule runs once, not twice.
        from portal.celery import app

        scheduler_start(app.conf.beat_schedule)
        self.stdout.write(
            f"Periodic tasks run in this process: {', '.join(app.conf.beat_schedule)}"
        )
        super().inner_run(*args, **options)
