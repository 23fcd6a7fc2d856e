"""The guided entry: plain questions for people who do not know the legal word for their
problem, each a link to the directory with the filters that answer it. One table, so every
question's filters are checked against the vocabulary (tests/legal/test_guided.py). Nothing
asks about status, and nothing answered is stored: a question is only a link."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from apps.legal.vocabulary import ServiceCode


@dataclass(frozen=True)
class Question:
    key: str
    text: str | Promise
    services: tuple[ServiceCode, ...]

    @property
    def query(self) -> str:
        return urlencode([("service", service.value) for service in self.services])

    @property
    def url(self) -> str:
        # Reversed when a page asks, not at import: the directory's URLs load after this.
        return f"{reverse('legal:directory')}?{self.query}"


QUESTIONS = (
    Question("not_paid", _("I was not paid for my work"), (ServiceCode.WAGE_THEFT,)),
    Question("hurt", _("I was hurt at work"), (ServiceCode.WORKPLACE_INJURY,)),
    Question("court_date", _("I have a court date"), (ServiceCode.REMOVAL_DEFENSE,)),
    Question("detained", _("Someone I love is detained"), (ServiceCode.DETAINED,)),
    Question("daca", _("I want to renew DACA"), (ServiceCode.DACA_RENEWAL,)),
    Question("work_permit", _("I want to apply for a work permit"), (ServiceCode.WORK_PERMIT,)),
    Question("eviction", _("My landlord wants to evict me"), (ServiceCode.TENANT_RIGHTS,)),
    Question("taxes", _("I need an ITIN or help with taxes"), (ServiceCode.ITIN_TAXES,)),
    Question("not_sure", _("I am not sure: I want a consultation"), (ServiceCode.CONSULTATION,)),
)
