from django.db import migrations

from apps.core.search import facet_operations


class Migration(migrations.Migration):
    """Keyword searches near a place find their entries with the place's facets, and the labels'
    in it, in the words' indexes."""

    dependencies = [
        ("testapp", "0010_fewer_place_statistics"),
    ]

    operations = [
        *facet_operations("testapp_searchableworkshopentry", ("topic",)),
    ]
