from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def money(value) -> str:
    """$15, $15.50, $45,000 (cents only when there are some)."""
    return f"${floatformat(value, '-2g')}"


@register.simple_tag
def pay_range(job) -> str:
    """ "$15–$20 per hour", "$18 per hour", "From $15 per hour" or "" when not stated."""
    unit = job.get_pay_unit_display()
    if job.pay_min and job.pay_max and job.pay_min != job.pay_max:
        return f"{money(job.pay_min)}–{money(job.pay_max)} {unit}"
    if job.pay_min or job.pay_max:
        return f"{money(job.pay_min or job.pay_max)} {unit}"
    return _("Pay not stated")


@register.simple_tag
def job_email_list(jobs) -> str:
    """{% job_email_list jobs %}: the jobs' lines in an email, a blank line between jobs
    (see apps.jobs.emails). One tag for the list: an email lists up to ten jobs, and a loop
    of tags costs more than the rest of the email."""
    from apps.jobs.emails import job_email_lines

    return "\n\n".join(job_email_lines(job) for job in jobs)
