from django.db import migrations

from apps.core.search import place_statistics_operations


class Migration(migrations.Migration):
    """ANALYZE keeps fewer of the commonest places: planning a ZIP search read them all."""

    dependencies = [
        ("legal", "0007_place_by_longitude_band"),
    ]

    operations = [
        *place_statistics_operations("legal", "LegalSearchEntry", was=1000),
    ]
