from django.db import models


class WebAddressField(models.URLField):
    """A URL field whose forms read "camino.org" as https://camino.org (Django 6's default)."""

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
