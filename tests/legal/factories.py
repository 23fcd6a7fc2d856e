import factory
from django.utils import timezone

from apps.legal.models import Guide, GuideTopic
from tests.accounts.factories import CuratorFactory


class GuideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guide

    title_es = factory.Sequence(lambda n: f"Sus derechos en el trabajo {n}")
    title_en = factory.Sequence(lambda n: f"Your rights at work {n}")
    summary_es = "Las leyes de salario protegen a todos los trabajadores."
    summary_en = "Wage laws protect every worker."
    body_es = "## Le deben pagar\n\nLe deben pagar **todas** las horas."
    body_en = "## You must be paid\n\nYou must be paid for **all** your hours."
    topic = GuideTopic.WORK
    slug = factory.Sequence(lambda n: f"rights-at-work-{n}")
    published = True
    reviewed_at = factory.LazyFunction(timezone.now)
    reviewed_by = factory.SubFactory(CuratorFactory)
