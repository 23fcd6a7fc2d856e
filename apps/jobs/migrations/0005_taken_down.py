from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def mark_takedowns(apps, schema_editor):
    """Jobs that staff expired by hand become taken down, so their organization cannot renew
    them; jobs the expiry task expired (no actor) stay expired."""
    Job = apps.get_model("jobs", "Job")
    AuditEntry = apps.get_model("core", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="jobs", model="job").first()
    if content_type is None:
        return
    last_expiry_actor = (
        AuditEntry.objects.filter(
            content_type=content_type, object_id=OuterRef("pk"), action="expire"
        )
        .order_by("-created_at", "-id")
        .values("actor_id")[:1]
    )
    (
        Job.objects.filter(status="expired")
        .annotate(expired_by=Subquery(last_expiry_actor))
        .filter(expired_by__isnull=False)
        .update(status="taken_down")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0004_drop_expiry_notice_for"),
        ("core", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="job",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Draft"),
                    ("pending", "Pending review"),
                    ("published", "Published"),
                    ("rejected", "Rejected"),
                    ("expired", "Expired"),
                    ("taken_down", "Taken down by staff"),
                    ("archived", "Archived"),
                ],
                db_index=True,
                default="draft",
                max_length=12,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(mark_takedowns, migrations.RunPython.noop),
    ]
