"""The form of a plan step: what a person writes (a title, a target date, notes). Long text
is refused with a message, never cut by the browser: what was typed stays in the form."""

from datetime import date, timedelta
from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.certifications.models import PlanStep

# How far from today a target date may be: a year like 0001 or 9999 is a typing slip, and the
# plan then showed "1 de enero de 0001 · Vencido".
TARGET_YEARS = 10


class PlanStepForm(forms.ModelForm):
    class Meta:
        model = PlanStep
        fields = ["title", "target_date", "notes"]
        labels = {"title": _("Step"), "target_date": _("Target date (optional)"),
                  "notes": _("Notes (optional)")}  # fmt: skip
        help_texts = {
            "title": _("For example: get the OSHA 10 card, apply to 5 jobs."),
            "target_date": _("We email you a reminder a few days before."),
        }
        widgets = {
            "target_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {
                "required": _("Write what the step is."),
                "max_length": _("A step can have at most %(limit_value)d characters (it has "
                                "%(show_value)d). Put the rest in the notes."),
            },
            "notes": {
                "max_length": _("Notes can have at most %(limit_value)d characters (it has "
                                "%(show_value)d)."),
            },
            "target_date": {"invalid": _("Enter a date, for example 2026-03-31.")},
        }  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "notes"):
            self.fields[name].widget.attrs.pop("maxlength", None)
        date_field = cast(forms.DateField, self.fields["target_date"])
        date_field.input_formats = ["%Y-%m-%d"]  # what a date input sends

    def clean_target_date(self) -> date | None:
        day = self.cleaned_data["target_date"]
        today = timezone.localdate()
        if day and abs(day.year - today.year) > TARGET_YEARS:
            raise forms.ValidationError(
                _("Enter a date within %(years)d years of today, for example %(example)s."),
                params={"years": TARGET_YEARS, "example": (today + timedelta(days=30)).isoformat()},
            )
        return day

    def clean_title(self):
        return self.cleaned_data["title"].strip()
