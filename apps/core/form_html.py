"""One form field, the one way Camino writes them: `{% field form.name %}`.

Its label (a legend for a group of choices; wrapped around a single checkbox), its errors and
its help text with ids, and the widget pointing at both with aria-describedby, marked invalid
when it has errors. The common widgets (text-like and hidden inputs, drop-downs, checkboxes,
radio buttons) are written here in Python; any other widget is rendered by Django. Search
pages draw a dozen fields on every request, and Django's template per widget, per label and
per option cost more than the search itself (bench/jobs_search.py); a signed-in person's job
list adds the radio buttons of how often to hear about a saved search."""

from functools import lru_cache
from html import escape

from django import forms
from django.forms.boundfield import BoundField
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# Widgets whose markup is a single <input> with Django's own attributes and value.
PLAIN_INPUTS = (
    forms.TextInput, forms.NumberInput, forms.EmailInput, forms.URLInput, forms.DateInput,
    forms.DateTimeInput, forms.TimeInput, forms.SearchInput, forms.TelInput, forms.HiddenInput,
)  # fmt: skip


def attributes(attrs: dict) -> str:
    """name="value" pairs; True writes the bare name, False and None leave it out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False and value is not None
    )


class _Same:
    """An object as a cache key by identity. The cache keeps it alive, so no other object
    can take its id while the entry lasts."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Same) and other.value is self.value


def _choices_as_text(choices) -> tuple[tuple[str, str], ...] | None:
    pairs = []
    for choice, label in choices:
        if isinstance(label, (list, tuple)):
            return None
        pairs.append((str(choice), str(conditional_escape(str(label)))))
    return tuple(pairs)


@lru_cache(maxsize=256)
def _declared_choices_as_text(choices: _Same, language: str | None):
    return _choices_as_text(choices.value)


def choices_as_text(choices) -> tuple[tuple[str, str], ...] | None:
    """Each choice as its value and its label escaped, in the active language; None when
    there are option groups. A search page draws the same lists of choices on every request:
    a list a form declared (no form changes one in place) is translated and escaped once per
    language."""
    if type(choices) in (list, tuple):
        return _declared_choices_as_text(_Same(choices), get_language())
    return _choices_as_text(choices)  # read anew each time (a queryset's, say)


def _options(widget: forms.Select, value) -> str | None:
    """A drop-down's options, or None when it has option groups (left to Django)."""
    choices = choices_as_text(widget.choices)
    if choices is None:
        return None
    chosen = set(widget.format_value(value))
    html = []
    selected_one = False
    for choice, label in choices:
        selected = not selected_one and choice in chosen
        selected_one = selected_one or selected
        html.append(
            f'<option value="{escape(choice)}"{" selected" if selected else ""}>{label}</option>'
        )
    return "".join(html)


def _checkboxes(field: BoundField, attrs: dict) -> str | None:
    """A group of checkboxes as plain labelled inputs (the fieldset's legend names them), or
    None when it has groups (left to Django)."""
    choices = choices_as_text(field.field.widget.choices)
    if choices is None:
        return None
    chosen = {str(value) for value in field.value() or ()}
    extra = attributes({k: v for k, v in attrs.items() if k not in ("id", "required")})
    name = escape(field.html_name)
    return "".join(
        f'<label><input type="checkbox" name="{name}" value="{escape(choice)}"{extra}'
        f"{' checked' if choice in chosen else ''}> {label}</label>"
        for choice, label in choices
    )


def _radios(field: BoundField, attrs: dict, value) -> str | None:
    """Radio buttons as Django writes them (a box of boxes, each a label around its button),
    from the options Django makes, or None when they have groups (left to Django)."""
    widget = field.field.widget
    context = widget.get_context(field.html_name, value, attrs)["widget"]
    if any(group for group, _options, _index in context["optgroups"]):
        return None
    name = escape(field.html_name)
    buttons = []
    for _group, options, _index in context["optgroups"]:
        for option in options:
            option_attrs = option["attrs"]
            label_for = attributes({"for": option_attrs.get("id")})
            label = conditional_escape(str(option["label"]))
            buttons.append(
                f'<div><label{label_for}><input type="radio" name="{name}"'
                f' value="{escape(str(option["value"]))}"{attributes(option_attrs)}>'
                f" {label}</label></div>"
            )
    box = attributes({"id": context["attrs"].get("id"), "class": context["attrs"].get("class")})
    return f"<div{box}>{''.join(buttons)}</div>"


