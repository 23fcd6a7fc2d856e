from datetime import timedelta
from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.publishable import publishable_types
from apps.core.querysets import (
    ORGANIZATION_SUSPENDED,
    GuideQuerySet,
    PublishableQuerySet,
    ReviewableQuerySet,
)

# How long a listing stays up after it is published, unless staff set another date.
DEFAULT_LISTING_DAYS = 45


class AuditEntry(models.Model):
    """Who did what to which object, when, and why (an optional note). Written by services."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("by"),
    )  # fmt: skip
    # Set when the actor deleted their account: an empty actor is otherwise Camino itself (a
    # periodic task) or a visitor who was not signed in.
    actor_deleted = models.BooleanField(_("by a deleted account"), default=False, editable=False)
    action = models.CharField(_("action"), max_length=40)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-created_at"]),
            # The staff audit log: newest first, alone or for one person or one action (the
            # dashboard's weekly counts of submissions and decisions read the last one too).
            models.Index(fields=["-created_at", "-id"]),
            models.Index(fields=["actor", "-created_at"]),
            models.Index(fields=["action", "-created_at"]),
            # The dashboard's median wait: each decision's latest submission, from this index
            # alone.
            models.Index(
                fields=["content_type", "object_id", "created_at"],
                condition=models.Q(action__in=["submit", "renew with changes"]),
                name="auditentry_submissions",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.content_type.model} {self.object_id}"


class Report(models.Model):
    """A seeker's warning to staff about something listed (a job, a legal help provider):
    only staff ever see reports, and they see them first. A type adds what is reported and
    its reasons."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("reported by"),
    )  # fmt: skip
    details = models.TextField(_("details"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("reported"), default=timezone.now, db_index=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("handled by"),
    )  # fmt: skip
    resolved_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]


# Long enough for a thorough guide that still prints on one or two pages, short enough that
# a pasted document by mistake is refused with a message.
GUIDE_BODY_MAX_LENGTH = 20_000


class Guide(models.Model):
    """A guide in plain words, in Spanish and English, that Camino staff write and review (no
    partner workflow): know-your-rights, working on your own. The body is Markdown, shown
    through apps.core.markdown (sanitised). A type adds its topics (a `topic` field with its
    choices), its Meta and get_absolute_url, and declares itself (apps.core.guides)."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("text"), max_length=GUIDE_BODY_MAX_LENGTH)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    published = models.BooleanField(_("published"), default=False)
    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("reviewed by"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = GuideQuerySet.as_manager()

    required_translations: ClassVar[tuple[str, ...]] = ("title", "summary", "body")

    class Meta:
        abstract = True
        ordering = ["topic", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from apps.core.guides import guide_type_of

        return reverse(guide_type_of(type(self)).urls["detail"], kwargs={"slug": self.slug})

    def stale_after(self) -> timedelta:
        """How long the guide stays fresh after staff review it: its type's period."""
        from apps.core.guides import guide_type_of

        return guide_type_of(type(self)).stale_after()

    @property
    def is_stale(self) -> bool:
        return self.reviewed_at is None or self.reviewed_at < timezone.now() - self.stale_after()


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Pending review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    EXPIRED = "expired", _("Expired")
    TAKEN_DOWN = "taken_down", _("Taken down by staff")
    ARCHIVED = "archived", _("Archived")


# The states in which a partner may still edit what they submitted.
PARTNER_EDITABLE = frozenset({PublicationStatus.DRAFT, PublicationStatus.REJECTED})


def default_expiry():
    return timezone.localdate() + timedelta(days=DEFAULT_LISTING_DAYS)


def translation_gap(fields: tuple[str, ...]) -> models.Q:
    """Items lacking one of `fields` in some language: the query twin of
    Reviewable.missing_languages (translated fields are empty or null)."""
    gap = models.Q()
    for name in fields:
        for code, _name in settings.LANGUAGES:
            column = f"{name}_{code}"
            gap |= models.Q(**{f"{column}__isnull": True}) | models.Q(**{column: ""})
    return gap


def curation_indexes(
    prefix: str, translated: tuple[str, ...], *, renewable: bool = False
) -> list[models.Index]:
    """The indexes a reviewable type's curation reasons read (apps.core.curation) with a
    million items: what waits for review, oldest first, and what is published with a
    language missing (few of either, so both are partial and small); for a type its
    organization renews, what is published by its end, soonest first. `translated` is the
    type's required_translations."""
    published = models.Q(status=PublicationStatus.PUBLISHED)
    ending = [
        models.Index(fields=["expires_on", "id"], name=f"{prefix}_expiring", condition=published)
    ]
    return [
        *(ending if renewable else []),
        models.Index(
            fields=["submitted_at", "id"], name=f"{prefix}_waiting",
            condition=models.Q(status=PublicationStatus.PENDING),
        ),
        models.Index(
            fields=["published_at", "id"], name=f"{prefix}_untranslated",
            condition=published & translation_gap(translated),
        ),
    ]  # fmt: skip


