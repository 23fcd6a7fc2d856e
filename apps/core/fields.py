from django.db import models


class WebAddressField(models.URLField):
    """A URL field whose forms read "camino.org" as https://camino.org (Django 6's default)."""

    # Django's URLField.formfield takes only **kwargs too; the stubs spell out its parameters.
    def formfield(self, **kwargs):  # type: ignore[override]
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
