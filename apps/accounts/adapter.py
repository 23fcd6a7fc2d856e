from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_from_path

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import Language, User


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: HttpRequest, user: User, form, commit: bool = True) -> User:
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data.get("display_name", "")
        user.preferred_language = form.cleaned_data.get("preferred_language", Language.SPANISH)
        if commit:
            user.save()
        return user

    def get_login_redirect_url(self, request: AuthenticatedHttpRequest) -> str:
        # After signing in, continue in the language the person chose last time.
        url = super().get_login_redirect_url(request)
        return translate_url(url, request.user.preferred_language)

    def post_login(self, request: HttpRequest, user: User, *, redirect_url, **kwargs):
        # The page the person was going to (`next`), in the language they chose last time,
        # as without one: a Spanish link opened by someone who reads English, or switched the
        # sign-in page to English, continued in Spanish.
        if isinstance(redirect_url, str) and redirect_url:
            # translate_url finds the page among the active language's addresses only.
            with translation.override(get_language_from_path(urlsplit(redirect_url).path)):
                redirect_url = translate_url(redirect_url, user.preferred_language)
        return super().post_login(request, user, redirect_url=redirect_url, **kwargs)

    def send_notification_mail(self, template_prefix, user, context=None, email=None) -> None:
        # Notices of a changed address go to the old one, which send_mail cannot match to
        # the person any more: their language comes from here.
        with translation.override(user.preferred_language):
            super().send_notification_mail(template_prefix, user, context, email)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Write to people in their own language, links included. An address with no
        account (enumeration prevention still emails it) gets the current language."""
        language = (
            User.objects.filter(email__iexact=email)
            .values_list("preferred_language", flat=True)
            .first()
        ) or translation.get_language()
        context = {
            key: translate_url(value, language)
            if key.endswith("_url") and isinstance(value, str)
            else value
            for key, value in context.items()
        }
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
