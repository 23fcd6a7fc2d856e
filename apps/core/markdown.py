"""Guides' Markdown (apps.core.guides), rendered to HTML that is safe to show: Markdown lets
raw HTML through, so its output always goes through nh3 (the Ammonia sanitiser), which keeps
only the small set of tags below. No images (pages stay light), no scripts, no styles, no
event handlers, no javascript: links; every link gets rel="nofollow noopener"."""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "br", "ul", "ol", "li", "strong", "em", "a",
    "blockquote",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def markdown_html(text: str) -> SafeString:
    html = markdown.markdown(text, extensions=["sane_lists"])
    # The page's title is its only h1: a Markdown "# Heading" becomes an h2, like "##".
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 (sanitised by nh3 just above)
