"""The forms of a match: the request in the seeker's words, answers, contact details, a
message, feedback, a conduct report, and staff's proposal and handling of a report. Every
text is kept as typed when the form has an error."""

from typing import Any, cast

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import User
from apps.core.forms import SearchForm, say_limits
from apps.core.vocabulary import Category
from apps.mentorship.filters import MentorFilters
from apps.mentorship.models import (
    MAX_CAPACITY,
    MAX_HOURS_PER_MONTH,
    MAX_MESSAGE_LENGTH,
    ConductReason,
    FeedbackRating,
    MeetingMode,
    MentoringLanguage,
    MentorProfile,
    MentorshipAsk,
)

GOAL_LENGTH = NOTE_LENGTH = 2000

phone_validator = RegexValidator(
    r"^\+?[0-9 ().-]{7,30}$",
    _("Write a phone number with digits, spaces, dashes or brackets, e.g. (312) 555-0199."),
)


class MatchRequestForm(forms.Form):
    goal = forms.CharField(
        label=_("What would you like help with?"),
        help_text=_("In your own words, e.g. “I want to get my electrician licence in Illinois”. "
                    "Please do not write about your immigration status or documents."),
        max_length=GOAL_LENGTH, widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Tell the mentor what you would like help with.")},
    )  # fmt: skip


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=_("A kind note (optional)"),
        help_text=_("E.g. “I am not the right person for this, but try a mentor in nursing.”"),
        required=False, max_length=NOTE_LENGTH, widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you ending it?"),
        help_text=_("The other side reads this in the email we send them."),
        max_length=NOTE_LENGTH, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give a short reason, so the other side understands.")},
    )  # fmt: skip


