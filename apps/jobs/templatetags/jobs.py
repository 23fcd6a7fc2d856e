from datetime import tzinfo
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from apps.core.cards import Card, cards_html, with_distance
from apps.core.i18n import choice_label, day_text, translated

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
    if job.workplace == "remote":
        place = _("Remote")
    else:
        place = f"{job.city}, {job.state}" if job.state else job.city
        if job.workplace == "hybrid":
            hybrid = _("hybrid")
            place = f"{place} ({hybrid})"
    return with_distance(place, job)


def job_card(job, language: str, zone: tzinfo) -> Card:
    """A job's result card, in `language`, its day of posting in the time zone `zone` (a
    page of cards finds both once)."""
    published = job.published_at
    return Card(
        kind="job",
        title=translated(job, "title", language),
        url=job.get_absolute_url(),
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
            _("Posted %(date)s")
            % {"date": day_text(published.astimezone(zone).date(), "SHORT_DATE_FORMAT", language)}
            if published
            else "",
        ],
    )


@register.simple_tag
def job_cards(jobs) -> SafeString:
    """{% job_cards jobs %}: the result cards of a page of jobs (apps.core.cards)."""
    language = get_language()
    zone = timezone.get_current_timezone()
    return cards_html(job_card(job, language, zone) for job in jobs)


@register.simple_tag
def job_email_list(jobs) -> str:
    """{% job_email_list jobs %}: the jobs' lines in an email, a blank line between jobs
    (see apps.jobs.emails). One tag for the list: an email lists up to ten jobs, and a loop
    of tags costs more than the rest of the email."""
    from apps.jobs.emails import job_email_lines

    return "\n\n".join(job_email_lines(job) for job in jobs)
