"""What credentials and their state rules declare to the shared pieces, imported by
CertificationsConfig.ready() (models are loaded by then): the search entry, the stale queue
of state rules, and the navigation and home entries of the app."""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from apps.certifications.models import Credential, CredentialSearchEntry, StateRule
from apps.certifications.vocabulary import Benefit, StatusRule
from apps.core.curation import curation_reason_register, stale_reason
from apps.core.indexing import SearchType, search_type_register
from apps.core.registry import HomeEntry, NavigationEntry, home_entries, navigation
from apps.core.us import State
from apps.core.verification import CheckedType, checked_types
from apps.core.vocabulary import Category, SpokenLanguage, bits_of


def credential_columns(credential: Credential) -> dict:
    """The entry's filter columns. Its rules are read through `rules.all()`, so that
    reindexing many (a prefetch) reads them once."""
    rules = list(credential.rules.all())
    return {
        "kind": credential.kind,
        "categories": bits_of(credential.categories, Category),
        "exam_languages": bits_of(credential.exam_languages, SpokenLanguage),
        "format": credential.format,
        "total_cost": credential.total_cost,
        "states_checked": bits_of([rule.state for rule in rules], State),
        "states_open_or_taxid": bits_of([rule.state for rule in rules if rule.without_ssn], State),
        "states_open": bits_of(
            [rule.state for rule in rules if rule.rule == StatusRule.OPEN], State
        ),
        "sort_name": credential.name.lower()[:200],
        "benefit_rank": Benefit.values.index(credential.benefit),
    }


def credential_is_listed(credential: Credential) -> bool:
    return credential.published


def listed_credentials(credentials):
    return credentials.filter(published=True).prefetch_related("rules")


def rules_stale_after() -> timedelta:
    """How long a state rule stays fresh after staff check it (read when asked)."""
    return timedelta(days=round(settings.CERTIFICATIONS_RULES_STALE_AFTER_MONTHS * 365.25 / 12))


def rule_page(rule: StateRule) -> str:
    from django.urls import reverse

    return reverse("certifications:rule_edit", kwargs={"pk": rule.pk})


def rules_kept_checked(rules):
    """The rules of published credentials: a draft's rules are checked when it is published."""
    return rules.filter(credential__published=True)


def confirmed(rule: StateRule) -> None:
    from apps.certifications.credential_services import rule_confirmed

    rule_confirmed(rule)


RULES_CHECKED = CheckedType(
    model=StateRule,
    title=_("State rules of credentials"),
    checked_at="checked_at",
    checked_by="checked_by",
    stale_after=rules_stale_after,
    kept_checked=rules_kept_checked,
    after_confirm=confirmed,
    page_url=rule_page,
    select_related=("credential",),
)


def credentials_register() -> None:
    search_type_register(
        SearchType(
            entry=CredentialSearchEntry,
            title_fields=("name",),
            body_fields=("summary", "description", "occupations", "issuing_body"),
            columns=credential_columns,
            is_listed=credential_is_listed,
            listed=listed_credentials,
        )
    )
    checked_types.register("certifications-rules", RULES_CHECKED)
    curation_reason_register(stale_reason("certifications-rules"))
    navigation.register(
        "certifications",
        NavigationEntry(_("Training and credentials"), "certifications:credentials"),
    )
    home_entries.register(
        "certifications",
        HomeEntry(
            title=_("Training and credentials"),
            text=_(
                "Certifications and licenses that raise pay or open doors, what they cost, "
                "whether the exam is in Spanish, and which states let you get them without "
                "a Social Security number."
            ),
            url_name="certifications:credentials",
            link_label=_("Find a credential"),
        ),
    )
