from dataclasses import replace

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.feeds import PlainTextAtom1Feed
from apps.core.i18n import translated
from apps.jobs.forms import JobFilterForm
from apps.jobs.models import Job
from apps.jobs.selectors import jobs_for, jobs_search

FEED_SIZE = 50


class JobFeed(Feed):
    """The newest jobs of any search: the same filters as the list page, in the URL."""

    feed_type = PlainTextAtom1Feed

    def get_object(self, request, *args, **kwargs):
        filters = JobFilterForm(request.GET).filters()
        return replace(filters, sort="newest") if filters.sort == "relevance" else filters

    def title(self, filters):
        return _("Camino jobs")

    def subtitle(self, filters):
        return _("Jobs for immigrant job seekers, each with its work authorization label.")

    def link(self, filters):
        return reverse("jobs:list")

    def items(self, filters):
        return jobs_for(jobs_search(filters)[:FEED_SIZE], also=("description_es", "description_en"))

    def item_title(self, job: Job) -> str:
        return f"{job} · {job.get_work_authorization_display()}"

    def item_description(self, job: Job) -> str:
        return translated(job, "description").text

    def item_pubdate(self, job: Job):
        return job.published_at

    def item_author_name(self, job: Job) -> str:
        return job.organization.name
