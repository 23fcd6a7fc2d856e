from django.db import models
from django.db.models import F, Q

from apps.core.querysets import ReviewableQuerySet


class MentorQuerySet(ReviewableQuerySet):
    def owned_by(self, user):
        """A profile is its person's own: they write, submit and fix it."""
        return self.filter(user=user)

    def listed(self):
        """Who seekers see: approved, not paused, agreed to the code of conduct, with room
        for another mentee."""
        from apps.core.models import PublicationStatus

        return self.filter(
            status=PublicationStatus.PUBLISHED,
            pause="",
            conduct_agreed_at__isnull=False,
            active_mentees__lt=F("capacity"),
        )


class MatchQuerySet(models.QuerySet):
    def open(self):
        """Requested, proposed or active: a person has at most one with the same mentor."""
        return self.filter(status__in=("requested", "proposed", "active"))

    def open_as_mentee(self, user):
        """A person's open requests, proposals and matches as mentee. While one is open with a
        mentor, the person may not ask that mentor again nor be proposed to them, and the
        mentor is not suggested to them."""
        return self.open().filter(mentee=user)

    def of(self, user):
        """The matches a person is in, as mentee or as mentor; another's are not found."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(mentee=user) | Q(mentor__user=user))


class AskQuerySet(models.QuerySet):
    def of(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)
