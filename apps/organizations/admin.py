from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from apps.core.personal_data import actor_column
from apps.organizations import services
from apps.organizations.models import Membership, Organization


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at"]


@admin.register(Organization)
class OrganizationAdmin(TranslationAdmin):
    list_display = ["name", "kind", "status", "verified_at", "city", "state"]
    list_filter = ["status", "kind", "state"]
    search_fields = ["name", "city"]
    # Shown read-only below, by actor_column.
    exclude = ["verified_by"]
    readonly_fields = [
        "status",
        "requested_by",
        actor_column(Organization, "verified_by", done_when="verified_at"),
        "verified_at",
        "created_at",
    ]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]
    actions = ["approve", "decline", "verify"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            services.organization_create(actor=request.user, organization=obj)

    @admin.action(description=_("Approve the selected registration requests"))
    def approve(self, request, queryset):
        for organization in queryset.filter(status=Organization.Status.PENDING):
            services.organization_decide(
                actor=request.user, organization=organization, approve=True
            )
        messages.success(request, _("Approved."))

    @admin.action(description=_("Decline the selected registration requests"))
    def decline(self, request, queryset):
        for organization in queryset.filter(status=Organization.Status.PENDING):
            services.organization_decide(
                actor=request.user, organization=organization, approve=False
            )
        messages.success(request, _("Declined."))

    @admin.action(description=_("Mark the selected organizations as verified"))
    def verify(self, request, queryset):
        for organization in queryset:
            services.organization_verify(actor=request.user, organization=organization)
        messages.success(request, _("Verified."))
