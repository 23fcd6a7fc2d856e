from collections.abc import Callable
from datetime import tzinfo
from decimal import Decimal
from typing import NamedTuple

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from apps.core.addresses import pk_addresses
from apps.core.cards import Card, cards_html, with_distance
from apps.core.i18n import choice_label, day_text, translated
from apps.jobs.models import Job, Workplace

register = template.Library()


@register.filter
def money(value) -> str:
    """$15, $15.50, $45,000: cents only when there are some, written as both of Camino's
    languages write dollars (portal/formats/es)."""
    amount = Decimal(value)
    return f"${amount:,.0f}" if amount == amount.to_integral_value() else f"${amount:,.2f}"


@register.simple_tag
def pay_range(job, language: str | None = None) -> str:
    """ "$15–$20 per hour", "$18 per hour", "From $15 per hour" or "" when not stated."""
    unit = choice_label(job, "pay_unit", language)
    if job.pay_min and job.pay_max and job.pay_min != job.pay_max:
        return f"{money(job.pay_min)}–{money(job.pay_max)} {unit}"
    if job.pay_min or job.pay_max:
        return f"{money(job.pay_min or job.pay_max)} {unit}"
    return _("Pay not stated")


def job_place(job) -> str:
    """ "Remote", "Pilsen, IL (hybrid) · 3 mi away"."""
    if job.workplace == Workplace.REMOTE:
        place = _("Remote")
    else:
        place = f"{job.city}, {job.state}" if job.state else job.city
        if job.workplace == Workplace.HYBRID:
            hybrid = _("hybrid")
            place = f"{place} ({hybrid})"
    return with_distance(place, job, in_person=job.workplace != Workplace.REMOTE)


class JobCardPage(NamedTuple):
    """What the job cards of a page share, found once for the page."""

    language: str
    zone: tzinfo  # the time zone of the days of posting
    url_of: Callable[[int], str]  # a job's address, by its key
    posted: str  # "Posted %(date)s", translated

    @classmethod
    def now(cls) -> "JobCardPage":
        return cls(
            language=get_language(), zone=timezone.get_current_timezone(),
            url_of=pk_addresses(Job.DETAIL_URL), posted=_("Posted %(date)s"),
        )  # fmt: skip


def job_card(job, page: JobCardPage) -> Card:
    language, published = page.language, job.published_at
    posted_on = published.astimezone(page.zone).date() if published else None
    return Card(
        kind="job",
        title=translated(job, "title", language),
        url=page.url_of(job.pk),
        organization=job.organization.name,
        label=(
            f"authorization authorization--{job.work_authorization}",
            choice_label(job, "work_authorization", language),
        ),
        facts=[
            pay_range(job, language),
            choice_label(job, "employment_type", language),
            job_place(job),
            choice_label(job, "work_language", language),
            page.posted % {"date": day_text(posted_on, "SHORT_DATE_FORMAT", language)}
            if posted_on
            else "",
        ],
    )


@register.simple_tag
def job_cards(jobs) -> SafeString:
    """{% job_cards jobs %}: the result cards of a page of jobs (apps.core.cards)."""
    page = JobCardPage.now()
    return cards_html(job_card(job, page) for job in jobs)


@register.simple_tag
def job_email_list(jobs) -> str:
    """{% job_email_list jobs %}: the jobs' lines in an email, a blank line between jobs
    (see apps.jobs.emails). One tag for the list: an email lists up to ten jobs, and a loop
    of tags costs more than the rest of the email."""
    from apps.jobs.emails import job_email_lines

    return "\n\n".join(job_email_lines(job) for job in jobs)
