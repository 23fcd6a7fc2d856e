"""Reads of credentials: the list's search of their entries, a page of cards, a
credential's page with its state rules, and staff's lists."""

from dataclasses import dataclass

from django.db.models import Count, F, Min, Prefetch, QuerySet

from apps.certifications.credential_filters import CredentialFilters
from apps.certifications.models import Credential, CredentialSearchEntry, StateRule
from apps.certifications.vocabulary import Format
from apps.core.i18n import choices_labels
from apps.core.roles import is_curator
from apps.core.search import entries_having, entries_order, entries_search, items_of
from apps.core.us import State
from apps.core.vocabulary import Category, SpokenLanguage, bit_of

SORTS = {
    "name": ["sort_name"],
    "cost": [F("total_cost").asc(nulls_last=True), "sort_name"],
}

# The entry column each rule filter reads.
RULE_COLUMNS = {
    "no_ssn": "states_open_or_taxid",
    "open": "states_open",
    "checked": "states_checked",
}

# A format asked for also finds credentials offered both ways.
FORMATS = {
    Format.ONLINE: (Format.ONLINE, Format.HYBRID),
    Format.IN_PERSON: (Format.IN_PERSON, Format.HYBRID),
    Format.HYBRID: (Format.HYBRID,),
}


def credentials_search(filters: CredentialFilters):
    """The entries of published credentials matching the filters, in the order asked for:
    one SQL query, whatever the number of credentials. credentials_for() loads a page."""
    entries = entries_search(CredentialSearchEntry.objects.all(), filters)
    if filters.category:
        entries = entries_having(entries, "categories", bit_of(filters.category, Category))
    if filters.state and filters.rule in RULE_COLUMNS:
        entries = entries_having(entries, RULE_COLUMNS[filters.rule], bit_of(filters.state, State))
    if filters.language:
        entries = entries_having(
            entries, "exam_languages", bit_of(filters.language, SpokenLanguage)
        )
    if filters.cost is not None:
        entries = entries.filter(total_cost__lte=filters.cost)
    if filters.format:
        entries = entries.filter(format__in=FORMATS.get(Format(filters.format), ()))
    return entries_order(entries, filters, SORTS)


# What a card reads of a credential (apps/certifications/templatetags/credentials.py).
CARD_FIELDS = [
    "id", "slug", "kind", "issuing_body", "exam_cost", "course_cost", "fees", "format",
    "exam_languages", "name_es", "name_en", "summary_es", "summary_en",
]  # fmt: skip


def credentials_for(entries, *, state: str = "") -> list[Credential]:
    """The credentials of some search entries, in their order, with what a card shows: one
    query, and one more for the chosen state's rules (`state_rules`, a list of none or one)."""
    credentials = Credential.objects.only(*CARD_FIELDS)
    if state:
        credentials = credentials.prefetch_related(
            Prefetch(
                "rules",
                queryset=StateRule.objects.filter(state=state).only(
                    "id", "credential_id", "state", "rule"
                ),
                to_attr="state_rules",
            )
        )
    return items_of(entries, credentials)


def credential_detail_queryset(user) -> QuerySet[Credential]:
    """Published credentials for everyone; every one for staff (a draft is a 404 for anyone
    else). Its rules come in one more query."""
    credentials = (
        Credential.objects.all() if is_curator(user) else Credential.objects.filter(published=True)
    )
    return credentials.prefetch_related(Prefetch("rules", queryset=StateRule.objects.all()))


@dataclass(frozen=True)
class RulesTable:
    """A credential's checked states, the visitor's first when they chose one, then by
    state name in the active language; `chosen_unchecked` when they chose a state staff have
    not checked."""

    rules: list[StateRule]
    chosen: str
    chosen_unchecked: bool
    unchecked_count: int


def rules_table(credential: Credential, chosen: str = "") -> RulesTable:
    labels = choices_labels(State)
    rules = sorted(
        credential.rules.all(),
        key=lambda rule: (rule.state != chosen, labels.get(rule.state, rule.state)),
    )
    checked = {rule.state for rule in rules}
    return RulesTable(
        rules=rules,
        chosen=chosen,
        chosen_unchecked=bool(chosen) and chosen not in checked,
        unchecked_count=len(State.values) - len(checked),
    )


def credentials_for_staff() -> QuerySet[Credential]:
    """Every credential with how many state rules it has and its oldest check, the longest
    unchecked first (never checked at the very top)."""
    return Credential.objects.annotate(
        rule_count=Count("rules"), oldest_check=Min("rules__checked_at")
    ).order_by(F("oldest_check").asc(nulls_first=True), "name", "pk")


def credential_rules_for_staff(credential: Credential) -> QuerySet[StateRule]:
    return credential.rules.select_related("checked_by").order_by("state")
