"""The know-your-rights guides, a shared guide type (apps.core.guides), declared by
LegalConfig.ready() (models are loaded by then)."""

from django.utils.translation import gettext_lazy as _

from apps.core.guides import GuideType, guide_type_register
from apps.legal.models import Guide, guide_stale_after

LEGAL_GUIDES = GuideType(
    key="legal-guides",
    model=Guide,
    namespace="legal",
    title=_("Know-your-rights guides"),
    stale_after=guide_stale_after,
    reviewed_title=_("Know-your-rights guides you last reviewed"),
    personal_data_name="guides_reviewed",
    templates="legal/guides",
)

# Published guides not reviewed within LEGAL_GUIDE_STALE_AFTER_MONTHS wait in staff's stale
# queue; "still correct" there is marking the guide reviewed.
GUIDES_CHECKED = LEGAL_GUIDES.checked


def guides_register() -> None:
    guide_type_register(LEGAL_GUIDES)
