from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Claim(models.Model):
    """A staff member working on an item, so that two people do not review it at once. It
    lapses at `expires_at` (CURATION_CLAIM_MINUTES after it was taken); one row per item."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("claimed by"),
    )  # fmt: skip
    # Set when a lead handed the item to a colleague rather than the colleague taking it.
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("assigned by"),
    )  # fmt: skip
    claimed_at = models.DateTimeField(_("claimed"), default=timezone.now)
    expires_at = models.DateTimeField(_("claim ends"))

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_claim_per_item")
        ]
        indexes = [models.Index(fields=["claimed_by", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}: {self.claimed_by_id}"

    @property
    def is_active(self) -> bool:
        return self.expires_at > timezone.now()


class ImportFile(models.Model):
    """A spreadsheet a staff member uploaded to import (apps.curation.imports): its bytes and
    their SHA-256 are kept between the dry run and the confirmation, so that what is imported
    is exactly the file whose report they read. `report` is the last check's outcome."""

    kind = models.CharField(_("kind of item"), max_length=40)
    file_name = models.CharField(_("file"), max_length=200)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    publish = models.BooleanField(_("publish directly"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("uploaded by"),
    )  # fmt: skip
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    # Set when its uploader confirmed it: a worker imports it (a large file takes longer
    # than a web request may), then sets imported_at, or clears this with `refused`.
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True)
    report = models.JSONField(default=dict)
    refused = models.TextField(_("why nothing was imported"), blank=True)

    class Meta:
        verbose_name = _("import file")
        verbose_name_plural = _("import files")
        indexes = [models.Index(fields=["uploaded_by", "-uploaded_at"])]

    def __str__(self) -> str:
        return self.file_name

    @property
    def is_importing(self) -> bool:
        return self.confirmed_at is not None and self.imported_at is None


class FigureValue(models.Model):
    """One number of the dashboard's figures (apps.core.dashboard), stored by the periodic
    task (apps.curation.tasks.refresh_dashboard) so that a view only reads them. A weekly
    figure has a row per column and week (its Monday); a snapshot a row per row key
    (`series`) and column, dated the day it was computed."""

    figure = models.CharField(_("figure"), max_length=100)
    # A snapshot's row key (a report model's, a publishable type's); empty for a weekly figure.
    series = models.CharField(_("series"), max_length=100, blank=True)
    column = models.PositiveSmallIntegerField(_("column"))
    week = models.DateField(_("week"))
    # None where a measure has nothing to measure (no decision that week: no median).
    value = models.FloatField(_("value"), null=True)
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        verbose_name = _("dashboard figure value")
        verbose_name_plural = _("dashboard figure values")
        constraints = [
            models.UniqueConstraint(
                fields=["figure", "series", "column", "week"], name="curation_figurevalue_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.figure} {self.series} {self.column} {self.week}: {self.value}"
