"""The credential list's filters, typed: the search form produces them and the selectors
take them (as the job, event and legal searches do)."""

from dataclasses import dataclass

from apps.core.search import SearchFilters


@dataclass(frozen=True)
class CredentialFilters(SearchFilters):
    """Named as the list's URL parameters. `rule` applies to `state`: "no_ssn" (open or an
    ITIN accepted), "open" (open regardless of status) or "checked" (any rule staff
    checked); `cost` is the most the credential costs in all, in dollars."""

    default_sort = "name"

    category: str = ""
    kind: str = ""
    state: str = ""
    rule: str = ""
    language: str = ""
    cost: int | None = None
    format: str = ""

    def labels(self) -> dict[str, tuple[str, ...]]:
        """The values asked of each label column of the entries (CredentialSearchEntry)."""
        return {"kind": (self.kind,) if self.kind else ()}
