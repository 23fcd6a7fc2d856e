from django.utils.translation import gettext_lazy as _

from apps.core.forms import SearchForm


class PathwayPlaceForm(SearchForm):
    """The ZIP code a pathway page finds trainings and jobs near, read from the URL. An
    unknown one is reported and the page shows the rest as without a ZIP code."""

    q = None  # type: ignore[assignment]  # removes the field
    radius = None  # type: ignore[assignment]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zip"].label = _("Your ZIP code")
        self.fields["zip"].help_text = _("To find trainings and jobs near you. Optional.")