def label_html(field: BoundField, label: str | None = None) -> str:
    """What Django's label_tag() writes: the label (escaped, or `label` when the caller has
    it), its suffix unless it ends in punctuation, pointing at the widget's id."""
    widget = field.field.widget
    contents = str(conditional_escape(field.label)) if label is None else label
    suffix = field.field.label_suffix
    if suffix is None:
        suffix = field.form.label_suffix
    if suffix and contents and contents[-1] not in ":?.!":
        contents += suffix
    attrs = {}
    element_id = widget.attrs.get("id") or field.auto_id
    if element_id and (for_id := widget.id_for_label(element_id)):
        attrs["for"] = for_id
    if field.field.required and (css := getattr(field.form, "required_css_class", "")):
        attrs["class"] = css
    return f"<label{attributes(attrs)}>{contents}</label>"


def _input(input_type: str, name: str, attrs: dict) -> str:
    return f'<input type="{input_type}" name="{escape(name)}"{attributes(attrs)}>'


def widget_html(field: BoundField, attrs: dict) -> str:
    widget = field.field.widget
    if (
        type(widget) is forms.CheckboxSelectMultiple
        and (boxes := _checkboxes(field, attrs)) is not None
    ):
        return boxes
    attrs = field.build_widget_attrs(attrs, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    value = field.value()
    if type(widget) in PLAIN_INPUTS:
        attrs = widget.build_attrs(widget.attrs, attrs)
        shown = widget.format_value(value)
        if shown is not None:
            attrs = {"value": shown, **attrs}
        return _input(widget.input_type, field.html_name, attrs)
    if type(widget) is forms.Select and (options := _options(widget, value)) is not None:
        attrs = widget.build_attrs(widget.attrs, attrs)
        return f'<select name="{escape(field.html_name)}"{attributes(attrs)}>{options}</select>'
    if type(widget) is forms.RadioSelect and (buttons := _radios(field, attrs, value)) is not None:
        return buttons
    if type(widget) is forms.CheckboxInput:
        attrs = widget.build_attrs(widget.attrs, attrs)
        if widget.check_test(value):
            attrs["checked"] = True
        shown = widget.format_value(value)
        if shown is not None:
            attrs = {"value": shown, **attrs}
        return _input("checkbox", field.html_name, attrs)
    return field.as_widget(attrs=attrs)


def field_html(field: BoundField) -> SafeString:
    if field.is_hidden:
        return mark_safe(widget_html(field, {}))  # noqa: S308 (escaped above)
    errors = field.errors
    auto_id = field.auto_id
    described_by = [f"{auto_id}_errors"] if errors else []
    if field.help_text:
        described_by.append(f"{auto_id}_helptext")
    attrs: dict = {"aria-describedby": " ".join(described_by)} if described_by else {}
    if errors:
        attrs["aria-invalid"] = "true"
    widget = widget_html(field, attrs)
    css = "field field--error" if errors else "field"
    label = str(conditional_escape(field.label))
    closing = "</div>"
    if field.use_fieldset:
        parts = [f'<fieldset class="{css}"><legend>{label}</legend>']
        closing = "</fieldset>"
    elif field.widget_type == "checkbox":  # the label wraps the box
        parts = [f'<div class="{css}"><label>{widget} {label}</label>']
        widget = ""
    else:
        parts = [f'<div class="{css}">{label_html(field, label)}']
    if errors:
        items = "".join(f"<li>{conditional_escape(str(error))}</li>" for error in errors)
        parts.append(f'<ul class="errorlist" id="{auto_id}_errors">{items}</ul>')
    parts.append(widget)
    if field.help_text:
        help_text = conditional_escape(field.help_text)
        parts.append(f'<span class="helptext" id="{auto_id}_helptext">{help_text}</span>')
    parts.append(closing)
    return mark_safe("".join(parts))  # noqa: S308 (every part escaped)
