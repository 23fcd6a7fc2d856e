"""A second searchable type beside jobs, to prove that the search in core is generic: a
workshop with a title, a description, a topic and a place, and its search entry."""

from django.db import models

from apps.core.models import Publishable, SearchEntry


class SearchableWorkshop(Publishable):
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    topic = models.CharField(max_length=20, default="work")
    zip_code = models.CharField(max_length=5, blank=True)

    def __str__(self) -> str:
        return self.title

    def get_manage_url(self) -> str:
        return f"/workshops/{self.pk}/"


class SearchableWorkshopEntry(SearchEntry):
    workshop = models.OneToOneField(
        SearchableWorkshop, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    topic = models.CharField(max_length=20)

    facet_columns = ("topic",)


def workshop_columns(workshop: SearchableWorkshop) -> dict:
    """The entry's own filter column."""
    return {"topic": workshop.topic}
