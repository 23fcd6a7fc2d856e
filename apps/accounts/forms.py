from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Language, User


class SignupForm(AllauthSignupForm):
    """allauth's sign-up plus how to greet the person and which language to write to them in.
    Deliberately nothing else: Camino never asks about immigration status."""

    display_name = forms.CharField(
        label=_("Name to show (optional)"),
        max_length=User._meta.get_field("display_name").max_length,
        required=False,
        help_text=_("A first name or a nickname is enough."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language for emails"),
        choices=Language.choices,
    )

    field_order = ["email", "display_name", "password1", "password2", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = (get_language() or Language.SPANISH)[:2]
        self.fields["preferred_language"].initial = (
            current if current in Language.values else Language.SPANISH
        )

    def try_save(self, request):
        if self.account_already_exists:
            # allauth creates nothing for a known address, so it answers much sooner than for
            # a new one, whose password it hashes (Argon2: most of the time a sign-up takes).
            # Hash here too, so the response time does not tell who has an account.
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)
