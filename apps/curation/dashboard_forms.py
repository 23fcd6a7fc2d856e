from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.curation.dashboard import DEFAULT_WEEKS, MAX_WEEKS


class DashboardForm(forms.Form):
    weeks = forms.IntegerField(
        label=_("Weeks shown"), min_value=1, max_value=MAX_WEEKS, required=False,
        error_messages={"invalid": _("Write a number of weeks, like 12.")},
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["weeks"].help_text = gettext("From 1 to %(most)s.") % {"most": MAX_WEEKS}

    def weeks_shown(self) -> int:
        """The weeks asked for, or the default while the form has an error."""
        if self.is_bound and self.is_valid() and self.cleaned_data["weeks"]:
            return self.cleaned_data["weeks"]
        return DEFAULT_WEEKS
