import factory
from allauth.account.models import EmailAddress

from apps.accounts.models import Language, User

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("first_name")
    preferred_language = Language.SPANISH
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Users can sign in only with a verified address; verified=False leaves it pending."""
        if create:
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )


class StaffFactory(UserFactory):
    is_staff = True


class CuratorFactory(StaffFactory):
    """Nonprofit staff in the Curators group, with the authenticator app staff must have."""

    @factory.post_generation
    def curator(self, create, extracted, **kwargs):
        from allauth.mfa.models import Authenticator
        from django.contrib.auth.models import Group

        from apps.core.roles import CURATORS_GROUP

        if create:
            self.groups.add(Group.objects.get(name=CURATORS_GROUP))
            Authenticator.objects.create(
                user=self, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
            )


class LeadCuratorFactory(CuratorFactory):
    """A curator who also assigns work to colleagues (the Lead curators group)."""

    @factory.post_generation
    def lead(self, create, extracted, **kwargs):
        from django.contrib.auth.models import Group

        from apps.core.roles import LEAD_CURATORS_GROUP

        if create:
            self.groups.add(Group.objects.get(name=LEAD_CURATORS_GROUP))
