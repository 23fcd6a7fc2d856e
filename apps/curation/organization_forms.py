from django import forms
from django.utils.translation import gettext_lazy as _

from apps.organizations.models import Organization


class OrganizationFilterForm(forms.Form):
    """The staff list's filters; an invalid one is reported and left out."""

    q = forms.CharField(label=_("Name"), max_length=200, required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False,
        choices=[("", _("Any status")), *Organization.Status.choices],
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *Organization.Kind.choices]
    )

    def filter(self, organizations):
        if not self.is_valid():
            return organizations
        data = self.cleaned_data
        if data["q"].strip():
            organizations = organizations.filter(name__icontains=data["q"].strip())
        if data["status"]:
            organizations = organizations.filter(status=data["status"])
        if data["kind"]:
            organizations = organizations.filter(kind=data["kind"])
        return organizations
