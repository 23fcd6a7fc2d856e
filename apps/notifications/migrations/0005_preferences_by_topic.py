from django.db import migrations, models

TOPICS = ["job_alerts", "listing_notices", "weekly_digest", "staff_summary"]


def to_choices(apps, schema_editor):
    EmailPreferences = apps.get_model("notifications", "EmailPreferences")
    for preferences in EmailPreferences.objects.all():
        preferences.choices = {topic: getattr(preferences, topic) for topic in TOPICS}
        preferences.save(update_fields=["choices"])


def to_columns(apps, schema_editor):
    EmailPreferences = apps.get_model("notifications", "EmailPreferences")
    for preferences in EmailPreferences.objects.all():
        for topic in TOPICS:
            if topic in preferences.choices:
                setattr(preferences, topic, preferences.choices[topic])
        preferences.save()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0004_fewer_indexes")]

    operations = [
        migrations.AddField(
            model_name="emailpreferences",
            name="choices",
            field=models.JSONField(default=dict, verbose_name="choices"),
        ),
        migrations.RunPython(to_choices, to_columns),
        *[migrations.RemoveField(model_name="emailpreferences", name=topic) for topic in TOPICS],
    ]
