"""The language switcher on every page."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import get_language, get_language_from_path
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from apps.accounts.services import user_set_language


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language (cookie, and the same page in the new language), plus the
    choice remembered on a signed-in user so emails and later visits use it."""
    # set_language resolves `next` in the active language, which LocaleMiddleware took from
    # the browser for this unprefixed URL; resolve it in the language of the page instead.
    page_language = get_language_from_path(request.POST.get("next", "")) or get_language()
    with translation.override(page_language):
        response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        user_set_language(user=request.user, language=language)
    return response
