from django import forms
from django.utils.translation import gettext_lazy as _

from apps.organizations.models import Organization


class OrganizationRequestForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name", "kind", "description_es", "description_en", "website", "email", "phone",
            "street", "city", "state", "zip_code",
        ]  # fmt: skip
        labels = {
            "description_es": _("Description in Spanish"),
            "description_en": _("Description in English"),
        }
        help_texts = {
            "description_es": _("What your organization does. One language is enough."),
            "email": _("Shown to the public. Job seekers may write to it."),
        }
        widgets = {
            "description_es": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }
