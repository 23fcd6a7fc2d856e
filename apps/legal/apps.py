from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def provider_is_listed(provider) -> bool:
    """A provider has a search entry while public: published, verified within the year,
    and not a revision."""
    return provider.is_public


def listed_providers(providers):
    return providers.published()


def stale_period():
    """Due for another verification after LEGAL_STALE_AFTER_MONTHS: the same cut-off as the
    provider's `is_stale` and `Provider.objects.stale()` (read when asked)."""
    from django.utils import timezone

    from apps.legal.querysets import stale_before

    return timezone.now() - stale_before()


class LegalConfig(AppConfig):
    name = "apps.legal"
    label = "legal"
    verbose_name = _("Legal help")

    def ready(self):
        from django.urls import reverse

        from apps.core.curation import (
            curation_reason_register,
            reported_reason,
            review_reasons,
            stale_reason,
        )
        from apps.core.indexing import SearchType, search_type_register
        from apps.core.personal_data import declare
        from apps.core.publishable import PublishableType, publishable_types
        from apps.core.registry import (
            HomeEntry,
            NavigationEntry,
            PersonalSection,
            home_entries,
            navigation,
            personal_sections,
        )
        from apps.core.services import after_transition, audit_notes_register
        from apps.core.verification import CheckedType, checked_types
        from apps.legal.models import LegalSearchEntry, Provider, ReportReason, first_location_zip
        from apps.legal.my_camino import legal_section
        from apps.legal.personal_data import ENTRIES
        from apps.legal.services import provider_verified_again, revision_publish_apply
        from apps.legal.summary import LegalToCurate
        from apps.notifications.registry import summary_sections

        declare(*ENTRIES)
        personal_sections.register(
            "legal",
            PersonalSection(
                title=_("My reports about legal help"),
                template="legal/includes/my_camino_legal.html",
                load=legal_section, empty_url_name="legal:directory",
                empty_text=_("If a legal help provider's entry is wrong or you were cheated, "
                             "report it from its page."),
                empty_link_label=_("Find free legal help"),
            ),
        )  # fmt: skip
        search_type_register(
            SearchType(
                entry=LegalSearchEntry,
                title_fields=("name", "alternate_name"),
                body_fields=("description", "eligibility_description", "application_process"),
                columns=LegalSearchEntry.columns,
                location=first_location_zip,
                is_listed=provider_is_listed,
                listed=listed_providers,
            )
        )
        from apps.core.registry import OrganizationSection, organization_sections
        from apps.organizations.sections import OFFERED_TEMPLATE, Offered

        organization_sections.register(
            "legal",
            OrganizationSection(
                _("Legal services"),
                OFFERED_TEMPLATE,
                Offered("legal.Provider", ("listed",), ("-published_at", "pk")),
            ),
        )
        navigation.register("legal", NavigationEntry(_("Legal help"), "legal:directory"))
        home_entries.register(
            "legal",
            HomeEntry(
                title=_("Legal help you can trust"),
                text=_(
                    "Free and low-cost help with DACA, TPS, asylum, work permits, unpaid wages "
                    "and more, from nonprofits and attorneys Camino staff checked. Not notarios."
                ),
                url_name="legal:directory",
                link_label=_("Find legal help"),
            ),
        )
        publishable_types.register(
            "legal",
            PublishableType(
                # Listed until a year after staff last verified it (Provider.clean): verifying
                # again, not renewing, keeps it up.
                Provider, _("Legal help providers waiting for review"), renewable=False,
                notice_template="legal/email/provider_notice",
                manage_template="legal/provider_manage.html",
                preview_template="legal/includes/provider_preview.html",
                edit_url_name="legal:edit",
            ),
        )  # fmt: skip
        # Publishing a partner's changes makes them the public entry's.
        after_transition.register("legal_revision", revision_publish_apply)
        checked_types.register(
            "legal-providers",
            CheckedType(
                model=Provider, title=_("Legal help providers"),
                checked_at="verified_at", checked_by="verified_by",
                stale_after=stale_period,
                kept_checked=listed_providers,  # published entries, never revisions
                after_confirm=provider_verified_again,
                page_url=lambda provider: provider.get_manage_url(),
                select_related=("organization",),
            ),
        )  # fmt: skip
        curation_reason_register(
            *review_reasons("legal"),
            stale_reason("legal-providers"),
            reported_reason(Provider, url=lambda provider: reverse("legal:reports")),
        )
        summary_sections.register("legal", LegalToCurate)
        audit_notes_register("report", ReportReason)

        from apps.legal.guide_setup import guides_register

        guides_register()
        # Its reports are counted on curation's dashboard.
        from apps.core.dashboard import dashboard_declare
        from apps.legal.models import ProviderReport

        dashboard_declare(reports={"legal": ProviderReport})

        from apps.core.imports import import_resources
        from apps.legal.imports import RESOURCE

        import_resources.register("legal", RESOURCE)
