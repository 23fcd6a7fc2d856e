from django.db import models
from django.forms import modelform_factory

from apps.core.models import Publishable


class Article(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.title


class Notice(Publishable):
    """The smallest publishable thing, to test the shared workflow on its own."""

    title = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.title

    def get_manage_url(self) -> str:
        return f"/notices/{self.pk}/"


class Meeting(models.Model):
    """Something with a time that people are reminded of, and that can be called off: the
    shape of an event or a mentoring session."""

    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    cancelled = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.title


class Workshop(Publishable):
    """A publishable type that only declares itself (apps.py): submission, review, audit,
    status emails and a queue all come from core."""

    title = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.title


WorkshopForm = modelform_factory(Workshop, fields=["organization", "title"])


# The searchable type lives in its own module; imported here so that Django finds it.
from tests.testapp.searchable import SearchableWorkshop, SearchableWorkshopEntry  # noqa: E402, F401


class Leaflet(models.Model):
    """Something staff check against its sources from time to time (apps.core.verification),
    declared in apps.py: the stale queue, "still correct" and the summary come from core."""

    title = models.CharField(max_length=200)
    listed = models.BooleanField(default=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    checked_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/leaflets/{self.pk}/"
