from django.contrib import admin

from apps.notifications.models import Delivery


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["key", "recipient", "kind", "status", "attempts", "due_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["key", "recipient__email"]
    readonly_fields = [field.name for field in Delivery._meta.fields]

    def has_add_permission(self, request) -> bool:
        # Only the delivery log writes deliveries (with their key and recipient): a
        # delivery added by hand would have neither.
        return False
