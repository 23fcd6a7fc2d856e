"""The read-only HSDS 3.0 API of the legal help directory, /api/hsds/ (public open data): only
listed providers, never drafts, revisions or expired entries. JSON as the HSDS OpenAPI
describes it; text as the partners wrote it (JSON is not HTML: the reader escapes it); any
origin may read it (CORS), and caches may keep it a few minutes."""

import math
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpRequest, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from apps.core.emails import absolute_url
from apps.core.search import MAX_QUERY_LENGTH, RADIUS_DEFAULT, RADIUS_RANGE
from apps.core.us import locate_zip
from apps.core.vocabulary import SpokenLanguage
from apps.legal import hsds
from apps.legal.export import datapackage_zip
from apps.legal.selectors import (
    HsdsQuery,
    hsds_location,
    hsds_organizations,
    hsds_service,
    hsds_service_at_locations,
    hsds_service_at_locations_page,
    hsds_services,
    hsds_services_page,
)
from apps.legal.vocabulary import ServiceCode

PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 100
METERS_PER_MILE = 1609.344
MAX_AGE = 300  # seconds that browsers and proxies may keep an answer
# The query parameters the API reads (anything else is ignored, and not cached).
PARAMETERS = frozenset(
    ["search", "taxonomy_term_id", "organization_id", "service", "language", "postcode",
     "proximity", "radius", "page", "per_page", "lang", "format"]
)  # fmt: skip


