from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def mentor_is_listed(profile) -> bool:
    """A mentor has a search entry while listed (MentorProfile.is_listed)."""
    return profile.is_listed


def listed_mentors(profiles):
    return profiles.listed()


def open_conduct_reports():
    """Conduct reports staff have not resolved, oldest first (the curation queue's)."""
    from django.db.models import F

    from apps.mentorship.models import MatchReport

    reports = MatchReport.objects.filter(resolved_at=None).annotate(since=F("created_at"))
    return reports.order_by("since", "pk")


class MentorshipConfig(AppConfig):
    name = "apps.mentorship"
    label = "mentorship"
    verbose_name = _("Mentorship")

    def ready(self):
        from django.urls import reverse

        from apps.core.curation import (
            CurationReason,
            Reason,
            curation_reason_register,
            review_reasons,
        )
        from apps.core.indexing import SearchType, ZipLocation, search_type_register
        from apps.core.personal_data import declare
        from apps.core.publishable import PublishableType, publishable_types
        from apps.core.registry import (
            HomeEntry,
            NavigationEntry,
            PersonalSection,
            category_sections,
            home_entries,
            navigation,
            personal_sections,
        )
        from apps.core.services import audit_actions, audit_notes_register
        from apps.mentorship.digest import NewMentors
        from apps.mentorship.emails import match_changed, match_left, match_message
        from apps.mentorship.models import (
            ConductReason,
            MatchReport,
            MentorProfile,
            MentorSearchEntry,
        )
        from apps.mentorship.my_camino import mentorship_section
        from apps.mentorship.personal_data import ENTRIES
        from apps.mentorship.session_emails import (
            mentoring_session_changed,
            mentoring_session_reminder,
        )
        from apps.mentorship.summary import MatchesToWatch, MentorApplications
        from apps.notifications.registry import (
            EmailTopic,
            digest_sections,
            email_kind_register,
            email_topics,
            summary_sections,
        )

        declare(*ENTRIES)
        personal_sections.register(
            "mentorship",
            PersonalSection(
                title=_("My mentoring"),
                template="mentorship/includes/my_camino_mentoring.html",
                load=mentorship_section, empty_url_name="mentorship:list",
                empty_text=_("A mentor who has walked the same road can help you plan."),
                empty_link_label=_("Find a mentor"),
            ),
        )  # fmt: skip

        # Mentors: applying, vetting, listing and finding them.
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
        # Mentor applications wait for review; conduct reports come first of all.
        curation_reason_register(
            *review_reasons("mentors"),
            CurationReason(
                Reason.REPORTED, model=MatchReport, items=open_conduct_reports,
                url=lambda report: reverse("mentorship:report", kwargs={"pk": report.pk}),
            ),
        )  # fmt: skip
        navigation.register("mentors", NavigationEntry(_("Mentors"), "mentorship:list"))
        navigation.register(
            "mentoring_dashboard",
            NavigationEntry(_("My mentoring"), "mentorship:dashboard", signed_in=True),
        )
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
        # A kind of work's career pathway shows its mentors.
        from apps.mentorship.pathway import SECTION as pathway_section

        category_sections.register("mentors", pathway_section)
        digest_sections.register("mentors", NewMentors)
        summary_sections.register("mentors", MentorApplications)

        # Matches: requests, answers, messages, feedback and conduct reports.
        summary_sections.register("mentorship_matches", MatchesToWatch)
        email_kind_register("match_changed", match_changed, _("News about a mentorship"))
        email_kind_register("match_message", match_message, _("A new message in a mentorship"))
        email_kind_register(
            "match_left", match_left, _("A mentorship ended: the other person left Camino")
        )

        # Sessions, with their reminders.
        email_kind_register(
            "mentoring_session_changed",
            mentoring_session_changed,
            _("A mentoring session proposed, confirmed, moved or cancelled"),
        )
        email_kind_register(
            "mentoring_session_reminder",
            mentoring_session_reminder,
            _("A reminder of a mentoring session"),
        )

        for topic, label, default in (
            ("mentor_notices", _("News about my application to mentor"), True),
            ("mentorship_matches", _("Requests, answers and changes in my mentoring matches"),
             True),
            ("mentorship_messages", _("New messages in my mentoring matches"), True),
            # Off by default: someone else may read a person's email on a shared phone.
            ("mentorship_message_text",
             _("Include the text of new mentoring messages in those emails"), False),
            ("mentoring_sessions", _("Mentoring sessions proposed, confirmed, moved or cancelled"),
             True),
            ("mentoring_reminders", _("Reminders a day and an hour before my mentoring sessions"),
             True),
        ):  # fmt: skip
            email_topics.register(topic, EmailTopic(label, default=default))

        for action, label in (
            ("agree to conduct", _("Agreed to the code of conduct")),
            ("pause", _("Paused by the mentor")),
            ("pause by staff", _("Paused by staff")),
            ("resume", _("Back on the list")),
            ("match request", _("Mentoring requested")),
            ("match propose", _("Mentoring match proposed")),
            ("match accept", _("Mentoring match accepted")),
            ("match decline", _("Mentoring request declined")),
            ("match cancel", _("Mentoring match cancelled")),
            ("match complete", _("Mentoring match completed")),
            ("match expire", _("Mentoring request expired")),
            ("match contact", _("Contact details shared changed")),
            ("match feedback", _("Feedback given")),
            ("match report", _("Conduct reported")),
            ("match pause", _("Match paused by staff")),
            ("match resume", _("Match resumed by staff")),
            ("match report resolve", _("Conduct report resolved")),
            ("match read by staff", _("Match read by staff (after a report)")),
            ("propose session", _("Mentoring session proposed")),
            ("confirm session", _("Mentoring session confirmed")),
            ("move session", _("Mentoring session moved")),
            ("cancel session", _("Mentoring session cancelled")),
        ):
            audit_actions.register(action, label)
        audit_notes_register("match report", ConductReason)
        # Its figures and its reports on curation's dashboard.
        from apps.core.dashboard import dashboard_declare
        from apps.mentorship.figures import FIGURES as dashboard_entries
        from apps.mentorship.models import MatchReport

        dashboard_declare(figures=dashboard_entries, reports={"mentorship": MatchReport})
