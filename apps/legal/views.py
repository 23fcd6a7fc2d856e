import json
from typing import Any

from django.db.models import Prefetch
from django.views.generic import DetailView, ListView, TemplateView

from apps.core.emails import absolute_url
from apps.core.i18n import translated
from apps.core.mixins import SearchListMixin
from apps.core.roles import is_curator
from apps.legal.forms import LegalFilterForm, NameCheckForm, ProviderReportForm
from apps.legal.hours import place_hours
from apps.legal.models import Cost, Location, Phone, Provider
from apps.legal.namecheck import people_named, providers_named
from apps.legal.selectors import provider_detail_queryset, providers_for, providers_search

PAGE_SIZE = 20
# The printable list: more to a page, each with its places, hours and phones.
PRINT_PAGE_SIZE = 100


class DirectoryView(SearchListMixin, ListView):
    """The legal help directory: listed providers with the shared keyword and ZIP search
    and the directory's filters; `view=print` is the same search as a plain printable
    list."""

    context_object_name = "providers"
    filter_form_class = LegalFilterForm

    @property
    def printable(self) -> bool:
        return self.request.GET.get("view") == "print"

    def get_template_names(self) -> list[str]:
        return ["legal/directory_print.html" if self.printable else "legal/directory.html"]

    def get_paginate_by(self, queryset) -> int:
        return PRINT_PAGE_SIZE if self.printable else PAGE_SIZE

    def search(self, filters):
        return providers_search(filters)

    def load(self, entries):
        return providers_for(entries, printable=self.printable)


def provider_json_ld(provider: Provider, locations: list[Location], phones: list[Phone]) -> str:
    """schema.org LegalService, escaped so that no text in it can close the <script>
    element it is written in."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LegalService",
        "name": provider.name,
        "description": translated(provider, "description").text,
        "url": absolute_url(provider.get_absolute_url()),
        "knowsLanguage": provider.languages,
        "isAccessibleForFree": provider.cost == Cost.FREE,
    }
    if provider.alternate_names:
        data["alternateName"] = provider.alternate_names
    if phones:
        data["telephone"] = f"+1{phones[0].number}"
    if provider.email:
        data["email"] = provider.email
    if provider.website:
        data["sameAs"] = provider.website
    if locations:
        data["address"] = [
            {
                "@type": "PostalAddress",
                "streetAddress": " ".join(filter(None, [place.address_1, place.address_2])),
                "addressLocality": place.city,
                "addressRegion": place.state,
                "postalCode": place.zip_code,
                "addressCountry": "US",
            }
            for place in locations
        ]
    text = json.dumps(data, ensure_ascii=False)
    return text.translate({ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"})


class ProviderDetailView(DetailView):
    """A provider's page. Unpublished entries and revisions: their organization and staff
    only (a 404 for anyone else)."""

    template_name = "legal/provider_detail.html"
    context_object_name = "provider"

    def get_queryset(self):
        places = Location.objects.order_by("pk").prefetch_related(
            "schedules", Prefetch("phones", queryset=Phone.objects.order_by("pk"))
        )
        return provider_detail_queryset(self.request.user).prefetch_related(
            "services",
            Prefetch("locations", queryset=places),
            Prefetch("phones", queryset=Phone.objects.filter(location=None).order_by("pk")),
            "accreditations",
            "detention_facilities",
        )

    def get_context_data(self, **kwargs):
        provider = self.object
        locations = list(provider.locations.all())
        general_phones = list(provider.phones.all())
        all_phones = general_phones + [phone for place in locations for phone in place.phones.all()]
        return super().get_context_data(
            places=[(place, place_hours(place)) for place in locations],
            phones=general_phones,
            json_ld=provider_json_ld(provider, locations, all_phones),
            is_staff=is_curator(self.request.user),
            report_form=kwargs.pop("report_form", None) or ProviderReportForm(),
            # A link to the manage page of a public entry (others link to it already).
            can_manage=provider.is_public
            and (
                is_curator(self.request.user)
                or (self.request.user.is_authenticated and provider.is_owned_by(self.request.user))
            ),
            **kwargs,
        )


class NameCheckView(TemplateView):
    """“Is this provider legitimate?”: whether Camino lists someone by that name, an
    organization or a person on one's accreditations, and how to check anyone with the DOJ
    and the state bar. The name typed is never logged, cached or stored."""

    template_name = "legal/name_check.html"

    def get_context_data(self, **kwargs):
        form = NameCheckForm(self.request.GET or None)
        name = form.cleaned_data["name"].strip() if form.is_valid() else ""
        return super().get_context_data(
            form=form,
            name=name,
            providers=providers_named(name) if name else [],
            people=people_named(name) if name else [],
            **kwargs,
        )
