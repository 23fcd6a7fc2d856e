from django import template

from apps.curation.forms import BulkForm

register = template.Library()


@register.simple_tag
def bulk_controls_form(form=None) -> BulkForm:
    """{% bulk_controls_form bulk_form as form %}: the bulk form a page has (with what was
    chosen and its errors), or a new one for a page that includes the controls only."""
    return form if isinstance(form, BulkForm) else BulkForm()
