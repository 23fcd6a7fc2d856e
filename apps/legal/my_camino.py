"""Legal help's section of a person's My Camino page (apps.core.registry.personal_sections):
the reports they filed about providers (only staff read reports: the person sees that theirs
was sent and whether staff have handled it). Two queries however many they filed."""

from apps.legal.models import ProviderReport

SHOWN = 3


def legal_section(user) -> dict | None:
    reports = ProviderReport.objects.filter(reporter=user)
    count = reports.count()
    if not count:
        return None
    shown = list(reports.select_related("provider__organization")[:SHOWN])
    return {"count": count, "reports": shown}
