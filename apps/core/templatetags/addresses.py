"""`{% url %}` as Django writes it, with its addresses remembered (apps.core.addresses). It
replaces Django's own tag in every template (TEMPLATES' "builtins" in the settings): a page
writes a dozen addresses that do not change from one request to the next."""

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from apps.core.addresses import address

register = template.Library()


class RememberedURLNode(URLNode):
    def render(self, context) -> str:
        # The application namespace the page was reached through, as Django's tag finds it.
        request = getattr(context, "request", None)
        try:
            current_app = request.current_app  # type: ignore[union-attr]
        except AttributeError:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        try:
            url = address(
                self.view_name.resolve(context),
                args=[arg.resolve(context) for arg in self.args],
                kwargs={name: value.resolve(context) for name, value in self.kwargs.items()},
                current_app=current_app,
            )
        except NoReverseMatch:
            if self.asvar is None:
                raise
            url = ""
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token) -> RememberedURLNode:
    """{% url "name" arg key=value [as variable] %}, read as Django's tag reads it."""
    node = django_url(parser, token)
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
