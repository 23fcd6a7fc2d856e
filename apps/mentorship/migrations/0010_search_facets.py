from django.db import migrations

from apps.core.search import facet_operations


class Migration(migrations.Migration):
    """Keyword searches near a place find their entries with the place's facets, in the
    words' indexes."""

    dependencies = [
        ("mentorship", "0009_fewer_place_statistics"),
    ]

    operations = [
        *facet_operations("mentorship_mentorsearchentry", ()),
    ]
