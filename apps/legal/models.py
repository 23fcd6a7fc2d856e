from datetime import timedelta
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Know-your-rights guides (staff write them; no partner workflow) -------------------------


def guide_stale_after() -> timedelta:
    """How long a guide stays fresh after staff review it: the law and the offices it names
    change, and a wrong guide costs a reader more than a missing one. Read when asked."""
    return timedelta(days=round(settings.LEGAL_GUIDE_STALE_AFTER_MONTHS * 365.25 / 12))


# Long enough for a thorough guide that still prints on one or two pages, short enough that
# a pasted document by mistake is refused with a message.
GUIDE_BODY_MAX_LENGTH = 20_000

# Slugs the staff pages under /legal/guides/ use.
GUIDE_RESERVED_SLUGS = frozenset({"staff"})


class GuideTopic(models.TextChoices):
    WORK = "work", _("Your rights at work")
    AGENTS_AT_HOME = "agents_at_home", _("If immigration agents come to your home or work")
    TRAFFIC_STOP = "traffic_stop", _("Your rights at a traffic stop")
    WORKPLACE_RAID = "workplace_raid", _("Workplace raids")
    NOTARIO_FRAUD = "notario_fraud", _("Avoiding notario fraud")
    ITIN = "itin", _("ITIN basics")


class GuideQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Guide(models.Model):
    """A know-your-rights guide: general information in plain words, in Spanish and English.
    The body is Markdown, shown through apps.legal.rendering (sanitised)."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("text"), max_length=GUIDE_BODY_MAX_LENGTH)
    topic = models.CharField(_("topic"), max_length=20, choices=GuideTopic.choices)
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
        verbose_name = _("know-your-rights guide")
        verbose_name_plural = _("know-your-rights guides")
        ordering = ["topic", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("legal:guide", kwargs={"slug": self.slug})

    @property
    def is_stale(self) -> bool:
        return self.reviewed_at is None or self.reviewed_at < timezone.now() - guide_stale_after()
