from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from apps.accounts.models import User
from apps.accounts.roles import is_curator
from apps.core.search import document
from apps.core.services import audit_record, is_member
from apps.core.us import locate_zip
from apps.jobs.models import HOURS_PER_UNIT, Job

TITLE_FIELDS = ["title"]
BODY_FIELDS = ["description", "requirements", "benefits", "schedule_notes"]


def job_derive(job: Job) -> Job:
    """Fill the fields Camino computes from what people typed: pay per hour (to compare pay
    across periods), coordinates of the ZIP code (for distance) and the search terms."""
    best_pay = job.pay_max or job.pay_min
    hours = HOURS_PER_UNIT.get(job.pay_unit)
    job.pay_per_hour = (
        (Decimal(best_pay) / hours).quantize(Decimal("0.01")) if best_pay and hours else None
    )
    point = locate_zip(job.zip_code) if job.zip_code else None
    job.latitude, job.longitude = (point.latitude, point.longitude) if point else (None, None)
    job.search_title = document(
        {lang: [getattr(job, f"{f}_{lang}") for f in TITLE_FIELDS] for lang in ("es", "en")}
    )
    body = {lang: [getattr(job, f"{f}_{lang}") for f in BODY_FIELDS] for lang in ("es", "en")}
    body["es"].append(job.city)  # place names are not stemmed differently per language
    job.search_body = document(body)
    return job


def job_create(*, actor: User, job: Job) -> Job:
    """A partner (member of the job's organization) or a curator writes a new draft."""
    if not (is_curator(actor) or is_member(actor, job.organization_id)):
        raise PermissionDenied
    with transaction.atomic():
        job.created_by = actor
        job_derive(job).save()
        audit_record(actor=actor, subject=job, action="create")
    return job


def job_update(*, actor: User, job: Job) -> Job:
    """Save edits. Partners may edit only their organization's drafts and rejected jobs;
    curators may edit anything."""
    if not Job.objects.editable_by(actor).filter(pk=job.pk).exists():
        raise PermissionDenied
    with transaction.atomic():
        job_derive(job).save()
        audit_record(actor=actor, subject=job, action="edit")
    return job
