from django import template
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag(takes_context=True)
def pathway_section(context, section: dict) -> SafeString:
    """{% pathway_section section %}: a part another app offers for a kind of work
    (apps.core.registry.category_sections), its template rendered with what its load()
    returned, as the page's own context (language, request) extended."""
    section_template = context.template.engine.get_template(section["template"])
    with context.push(section=section, **section["context"]):
        return section_template.render(context)
