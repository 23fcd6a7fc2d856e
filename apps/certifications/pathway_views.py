"""The career pathway pages: every kind of work with what it pays now, and one kind of work's
pathway (pay, credentials, trainings near the seeker, and what other parts of Camino offer
for it through apps.core.registry.category_sections). Public, read-only, a fixed number of
queries: the pay figures are stored by a periodic task (apps.certifications.pay)."""

from django.conf import settings
from django.http import Http404
from django.views.generic import TemplateView

from apps.certifications.pathway_forms import PathwayPlaceForm
from apps.certifications.pathways import (
    SUMMARIES,
    TRAINING_RADIUS_MILES,
    category_or_none,
    credentials_for,
    credentials_url,
    pay_figure_of,
    pay_figures,
    trainings_near,
)
from apps.core.registry import category_sections
from apps.core.us import locate_zip
from apps.core.vocabulary import Category


class PathwayIndexView(TemplateView):
    template_name = "certifications/pathway_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = pay_figures()
        context["pathways"] = [
            {
                "code": code,
                "label": label,
                "summary": SUMMARIES.get(code, ""),
                "figure": figures.get(code),
            }
            for code, label in Category.choices
        ]
        context["computed_at"] = max(
            (figure.computed_at for figure in figures.values()), default=None
        )
        context["min_listings"] = settings.CERTIFICATIONS_PAY_MIN_LISTINGS
        return context


class PathwayDetailView(TemplateView):
    template_name = "certifications/pathway_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        category = category_or_none(self.kwargs["category"])
        if category is None:
            raise Http404
        form = PathwayPlaceForm(self.request.GET or None)
        zip_code = form.cleaned_data["zip"] if form.is_valid() else ""
        zip_point = locate_zip(zip_code) if zip_code else None
        groups = credentials_for(category)
        sections = []
        for key, section in category_sections.items():
            loaded = section.load(category, zip_point)
            if loaded is not None:
                sections.append({"key": key, "title": section.title, "template": section.template,
                                 "context": loaded})  # fmt: skip
        context.update(
            category=category,
            label=Category(category).label,
            summary=SUMMARIES.get(category, ""),
            figure=pay_figure_of(category),
            min_listings=settings.CERTIFICATIONS_PAY_MIN_LISTINGS,
            credential_groups=groups,
            credentials_url=credentials_url(category),
            training_radius=TRAINING_RADIUS_MILES,
            trainings=trainings_near(category, zip_point),
            zip_point=zip_point,
            form=form,
            sections=sections,
        )
        return context
