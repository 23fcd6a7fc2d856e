"""{% field %} writes the common widgets itself (apps/core/form_html.py): the same elements,
attributes and values as Django's own widget templates, for every kind it writes."""

from datetime import date
from html.parser import HTMLParser

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from apps.core.form_html import label_html, widget_html


class Elements(HTMLParser):
    """The elements of some HTML as (tag, sorted attributes), with the text between them."""

    def __init__(self, html: str):
        super().__init__()
        self.items: list = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.items.append((tag, sorted((name, value or "") for name, value in attrs)))

    def handle_data(self, data):
        if data.strip():
            self.items.append(data.strip())


class Everything(forms.Form):
    name = forms.CharField(label="Name", max_length=20, help_text="As you like to be called")
    email = forms.EmailField(label="Email", required=False)
    age = forms.IntegerField(label="Age", min_value=16, max_value=120)
    pay = forms.DecimalField(label="Pay", decimal_places=2, required=False)
    day = forms.DateField(label="Day", required=False, widget=forms.DateInput({"type": "date"}))
    site = forms.URLField(label="Site", required=False, assume_scheme="https")
    kind = forms.ChoiceField(label="Kind", choices=[("", "Any"), ("a", "<A>"), ("b", "B & C")])
    number = forms.TypedChoiceField(
        label="Number", choices=[("", "Any"), (1, "One"), (2, "Two")], coerce=int, required=False
    )
    agree = forms.BooleanField(label="I agree")
    colours = forms.MultipleChoiceField(
        label="Colours", choices=[("r", "Red"), ("g", "Green")], required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    often = forms.ChoiceField(
        label="Often", choices=[("d", "Daily <b>"), ("w", "Weekly")], widget=forms.RadioSelect
    )
    reason = forms.ChoiceField(
        label="Reason", choices=[("x", "X & Y"), ("z", "Z")], required=False,
        widget=forms.RadioSelect({"class": "reasons"}),
    )  # fmt: skip
    query = forms.CharField(widget=forms.HiddenInput, required=False)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"name": 'Ana "la" <b>', "email": "ana@example.org", "age": "30", "pay": "15.5",
         "day": "2026-12-04", "site": "https://example.org/?a=1&b=2", "kind": "b",
         "number": "2", "agree": "on", "often": "w", "reason": "x", "query": "q=a&b=<c>"},
        {"name": "", "age": "7", "kind": "zzz", "number": "9", "often": "never"},
    ],
)  # fmt: skip
def test_each_widget_is_what_django_writes(data):
    form = Everything(data, initial={"day": date(2026, 1, 2), "kind": "a"})
    form.is_valid()
    for field in form:
        if field.name == "colours":
            continue  # written as plain labelled boxes: see the next test
        attrs = {"aria-describedby": f"{field.auto_id}_helptext"}
        assert (
            Elements(widget_html(field, attrs)).items
            == Elements(field.as_widget(attrs=attrs)).items
        ), field.name
        assert Elements(label_html(field)).items == Elements(field.label_tag()).items


def test_a_group_of_checkboxes_is_a_fieldset_of_labelled_boxes_keeping_the_choices():
    form = Everything({"colours": ["g"]})
    html = Template("{% load camino %}{% field form.colours %}").render(Context({"form": form}))
    assert html.startswith('<fieldset class="field"><legend>Colours</legend>')
    assert '<label><input type="checkbox" name="colours" value="r"> Red</label>' in html
    assert '<label><input type="checkbox" name="colours" value="g" checked> Green</label>' in html


def test_errors_and_help_are_written_and_pointed_at_in_the_readers_language():
    with translation.override("es"):
        form = Everything({"age": "7"})
        html = Template("{% load camino %}{% field form.age %}").render(Context({"form": form}))
    assert html.startswith('<div class="field field--error"><label for="id_age">Age:</label>')
    assert '<ul class="errorlist" id="id_age_errors"><li>' in html
    assert "mayor o igual a 16" in html  # Django's own message, in Spanish
    assert 'aria-describedby="id_age_errors"' in html and 'aria-invalid="true"' in html
    form = Everything()
    html = Template("{% load camino %}{% field form.name %}").render(Context({"form": form}))
    assert '<span class="helptext" id="id_name_helptext">As you like to be called</span>' in html
    assert 'aria-describedby="id_name_helptext"' in html


def test_choices_are_written_in_the_language_of_each_page():
    """Choice labels are translated once per list and language (a search page's lists are the
    same on every request), so each language gets its own, and a form's new list its own."""
    from apps.jobs.forms import JobFilterForm

    field = "{% load camino %}{% field form.category %}{% field form.workplace %}"
    for language, words in [("es", ["Cualquier categoría", "Remoto"]),
                            ("en", ["Any category", "Remote"]),
                            ("es", ["Cualquier categoría", "Remoto"])]:  # fmt: skip
        with translation.override(language):
            html = Template(field).render(Context({"form": JobFilterForm({})}))
        assert all(word in html for word in words), (language, html)
    form = JobFilterForm({"category": "x"})
    form.fields["category"].choices = [("x", "Una lista propia")]
    html = Template(field).render(Context({"form": form}))
    assert '<option value="x" selected>Una lista propia</option>' in html