class BadRequest(Exception):
    """A parameter the API cannot use: a 400 naming it."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def answer(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={MAX_AGE if status == 200 else 60}"
    return response


def hsds_endpoint(view: Callable) -> Callable:
    """A GET endpoint in the language asked for (`lang`, the site's by default) that turns
    bad parameters into a 400 and a missing object into a 404, both JSON."""

    @require_GET
    @wraps(view)
    def endpoint(request: HttpRequest, *args, **kwargs):
        with translation.override(_language_of(request)):
            try:
                if request.GET.get("format", "json") != "json":
                    raise BadRequest("format", _("Only the json format is available."))
                return answer(view(request, *args, **kwargs))
            except BadRequest as error:
                return answer(
                    {"error": "bad_request", "parameter": error.parameter,
                     "detail": error.message}, status=400,
                )  # fmt: skip
            except Http404:
                return answer({"error": "not_found", "detail": _("Nothing has this id.")}, 404)

    return endpoint


def _integer(data, name: str, default: int, low: int, high: int) -> int:
    text = data.get(name, "")
    if text == "":
        return default
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise BadRequest(name, _("%(name)s must be a whole number from %(low)s to %(high)s.")
                         % {"name": name, "low": low, "high": high})  # fmt: skip
    return int(text)


def query_of(data) -> HsdsQuery:
    """The filters of a query string, or BadRequest naming the first that is wrong."""
    search = data.get("search", "").strip()
    if len(search) > MAX_QUERY_LENGTH or "\x00" in search:
        raise BadRequest("search", _("The search is too long."))
    service = data.get("service", "")
    if service and service not in ServiceCode.values:
        raise BadRequest("service", _("Unknown service code. Known codes: %(codes)s.")
                         % {"codes": ", ".join(ServiceCode.values)})  # fmt: skip
    if term := data.get("taxonomy_term_id", ""):
        code = hsds.taxonomy_term_code(term)
        if code is None:
            raise BadRequest("taxonomy_term_id", _("Unknown taxonomy term."))
        if service and service != code:
            service = "-"  # both asked for: no service is both
        service = service or code
    language = data.get("language", "")
    if language and language not in SpokenLanguage.values:
        raise BadRequest("language", _("Unknown language code. Known codes: %(codes)s.")
                         % {"codes": ", ".join(SpokenLanguage.values)})  # fmt: skip
    provider = None
    if organization := data.get("organization_id", ""):
        found = hsds.hsds_key("organization", organization)
        if found is None:
            raise BadRequest("organization_id", _("This is not an organization id."))
        provider = found[0]
    point, miles = None, float(RADIUS_DEFAULT)
    if postcode := data.get("postcode", "").strip():
        point = locate_zip(postcode)
        if point is None:
            raise BadRequest("postcode", _("Unknown US ZIP code."))
        if proximity := data.get("proximity", ""):
            # HSDS gives the proximity in meters.
            try:
                miles = float(proximity) / METERS_PER_MILE
            except ValueError:
                miles = math.nan
            if (
                not RADIUS_RANGE[0] * METERS_PER_MILE
                <= miles * METERS_PER_MILE
                <= (RADIUS_RANGE[1] * METERS_PER_MILE)
            ):
                raise BadRequest("proximity", _("proximity is in meters, from %(low)s to "
                                                "%(high)s.") % {
                    "low": round(RADIUS_RANGE[0] * METERS_PER_MILE),
                    "high": round(RADIUS_RANGE[1] * METERS_PER_MILE)})  # fmt: skip
        elif data.get("radius", ""):
            miles = _integer(data, "radius", RADIUS_DEFAULT, *RADIUS_RANGE)
    elif data.get("proximity") or data.get("radius"):
        raise BadRequest("postcode", _("A distance needs a postcode (a US ZIP code)."))
    return HsdsQuery(search=search, service=service, language=language, provider=provider,
                     point=point, miles=miles)  # fmt: skip


def paginated(request: HttpRequest, items, load: Callable, serialise: Callable) -> dict:
    """HSDS's page envelope (components.schemas.Page) around one page of `items`. A page
    past the last is an empty page (no query for it); a page or per_page that is not a
    whole number in range is a 400."""
    per_page = _integer(request.GET, "per_page", PER_PAGE_DEFAULT, 1, PER_PAGE_MAX)
    page = _integer(request.GET, "page", 1, 1, 10**12)
    total = items.count()
    total_pages = math.ceil(total / per_page)
    start = (page - 1) * per_page
    contents = [serialise(item) for item in load(items[start : start + per_page])] if (
        page <= total_pages
    ) else []  # fmt: skip
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "per_page": per_page,
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


@hsds_endpoint
def root(request: HttpRequest) -> dict:
    return {
        "version": hsds.HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/latest/hsds/",
        "datapackage_url": absolute_url(reverse("legal_api:datapackage")),
    }


@hsds_endpoint
def services(request: HttpRequest) -> dict:
    return paginated(request, hsds_services(query_of(request.GET)), hsds_services_page,
                     hsds.service_object)  # fmt: skip


@hsds_endpoint
def service(request: HttpRequest, id: str) -> dict:
    found = hsds.service_key(id)
    service, parts = hsds_service(*found) if found else (None, None)
    if service is None or parts is None:
        raise Http404
    return hsds.full_service_object(service, parts)


@hsds_endpoint
def organizations(request: HttpRequest) -> dict:
    return paginated(request, hsds_organizations(query_of(request.GET)), lambda page: page,
                     hsds.organization_object)  # fmt: skip


@hsds_endpoint
def organization(request: HttpRequest, id: str) -> dict:
    found = hsds.hsds_key("organization", id)
    provider = (
        hsds_organizations(HsdsQuery(provider=found[0]))
        .prefetch_related("services", "accreditations", "locations", "phones")
        .first()
        if found
        else None
    )
    if provider is None:
        raise Http404
    return hsds.organization_object(provider) | {
        "services": [
            hsds.service_object(service, organization=False) for service in provider.services.all()
        ],
        "locations": [hsds.location_object(location) for location in provider.locations.all()],
        "phones": [hsds.phone_object(phone) for phone in provider.phones.all()],
    }


@hsds_endpoint
def service_at_locations(request: HttpRequest) -> dict:
    return paginated(request, hsds_service_at_locations(query_of(request.GET)),
                     hsds_service_at_locations_page, hsds.service_at_location_object)  # fmt: skip


@hsds_endpoint
def service_at_location(request: HttpRequest, id: str) -> dict:
    found = hsds.service_at_location_key(id)
    if found is None:
        raise Http404
    location_pk, code = found
    pairs = hsds_service_at_locations(HsdsQuery(service=code)).filter(pk=location_pk)
    links = hsds_service_at_locations_page(pairs, nested=True)
    if not links:
        raise Http404
    return hsds.service_at_location_object(links[0], nested=True)


@hsds_endpoint
def location(request: HttpRequest, id: str) -> dict:
    found = hsds.hsds_key("location", id)
    place = hsds_location(found[0]) if found else None
    if place is None:
        raise Http404
    return hsds.location_object(place, nested=True)


def _language_of(request: HttpRequest) -> str:
    language = request.GET.get("lang", "")
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _in_language(language: str, chunks):
    """The chunks of a streamed answer, made in `language` (they are made after the view
    has returned, outside any language it set)."""
    with translation.override(language):
        yield from chunks


@require_GET
def datapackage(request: HttpRequest) -> StreamingHttpResponse:
    """The whole listed directory as an HSDS data package (a zip of CSV files and
    datapackage.json), streamed as it is written."""
    response = StreamingHttpResponse(
        _in_language(_language_of(request), datapackage_zip()), content_type="application/zip"
    )
    response["Content-Disposition"] = 'attachment; filename="camino-legal-hsds.zip"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
