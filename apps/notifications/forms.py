from django import forms
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Language
from apps.notifications.models import EmailPreferences


class PreferencesForm(forms.ModelForm):
    preferred_language = forms.ChoiceField(
        label=_("Language of your emails"), choices=Language.choices
    )

    class Meta:
        model = EmailPreferences
        fields = ["job_alerts", "weekly_digest", "listing_notices", "staff_summary"]

    def __init__(self, *args, is_staff: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_staff:
            del self.fields["staff_summary"]
