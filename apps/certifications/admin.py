from django.contrib import admin
from django.db import transaction
from modeltranslation.admin import TranslationAdmin

from apps.certifications.credential_services import credential_save, rule_remove
from apps.certifications.models import Credential, StateRule
from apps.core.pagecache import pages_changed
from apps.core.personal_data import actor_column


# --- Credentials and their state rules. Staff keep them on their own pages
# (credential_views.py); here every save and removal goes through the same services, which
# keep the search entries, the cached pages and the audit log in step. ---
class StateRuleInline(admin.TabularInline):
    """Rules are read here: writing one is checking it at its source (the staff pages)."""

    model = StateRule
    extra = 0
    fields = ("state", "rule", "source_name", "checked_at")
    readonly_fields = (*fields, actor_column(StateRule, "checked_by", done_when="checked_at"))

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Credential)
class CredentialAdmin(TranslationAdmin):
    list_display = ["name", "kind", "issuing_body", "published"]
    list_filter = ["published", "kind"]
    search_fields = ["name_es", "name_en", "issuing_body", "slug"]
    readonly_fields = ["published_at"]
    inlines = [StateRuleInline]

    def save_model(self, request, obj, form, change):
        credential_save(actor=request.user, credential=obj)

    def delete_model(self, request, obj):
        with transaction.atomic():
            super().delete_model(request, obj)
            pages_changed(Credential)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            super().delete_queryset(request, queryset)
            pages_changed(Credential)


@admin.register(StateRule)
class StateRuleAdmin(admin.ModelAdmin):
    list_display = ["credential", "state", "rule", "checked_at"]
    list_filter = ["state", "rule"]
    list_select_related = ["credential"]
    search_fields = ["credential__name_es", "credential__name_en"]
    exclude = ["checked_by"]
    readonly_fields = [actor_column(StateRule, "checked_by", done_when="checked_at")]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def delete_model(self, request, obj):
        rule_remove(actor=request.user, rule=obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for rule in queryset.select_related("credential"):
                rule_remove(actor=request.user, rule=rule)
