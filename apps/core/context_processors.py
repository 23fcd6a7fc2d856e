from django.http import HttpRequest

from apps.core.registry import navigation as navigation_entries


def navigation(request: HttpRequest) -> dict:
    """The main navigation's entries, as the installed apps registered them."""
    return {"navigation": list(navigation_entries)}
