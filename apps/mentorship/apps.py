from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def mentor_is_listed(profile) -> bool:
    """A mentor has a search entry while listed (MentorProfile.is_listed)."""
    return profile.is_listed


def listed_mentors(profiles):
    return profiles.listed()


class MentorshipConfig(AppConfig):
    name = "apps.mentorship"
    label = "mentorship"
    verbose_name = _("Mentorship")

    def ready(self):
        from apps.core.indexing import SearchType, ZipLocation, search_type_register
        from apps.core.personal_data import declare
        from apps.core.publishable import PublishableType, publishable_types
        from apps.core.registry import HomeEntry, NavigationEntry, home_entries, navigation
        from apps.core.services import audit_actions
        from apps.mentorship.digest import NewMentors
        from apps.mentorship.models import MentorProfile, MentorSearchEntry
        from apps.mentorship.personal_data import ENTRIES
        from apps.mentorship.summary import MentorApplications
        from apps.notifications.registry import (
            EmailTopic,
            digest_sections,
            email_topics,
            summary_sections,
        )

        declare(*ENTRIES)
        search_type_register(
            SearchType(
                entry=MentorSearchEntry,
                title_fields=("headline", "occupations"),
                body_fields=("helps_with", "skills", "story", "own_path"),
                columns=MentorSearchEntry.columns,
                location=ZipLocation("zip_code"),
                is_listed=mentor_is_listed,
                listed=listed_mentors,
            )
        )
        publishable_types.register(
            "mentors",
            PublishableType(
                # Its own pages apply and edit (the code of conduct): core's have no form.
                MentorProfile, _("Mentor applications waiting for review"),
                preview_template="mentorship/includes/mentor_preview.html",
                manage_template="mentorship/mentor_manage.html",
                edit_url_name="mentorship:apply_edit", renewable=False,
                actions=frozenset({"submit", "publish", "reject", "refuse", "retire"}),
                wording={
                    "publish": (_("Approved"), _("Approve")),
                    "reject": (_("Changes asked for"), _("Ask for changes with this note")),
                    "refuse": (_("Application declined"), _("Decline with this note")),
                    "retire": (_("Retired"), _("Retire this mentor")),
                },
                notice_template="mentorship/email/mentor_status",
                notice_topic="mentor_notices",
            ),
        )  # fmt: skip
        navigation.register("mentors", NavigationEntry(_("Mentors"), "mentorship:list"))
        home_entries.register(
            "mentors",
            HomeEntry(
                title=_("A mentor who has been there"),
                text=_(
                    "People who found their way in a trade or a profession help you find "
                    "yours, in Spanish or English, online, by phone or in person. Free."
                ),
                url_name="mentorship:ask",
                link_label=_("Find a mentor"),
            ),
        )
        email_topics.register(
            "mentor_notices",
            EmailTopic(_("News about my application to mentor"), default=True),
        )
        digest_sections.register("mentors", NewMentors)
        summary_sections.register("mentors", MentorApplications)
        for action, label in (
            ("agree to conduct", _("Agreed to the code of conduct")),
            ("pause", _("Paused by the mentor")),
            ("pause by staff", _("Paused by staff")),
            ("resume", _("Back on the list")),
        ):
            audit_actions.register(action, label)
