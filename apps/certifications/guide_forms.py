from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.certifications.models import Credential, WorkGuide
from apps.core.guide_forms import FIELDS, GuideForm


class WorkGuideForm(GuideForm):
    """A work-on-your-own guide: the shared guide form and the credentials that lead there."""

    class Meta(GuideForm.Meta):
        model = WorkGuide
        fields = [*FIELDS, "credentials"]
        labels = {**GuideForm.Meta.labels, "credentials": _("Related credentials")}
        widgets = {**GuideForm.Meta.widgets, "credentials": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        credentials = cast(forms.ModelMultipleChoiceField, self.fields["credentials"])
        credentials.queryset = Credential.objects.order_by("name", "pk")
