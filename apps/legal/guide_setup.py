"""What the know-your-rights guides declare to the shared pieces, called from
LegalConfig.ready()."""

from django.utils.translation import gettext_lazy as _


def reviewed_guide_rows(user):
    from apps.legal.models import Guide

    for guide in Guide.objects.filter(reviewed_by=user).order_by("reviewed_at", "id"):
        yield {"guide": str(guide), "reviewed_at": guide.reviewed_at}


def guides_register() -> None:
    from apps.core.personal_data import KEEP, PersonalData, declare
    from apps.core.services import audit_actions

    audit_actions.register("mark reviewed", _("Marked as reviewed"))
    # A guide stays when the staff member who last reviewed it deletes their account; the
    # public never sees who reviewed it anyway ("Camino staff").
    declare(
        PersonalData(
            name="guides_reviewed",
            model="legal.Guide",
            title=_("Know-your-rights guides you last reviewed"),
            field="reviewed_by",
            on_erase=KEEP,
            columns=(("guide", _("Guide")), ("reviewed_at", _("Reviewed"))),
            rows=reviewed_guide_rows,
        )
    )
