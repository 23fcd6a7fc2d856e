"""Jobs' figure on curation's dashboard (apps.core.dashboard): job alerts sent and failed."""

from django.utils.translation import gettext_lazy as _

from apps.notifications.figures import deliveries_figure

FIGURES = {"job_alerts": deliveries_figure(_("Job alerts sent and failed"), ["job_alert"])}
