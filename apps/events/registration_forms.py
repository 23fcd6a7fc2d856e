"""The forms of registering (the organizer's questions, what a person shares), of checking
people in at the door and of writing to everyone registered."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.i18n import translated
from apps.events.models import CHECK_IN_CODE_LENGTH, EventMessage, EventQuestion


class RegistrationForm(forms.Form):
    """One field per question the organizer asks (named by the question's id), and what the
    person lets the organizer see of them."""

    share_name = forms.BooleanField(
        label=_("Share my name with the organizer"), required=False, initial=True
    )
    share_email = forms.BooleanField(
        label=_("Share my email address with the organizer"), required=False,
        help_text=_("Otherwise the organizer writes to you only through Camino."),
    )  # fmt: skip

    def __init__(self, *args, questions: list[EventQuestion], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        language = get_language()
        for question in questions:
            label = translated(question, "prompt").text
            if question.kind == EventQuestion.Kind.CHOICE:
                choices = [(choice, choice) for choice in question.choice_list(language)]
                field: forms.Field = forms.ChoiceField(
                    label=label, choices=choices, required=question.required,
                    widget=forms.RadioSelect,
                )  # fmt: skip
            else:
                field = forms.CharField(
                    label=label, required=question.required,
                    max_length=EventQuestion.MAX_ANSWER_LENGTH, widget=forms.Textarea(
                        attrs={"rows": 2, "maxlength": EventQuestion.MAX_ANSWER_LENGTH}
                    ),
                )  # fmt: skip
            self.fields[self.field_name(question)] = field
        self.order_fields([self.field_name(question) for question in questions])

    @staticmethod
    def field_name(question: EventQuestion) -> str:
        return f"question_{question.pk}"

    def answers(self) -> dict[str, str]:
        """{question id: answer} of the questions answered."""
        return {
            str(question.pk): answer
            for question in self.questions
            if (answer := self.cleaned_data.get(self.field_name(question)))
        }


class CheckInCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"), max_length=CHECK_IN_CODE_LENGTH + 4,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )  # fmt: skip

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).upper()


class CheckInPersonForm(forms.Form):
    """The row tapped in the list at the door."""

    registration = forms.IntegerField(min_value=1)


class EventMessageForm(forms.ModelForm):
    class Meta:
        model = EventMessage
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"body": _("Sent as plain text to everyone with a seat, in one email each.")}
