from django.db import transaction

from apps.accounts.models import Language, User


def user_set_language(*, user: User, language: str) -> None:
    """Remember the language a person chose, for their pages and the emails they get."""
    if language not in Language.values:
        raise ValueError(f"Unsupported language: {language!r}")
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(preferred_language=language)
    user.preferred_language = language
