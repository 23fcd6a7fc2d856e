from django.db import migrations

from apps.core.search import place_statistics_operations


class Migration(migrations.Migration):
    """ANALYZE keeps fewer of the commonest places: planning a ZIP search read them all."""

    dependencies = [
        ("events", "0005_place_by_longitude_band"),
    ]

    operations = [
        *place_statistics_operations("events", "EventSearchEntry", was=1000),
    ]
