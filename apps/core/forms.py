import copy
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.forms.forms import DeclarativeFieldsMetaclass
from django.http import Http404, QueryDict
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from apps.core.search import MAX_QUERY_LENGTH, RADIUS_RANGE, SearchFilters
from apps.core.us import locate_zip


def posted_id(request, name: str) -> int:
    """The id a button posted (the row to delete or handle). A value that is not an id is
    an id of nothing: 404, as for a row that does not exist."""
    try:
        return forms.IntegerField(min_value=1).clean(request.POST.get(name))
    except ValidationError:
        raise Http404 from None


class _FieldsCopiedLightly(dict):
    """A search form's declared fields (`base_fields`). Each form gets its own copy of every
    field and widget, as with Django's deep copy, but they share their choices: no search form
    changes a list of choices in place (one that varies assigns a new list), and copying
    every choice of a dozen fields on every search cost more than running the search."""

    def __deepcopy__(self, memo):
        fields = {}
        for name, field in self.items():
            if hasattr(field.widget, "widgets"):  # a widget made of widgets: copied whole
                fields[name] = copy.deepcopy(field, memo)
                continue
            copied = copy.copy(field)
            copied.widget = copy.copy(field.widget)
            copied.widget.attrs = field.widget.attrs.copy()
            copied.error_messages = field.error_messages.copy()
            copied.validators = field.validators[:]
            fields[name] = copied
        return fields


class _SearchFormMetaclass(DeclarativeFieldsMetaclass):
    def __new__(mcs, name, bases, attrs):
        form = super().__new__(mcs, name, bases, attrs)
        form.base_fields = _FieldsCopiedLightly(form.base_fields)  # type: ignore[attr-defined]
        return form


class SearchForm(forms.Form, metaclass=_SearchFormMetaclass):
    """The fields every search page shares, read from the URL: keywords and a distance from a
    ZIP code. A type's search form adds its own filters."""

    q = forms.CharField(label=_("Keywords"), required=False, max_length=MAX_QUERY_LENGTH)
    zip = forms.CharField(label=_("Near ZIP code"), required=False, max_length=5)
    radius = forms.IntegerField(
        label=_("Within (miles)"), required=False, min_value=RADIUS_RANGE[0],
        max_value=RADIUS_RANGE[1],
    )  # fmt: skip

    def clean_zip(self):
        zip_code = self.cleaned_data["zip"].strip()
        if zip_code and locate_zip(zip_code) is None:
            raise forms.ValidationError(
                _("We do not know the ZIP code %(zip)s. Check it and try again."),
                params={"zip": zip_code},
            )
        return zip_code

    def show_sort(self, filters: SearchFilters) -> None:
        """Make the "Sort by" select show the order the results are in. The automatic order
        (SearchFilters.automatic_sort: best match with keywords, the list's own without) is
        the empty choice, named after the order it gives now. Keywords typed into a list's
        form then get best match, unless the person picks another order: when the select
        sent the list's own order, "Newest", the keywords came out newest first."""
        field = self.fields.get("sort")
        if not isinstance(field, forms.ChoiceField):
            return
        automatic = type(filters).automatic_sort(filters.q, filters.point)
        choices = cast(list[tuple[str, str]], field.choices)  # a type's SORTS
        field.choices = [
            ("", dict(choices)[automatic]),
            *(choice for choice in choices if choice[0] != automatic),
        ]
        data = cast(QueryDict, self.data).copy()  # the URL's parameters, some repeated
        data["sort"] = "" if filters.sort == automatic else filters.sort
        self.data = data


def say_limits(form: forms.BaseForm) -> None:
    """Long texts say their limit, as the active language writes numbers ("2,000",
    "2.000"): the browser stops typing there, so say why."""
    for field in form.fields.values():
        textarea = isinstance(field.widget, forms.Textarea)
        if isinstance(field, forms.CharField) and textarea and field.max_length:
            count = number_format(field.max_length, force_grouping=True)
            limit = _("Up to %(max)s characters.") % {"max": count}
            field.help_text = f"{field.help_text} {limit}".strip()


def formset_rows(formset) -> tuple[list, list]:
    """A valid inline formset's rows to save and rows to delete: the kept ones are those
    already saved or filled in (an extra form left empty is no row)."""
    removed = [form.instance for form in formset.deleted_forms if form.instance.pk]
    kept = [
        form.instance
        for form in formset.forms
        if form not in formset.deleted_forms and (form.instance.pk or form.has_changed())
    ]
    return kept, removed
