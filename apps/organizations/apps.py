from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "apps.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self):
        from apps.core.personal_data import declare
        from apps.core.services import audit_actions
        from apps.organizations.personal_data import ENTRIES

        declare(*ENTRIES)
        # What this app's services write to the audit log, for histories.
        audit_actions.register("request", _("Registration requested"))
        audit_actions.register("approve", _("Registration approved"))
        audit_actions.register("decline", _("Registration declined"))
        audit_actions.register("verify", _("Verified by staff"))
        audit_actions.register("add member", _("Member added"))
        audit_actions.register("suspend", _("Suspended by staff"))
        audit_actions.register("reinstate", _("Reinstated by staff"))
        audit_actions.register("invite", _("Colleague invited"))
        audit_actions.register("join", _("Joined by invitation"))
        audit_actions.register("cancel invitation", _("Invitation cancelled"))
        audit_actions.register("leave", _("Member left"))
        audit_actions.register("name lead", _("New lead named"))
        audit_actions.register("remove member", _("Member removed"))
