from django.contrib import admin
from django.db import transaction
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from apps.core.indexing import search_index
from apps.core.personal_data import actor_column
from apps.core.services import publishable_save
from apps.legal.models import (
    Accreditation,
    DetentionFacility,
    LegalService,
    Location,
    Phone,
    Provider,
    ProviderReport,
    Schedule,
)


class LegalServiceInline(TranslationTabularInline):
    model = LegalService
    extra = 0


class LocationInline(TranslationStackedInline):
    model = Location
    extra = 0
    show_change_link = True  # opening hours are edited on the location's own page


class PhoneInline(TranslationTabularInline):
    model = Phone
    extra = 0


class AccreditationInline(admin.StackedInline):
    model = Accreditation
    extra = 0
    exclude = ["checked_by"]
    readonly_fields = [actor_column(Accreditation, "checked_by", done_when="checked_on")]


@admin.register(Provider)
class ProviderAdmin(TranslationAdmin):
    """Staff edit entries here too. Status changes belong on the entry's manage page (they
    notify the organization); saving reindexes it with its services, places and hours."""

    list_display = ["__str__", "provider_type", "status", "verified_at", "expires_on"]
    list_filter = ["status", "provider_type", "cost", "accepting_new_cases"]
    search_fields = ["organization__name", "alternate_name"]
    exclude = ["created_by", "verified_by"]
    readonly_fields = [
        "status",
        actor_column(Provider, "created_by"),
        actor_column(Provider, "verified_by", done_when="verified_at"),
        "submitted_at",
        "published_at",
        "review_note",
        "revision_of",
    ]
    autocomplete_fields = ["organization"]
    filter_horizontal = ["detention_facilities"]
    inlines = [LegalServiceInline, LocationInline, PhoneInline, AccreditationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization")

    def save_model(self, request, obj, form, change):
        publishable_save(actor=request.user, item=obj)

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            search_index(form.instance)


class ScheduleInline(admin.TabularInline):
    model = Schedule
    extra = 0


@admin.register(Location)
class LocationAdmin(TranslationAdmin):
    list_display = ["__str__", "provider", "city", "state"]
    search_fields = ["name", "address_1", "city", "provider__organization__name"]
    raw_id_fields = ["provider"]
    exclude = ["services"]
    inlines = [ScheduleInline]

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            search_index(form.instance.provider)


@admin.register(DetentionFacility)
class DetentionFacilityAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "state"]
    list_filter = ["state"]
    search_fields = ["name", "city"]


@admin.register(ProviderReport)
class ProviderReportAdmin(admin.ModelAdmin):
    list_display = ["provider", "reason", "created_at", "resolved_at"]
    list_filter = ["reason", ("resolved_at", admin.EmptyFieldListFilter)]
    readonly_fields = [
        "provider",
        # Empty for a visitor who was not signed in, and for a deleted account alike.
        "reporter",
        "reason",
        "details",
        "created_at",
        actor_column(ProviderReport, "resolved_by", done_when="resolved_at"),
        "resolved_at",
    ]

    def has_add_permission(self, request) -> bool:
        # Reports come from seekers on a provider's page; every field here is read-only.
        return False