class Reviewable(models.Model):
    """Anything people submit and staff review before the public sees it: its status and the
    dates of its review. State changes go through apps.core.services.publication_* only.
    Who owns an item (may write, submit and fix it) is its queryset's `owned_by` and its
    `is_owned_by`: an organization's members for a Publishable, the person themselves for a
    mentor's profile."""

    status = models.CharField(
        _("status"), max_length=12, choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT, db_index=True,
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("submitted by"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("sent for review"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    review_note = models.TextField(_("reviewer's note"), blank=True)

    objects = ReviewableQuerySet.as_manager()

    # Translated fields (modeltranslation) that every language should have: a language that
    # lacks one is flagged for staff (missing_languages).
    required_translations: ClassVar[tuple[str, ...]] = ()
    # What the review pages load with an item to name its owner (`owner_name`).
    owner_related: ClassVar[tuple[str, ...]] = ("created_by",)

    class Meta:
        abstract = True

    @property
    def missing_languages(self) -> list[str]:
        return [
            code
            for code, _name in settings.LANGUAGES
            if not all(getattr(self, f"{field}_{code}") for field in self.required_translations)
        ]

    @property
    def is_public(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED

    @property
    def is_editable_by_partner(self) -> bool:
        return self.status in PARTNER_EDITABLE

    @property
    def is_rejected(self) -> bool:
        return self.status == PublicationStatus.REJECTED

    @property
    def owner_name(self) -> str:
        """Whose it is, for staff's queues and the manage page."""
        return self.created_by.get_short_name() if self.created_by else ""

    def is_owned_by(self, user) -> bool:
        """Whether this signed-in person may write, submit and fix it. `self` may be unsaved:
        only what names its owner is read."""
        return self.created_by_id == user.pk

    @property
    def ready_for_review(self) -> bool:
        """Whether its owners may send it for review now: a type says what must come first
        (a mentor agrees to the code of conduct)."""
        return True

    def get_manage_url(self) -> str:
        """The page where its owners and staff follow and edit it: core's generic manage page
        unless the type has its own."""
        kind = publishable_types.key_of(type(self))
        return reverse("core:manage", kwargs={"kind": kind, "pk": self.pk})

    def has_open_reports(self) -> bool:
        """Whether people reported it and staff have not handled that yet: renewing waits
        for them. Types that take reports answer from them."""
        return False


class Publishable(Reviewable):
    """Content that partners submit for an organization and staff review: jobs, events,
    programmes. Listed until its expiry date."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)ss", verbose_name=_("organization"),
    )  # fmt: skip
    expires_on = models.DateField(_("expires on"), default=default_expiry)

    objects = PublishableQuerySet.as_manager()  # type: ignore[misc]

    owner_related: ClassVar[tuple[str, ...]] = ("organization",)

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        return (
            self.status == PublicationStatus.PUBLISHED and self.expires_on >= timezone.localdate()
        )

    @property
    def owner_name(self) -> str:
        return self.organization.name

    def is_owned_by(self, user) -> bool:
        # A suspended organization's members keep seeing its items (owned_by) but can no
        # longer write, submit or renew them.
        members_of = type(self).objects.member_organizations(user)
        return (
            members_of.filter(pk=self.organization_id)
            .exclude(status=ORGANIZATION_SUSPENDED)
            .exists()
        )


class TermsField(models.TextField):
    """Stemmed terms as apps.core.search.document writes them (" cocin tall "). On PostgreSQL
    the column is a tsvector cast from those terms when they are written (no positions, no
    text beside it); elsewhere it is the text itself. Read back, it is the text either way."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else super().db_type(connection)

    def get_placeholder(self, value, compiler, connection):
        return "%s::tsvector" if connection.vendor == "postgresql" else "%s"

    def from_db_value(self, value, expression, connection):
        if value is None or connection.vendor != "postgresql":
            return value
        terms = value.replace("'", "").split()  # "'cocin' 'tall'": sorted, as written
        return f" {' '.join(terms)} " if terms else ""


# The key of an index that finds the entries near a place: those in a bounding box.
PLACE_KEY = ["longitude_band", "latitude", "longitude"]


class SearchEntry(models.Model):
    """What a search reads of one published item: one narrow row per item, kept in step by
    apps.core.indexing. Searches read these rows instead of the items themselves, which carry
    every text in two languages: a common word matches thousands of items, and every match
    must be read to count and rank them. A type's entry adds the item as a one-to-one primary
    key and its own filter columns, and its migration adds `search_index_operations`,
    `longitude_band_operations` and `facet_operations` (with its `facet_columns`)."""

    # The filter columns whose values, at the entry's place, are facets (apps.core.search:
    # facets_sql): a keyword search near a place with these labels finds its entries in
    # one index. A type with such labels names them, and its filters' labels() ask for them.
    facet_columns: ClassVar[tuple[str, ...]] = ()

    published_at = models.DateTimeField(db_index=True)
    expires_on = models.DateField(db_index=True)
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    # The whole degree of longitude at or west of the place (its floor): the place indexes
    # lead with it, so a search near a place reads the few degrees its box spans, not a band
    # of latitude across the whole country (apps.core.search.within_radius).
    longitude_band = models.SmallIntegerField(null=True)
    # Stemmed terms (apps.core.search) of the title, and of the rest.
    search_title = TermsField()
    search_body = TermsField()

    class Meta:
        abstract = True
        indexes = [models.Index(fields=PLACE_KEY)]

    @staticmethod
    def place_index(name: str, *, item: str, include: list[str]) -> models.Index:
        """The ZIP radius's index (PLACE_KEY) carrying, on PostgreSQL, the columns
        a type's filters, sorts and count read besides (`include`): a search around a place
        then reads this index alone (an index-only scan, on a table vacuumed as autovacuum
        keeps it), not one row of the table per entry in the bounding box, scattered over as
        many pages. Its key ends with the newest order (the publication time, then the
        entry's `item`, its key), so that a page nearest first reads a place's newest
        entries in order and stops (apps.core.search._nearest_page). A type with filtered
        place searches puts it instead of Meta.indexes' plain one. Other databases ignore
        `include` (models.W040 is silenced for them in the settings)."""
        return models.Index(fields=[*PLACE_KEY, "published_at", item], include=include, name=name)
