from django import forms
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Language
from apps.core.us import TimeZone
from apps.notifications.models import EmailPreferences
from apps.notifications.registry import email_topics


class PreferencesForm(forms.Form):
    """A checkbox for each email topic the apps registered (staff topics for staff only),
    and the language of the emails."""

    preferred_language = forms.ChoiceField(
        label=_("Language of your emails"), choices=Language.choices
    )
    time_zone = forms.ChoiceField(
        label=_("Your time zone"),
        choices=TimeZone.choices,
        help_text=_("Times of events and reminders are shown in it."),
    )

    def __init__(self, *args, preferences: EmailPreferences, is_staff: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = [
            (key, topic) for key, topic in email_topics.items() if is_staff or not topic.staff_only
        ]
        for key, topic in self.topics:
            self.fields[key] = forms.BooleanField(
                label=topic.label, required=False, initial=preferences.wants(key)
            )
        self.order_fields([key for key, _topic in self.topics])

    def topic_fields(self) -> list:
        return [self[key] for key, _topic in self.topics]

    def hints(self) -> list:
        return [topic for _key, topic in self.topics if topic.hint]

    def choices(self) -> dict[str, bool]:
        return {key: self.cleaned_data[key] for key, _topic in self.topics}
