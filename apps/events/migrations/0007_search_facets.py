from django.db import migrations

from apps.core.search import facet_operations


class Migration(migrations.Migration):
    """Keyword searches near a place find their entries with the place's facets, in the
    words' indexes."""

    dependencies = [
        ("events", "0006_fewer_place_statistics"),
    ]

    operations = [
        *facet_operations("events_eventsearchentry", ()),
    ]
