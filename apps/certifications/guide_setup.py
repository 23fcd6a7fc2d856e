"""The work-on-your-own guides, a shared guide type (apps.core.guides), and the links to
them from pages about a kind of work: declared by CertificationsConfig.ready()."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.certifications.guide_forms import WorkGuideForm
from apps.certifications.models import Credential, WorkGuide
from apps.core.guides import GuideType, guide_type_register, months
from apps.core.registry import CategoryLink, category_links

# Tax rules, fees and forms change every year or so: a guide not reviewed within this many
# months waits in staff's stale queue.
WORK_GUIDE_STALE_AFTER_MONTHS = 12

# The work-authorization label of a job open to everyone: no SSN or work permit asked, the
# work of a contractor or a business (apps.jobs.models.WorkAuthorization.OPEN_TO_ALL).
OPEN_TO_ALL = "open"

WORK_GUIDES = GuideType(
    key="work-guides",
    model=WorkGuide,
    namespace="certifications",
    title=_("Work-on-your-own guides"),
    stale_after=lambda: months(WORK_GUIDE_STALE_AFTER_MONTHS),
    reviewed_title=_("Work-on-your-own guides you last reviewed"),
    templates="certifications/guides",
    form_class=WorkGuideForm,
    # The credentials named at the end of a guide: published ones, by name.
    prefetch=(
        Prefetch(
            "credentials",
            queryset=Credential.objects.filter(published=True).order_by("name", "pk"),
            to_attr="published_credentials",
        ),
    ),
)


def guides_link(category: str, work_authorization: str) -> str:
    """A job or page open to all points to the guides on working with an ITIN."""
    return reverse("certifications:guides") if work_authorization == OPEN_TO_ALL else ""


def guides_register() -> None:
    guide_type_register(WORK_GUIDES)
    category_links.register(
        "work-guides",
        CategoryLink(label=_("Working on your own with an ITIN: guides"), url=guides_link),
    )