class ContactForm(forms.Form):
    share_email = forms.BooleanField(label=_("Share my email address"), required=False)
    phone = forms.CharField(
        label=_("A phone number to share (optional)"), required=False, max_length=30,
        validators=[phone_validator],
        help_text=_("Leave it empty to keep talking only through Camino's messages."),
    )  # fmt: skip


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"), max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Write something before sending."),
            "max_length": _("A message can have at most %(limit_value)d characters (it has "
                            "%(show_value)d). Split it in two."),
        },
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Refused with the message above, never cut by the browser: the text stays.
        self.fields["body"].widget.attrs.pop("maxlength", None)


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was the match?"), choices=FeedbackRating.choices, coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating from 1 to 5.")},
    )  # fmt: skip
    comment = forms.CharField(
        label=_("A few words (optional)"), required=False, max_length=2000,
        help_text=_("Only Camino staff read this. It helps them support mentors."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class MatchReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What happened?"), choices=ConductReason.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happened to report it.")},
    )  # fmt: skip
    details = forms.CharField(
        label=_("Details (optional)"), required=False, max_length=4000,
        help_text=_("Only Camino staff read this report. The other side is not told who "
                    "reported or what you wrote."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip


class ProposeForm(forms.Form):
    mentee: User | None
    # The mentor's number (in their profile's address), not a list of every mentor: there
    # may be thousands.
    mentor: "forms.ModelChoiceField[MentorProfile]" = forms.ModelChoiceField(
        label=_("Mentor's number"), queryset=MentorProfile.objects.none(),
        widget=forms.NumberInput(attrs={"min": 1}),
        help_text=_("The number in the address of the mentor's profile. Only listed mentors "
                    "(approved, not paused, with a free place) can be proposed."),
        error_messages={"invalid_choice": _("No listed mentor has this number.")},
    )  # fmt: skip
    mentee_email = forms.EmailField(
        label=_("The seeker's email address"),
        help_text=_("The email of their Camino account."),
    )
    goal = forms.CharField(
        label=_("What they would like help with"), max_length=GOAL_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["mentor"]
        field.queryset = (  # type: ignore[attr-defined]
            MentorProfile.objects.listed().select_related("user").order_by("pk")
        )

    def clean_mentee_email(self):
        email = self.cleaned_data["mentee_email"]
        self.mentee = User.objects.filter(email__iexact=email, is_active=True).first()
        if self.mentee is None:
            raise forms.ValidationError(_("No Camino account has this email address."))
        return email


class ReportHandleForm(forms.Form):
    pause_match = forms.BooleanField(label=_("Pause the match (no messages)"), required=False)
    resume_match = forms.BooleanField(label=_("Resume the paused match"), required=False)
    pause_mentor = forms.BooleanField(
        label=_("Pause the mentor (they leave the list until staff lift it)"), required=False
    )
    resolve = forms.BooleanField(label=_("Mark the report as resolved"), required=False)
    note = forms.CharField(
        label=_("What staff did (kept in the audit log)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def __init__(self, *args, has_match: bool = True, has_mentor: bool = True, **kwargs):
        """Without the match (it went with an account) or a mentor to pause, those choices
        are not offered."""
        super().__init__(*args, **kwargs)
        if not has_match:
            del self.fields["pause_match"], self.fields["resume_match"]
        if not has_mentor:
            del self.fields["pause_mentor"]

    def clean(self):
        data = super().clean() or {}
        if data.get("pause_match") and data.get("resume_match"):
            raise forms.ValidationError(_("Choose either pausing or resuming the match."))
        for name in ("pause_match", "resume_match", "pause_mentor"):
            data.setdefault(name, False)  # a choice not offered is not taken
        return data


LONG_TEXTS = ("story_es", "story_en", "helps_with_es", "helps_with_en")


class MentorProfileForm(forms.ModelForm):
    """What a person fills in to mentor, in Spanish, English or both. Never a field about
    their immigration status or documents: their own path is theirs to tell, or not."""

    industries = forms.MultipleChoiceField(
        label=_("Industries you know"), choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    languages = forms.MultipleChoiceField(
        label=_("Languages you mentor in"), choices=MentoringLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    meeting_modes = forms.MultipleChoiceField(
        label=_("How you meet"), choices=MeetingMode.choices,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    agree = forms.BooleanField(
        label=_("I have read the code of conduct and I agree to it."), required=False
    )

    class Meta:
        model = MentorProfile
        fields = [
            "headline_es", "headline_en", "helps_with_es", "helps_with_en",
            "story_es", "story_en", "own_path_es", "own_path_en",
            "occupations_es", "occupations_en", "skills_es", "skills_en",
            "industries", "languages", "meeting_modes", "zip_code",
            "hours_per_month", "capacity",
        ]  # fmt: skip
        labels = {
            "headline_es": _("Headline in Spanish"),
            "headline_en": _("Headline in English"),
            "helps_with_es": _("What you can help with, in Spanish"),
            "helps_with_en": _("What you can help with, in English"),
            "story_es": _("Your story, in Spanish"),
            "story_en": _("Your story, in English"),
            "own_path_es": _("Your own path, in Spanish (optional)"),
            "own_path_en": _("Your own path, in English (optional)"),
            "occupations_es": _("Occupations, in Spanish"),
            "occupations_en": _("Occupations, in English"),
            "skills_es": _("Skills, in Spanish"),
            "skills_en": _("Skills, in English"),
        }
        help_texts = {
            "headline_es": _(
                "Write in Spanish, in English, or both. One language is enough: our staff "
                "may add the other."
            ),
            "hours_per_month": _("About how many hours a month you can give, from 1 to 80."),
            "zip_code": _("Only if you meet in person: where you can meet people."),
        }
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in LONG_TEXTS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capacity"].widget.attrs.update(min=1, max=MAX_CAPACITY)
        self.fields["hours_per_month"].widget.attrs.update(min=1, max=MAX_HOURS_PER_MONTH)
        say_limits(self)

    def clean(self):
        data = super().clean() or {}
        if not (data.get("headline_es") or data.get("headline_en")):
            self.add_error("headline_es", _("Write a headline in Spanish or in English."))
        if not (data.get("helps_with_es") or data.get("helps_with_en")):
            self.add_error(
                "helps_with_es", _("Say what you can help with, in Spanish or in English.")
            )
        if MeetingMode.IN_PERSON in (data.get("meeting_modes") or []) and not data.get("zip_code"):
            self.add_error("zip_code", _("To meet in person, give the ZIP code where you meet."))
        return data


class MentorshipAskForm(forms.ModelForm):
    """What a seeker wants help with: mentors are suggested from it."""

    class Meta:
        model = MentorshipAsk
        fields = ["goal", "industry", "skills", "language", "meeting_mode", "zip_code"]
        widgets = {"goal": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["industry"]).choices = [
            ("", _("Any kind of work")), *Category.choices,
        ]  # fmt: skip
        cast(forms.ChoiceField, self.fields["meeting_mode"]).choices = [
            ("", _("Any way")), *MeetingMode.choices,
        ]  # fmt: skip
        say_limits(self)

    def clean(self):
        data = super().clean() or {}
        if data.get("meeting_mode") == MeetingMode.IN_PERSON and not data.get("zip_code"):
            self.add_error("zip_code", _("To meet in person, give your ZIP code."))
        return data


class PauseForm(forms.Form):
    note = forms.CharField(
        label=_("Why (for the history)"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip


class MentorFilterForm(SearchForm):
    """Browsing mentors: every field comes from the URL, so a search can be bookmarked and
    shared. Invalid fields are reported and left out; the valid ones still apply."""

    SORTS = [("newest", _("Newest")), ("relevance", _("Best match")), ("nearest", _("Nearest"))]

    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Any language")), *MentoringLanguage.choices],
        required=False,
    )  # fmt: skip
    industry = forms.ChoiceField(
        label=_("Kind of work"), choices=[("", _("Any kind of work")), *Category.choices],
        required=False,
    )  # fmt: skip
    mode = forms.ChoiceField(
        label=_("How you meet"), choices=[("", _("Any way")), *MeetingMode.choices],
        required=False,
    )  # fmt: skip
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def filters(self) -> MentorFilters:
        self.is_valid()
        valid: dict[str, Any] = {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in ("", None, [], False)
        }
        return MentorFilters.build(**valid)
