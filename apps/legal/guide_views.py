"""The notario warning and the guided entry (the know-your-rights guides' pages are the
shared ones, apps.core.guide_views, declared in apps.legal.guide_setup)."""

from django.views.generic import TemplateView

from apps.legal.guided import QUESTIONS


class NotarioWarningView(TemplateView):
    template_name = "legal/guides/notario_warning.html"


class GuidedEntryView(TemplateView):
    """Plain questions, each a link to the filtered directory: nothing is asked or kept."""

    template_name = "legal/guides/guided.html"
    extra_context = {"questions": QUESTIONS}
