"""What the know-your-rights guides declare to the shared pieces, imported by
LegalConfig.ready() (models are loaded by then)."""

from django.utils.translation import gettext_lazy as _

from apps.core.pagecache import pages_changed
from apps.core.personal_data import KEEP, PersonalData, declare
from apps.core.verification import CheckedType, checked_types
from apps.legal.models import Guide, guide_stale_after

# Published guides not reviewed within LEGAL_GUIDE_STALE_AFTER_MONTHS wait in staff's stale
# queue; "still correct" there is marking the guide reviewed.
GUIDES_CHECKED = CheckedType(
    model=Guide,
    title=_("Know-your-rights guides"),
    checked_at="reviewed_at",
    checked_by="reviewed_by",
    stale_after=guide_stale_after,
    kept_checked=lambda guides: guides.filter(published=True),
    # The public pages say when the guide was last reviewed.
    after_confirm=lambda guide: pages_changed(Guide),
)


def reviewed_guide_rows(user):
    for guide in Guide.objects.filter(reviewed_by=user).order_by("reviewed_at", "id"):
        yield {"guide": str(guide), "reviewed_at": guide.reviewed_at}


# A guide stays when the staff member who last reviewed it deletes their account; the public
# never sees who reviewed it anyway ("Camino staff").
GUIDES_REVIEWED = PersonalData(
    name="guides_reviewed",
    model="legal.Guide",
    title=_("Know-your-rights guides you last reviewed"),
    field="reviewed_by",
    on_erase=KEEP,
    columns=(("guide", _("Guide")), ("reviewed_at", _("Reviewed"))),
    rows=reviewed_guide_rows,
)


def guides_register() -> None:
    checked_types.register("legal-guides", GUIDES_CHECKED)
    declare(GUIDES_REVIEWED)
