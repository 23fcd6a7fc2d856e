from django.db import migrations


def clear_member_emails(apps, schema_editor):
    """membership_add wrote the new member's email as the audit note; audit entries outlive
    accounts, so the notes go (the membership itself says who it is)."""
    AuditEntry = apps.get_model("core", "AuditEntry")
    AuditEntry.objects.filter(
        content_type__app_label="organizations", action="add member"
    ).update(note="")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_audit_actor_deleted"),
        ("organizations", "0001_initial"),
    ]

    operations = [migrations.RunPython(clear_member_emails, migrations.RunPython.noop)]
