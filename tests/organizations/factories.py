import factory

from apps.organizations.models import Membership, Organization


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")
    kind = Organization.Kind.EMPLOYER
    description_es = "Una organización de prueba."
    city = "Chicago"
    state = "IL"
    zip_code = "60629"
    status = Organization.Status.ACTIVE


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory("tests.accounts.factories.UserFactory")
    organization = factory.SubFactory(OrganizationFactory)
