from django.contrib import admin

from apps.certifications.models import Credential, StateRule


# --- Credentials and their state rules: read here, written on staff's pages
# (credential_views.py), whose services keep the search entries and the audit log. ---
class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StateRuleInline(admin.TabularInline):
    model = StateRule
    extra = 0
    fields = ("state", "rule", "source_name", "checked_at", "checked_by")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Credential)
class CredentialAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "issuing_body", "published"]
    list_filter = ["published", "kind"]
    search_fields = ["name_es", "name_en", "issuing_body", "slug"]
    inlines = [StateRuleInline]


@admin.register(StateRule)
class StateRuleAdmin(ReadOnlyAdmin):
    list_display = ["credential", "state", "rule", "checked_at", "checked_by"]
    list_filter = ["state", "rule"]
    list_select_related = ["credential", "checked_by"]
    search_fields = ["credential__name_es", "credential__name_en"]
