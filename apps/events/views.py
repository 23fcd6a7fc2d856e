from typing import cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView
from django.views.generic.detail import SingleObjectMixin

from apps.accounts.models import User
from apps.core.forms import formset_rows
from apps.core.mixins import SearchListMixin
from apps.core.review import ManageView, PublishableCreateView, PublishableUpdateView, Table
from apps.core.roles import is_curator
from apps.core.services import InvalidTransition
from apps.events.calendar import calendar_of, event_json_ld
from apps.events.forms import CancelForm, EventFilterForm, EventForm, MoveForm, QuestionFormSet
from apps.events.models import Event
from apps.events.selectors import event_detail_queryset, events_for, events_search
from apps.events.services import event_cancel, event_move, event_save, event_series_create
from apps.organizations.models import Organization
from apps.organizations.selectors import member_organization_ids, organizations_of

PAGE_SIZE = 20


class EventListView(SearchListMixin, ListView):
    """Upcoming events, soonest first, with the shared keyword search and the filters."""

    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = PAGE_SIZE
    filter_form_class = EventFilterForm

    def search(self, filters):
        return events_search(filters)

    def load(self, entries):
        return events_for(entries)


def map_link(event: Event) -> str:
    """A link that opens the address in the visitor's map app or site: no map is embedded,
    and nothing is loaded from elsewhere until they choose to follow it."""
    return "https://maps.google.com/?" + urlencode({"q": event.full_address})


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return event_detail_queryset(self.request.user)

    def get_context_data(self, **kwargs):
        event = self.object
        return super().get_context_data(
            event_json_ld=event_json_ld(event),
            map_url=map_link(event) if event.at_a_venue else "",
            **kwargs,
        )


class EventCalendarView(DetailView):
    """The event as an .ics file, to add to a calendar. Never the join link."""

    def get_queryset(self):
        return event_detail_queryset(self.request.user)

    def render_to_response(self, context, **response_kwargs):
        event = self.object
        response = HttpResponse(
            calendar_of([event], name=str(event)), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="camino-event-{event.pk}.ics"'
        return response


class EventFormMixin:
    """Creating and editing: the event's form with its questions, saved by event_save; a new
    event may be repeated as a series."""

    request: HttpRequest
    object: Event | None
    form_class: type[EventForm] | None = EventForm
    template_name: str | None = "events/event_form.html"
    kind = "events"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)  # type: ignore[misc]
        user = cast(User, self.request.user)  # the views require signing in
        organizations = (
            Organization.objects.filter(status=Organization.Status.ACTIVE)
            if is_curator(user)
            else organizations_of(user).filter(status=Organization.Status.ACTIVE)
        )
        form.fields["organization"].queryset = organizations
        return form

    def get_questions(self):
        instance = self.object if self.object is not None else Event()
        data = self.request.POST if self.request.method == "POST" else None
        return QuestionFormSet(data, instance=instance, prefix="questions")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("questions", self.get_questions())
        return super().get_context_data(**kwargs)  # type: ignore[misc]

    def post(self, request, *args, **kwargs):
        self.object = self.get_object() if kwargs.get("pk") else None  # type: ignore[attr-defined]
        form = self.get_form()
        questions = self.get_questions()
        if not (form.is_valid() and questions.is_valid()):
            return self.render_to_response(  # type: ignore[attr-defined]
                self.get_context_data(form=form, questions=questions)
            )
        return self.save(form, questions)

    def save(self, form, questions):
        creating = form.instance.pk is None
        kept, removed = formset_rows(questions)
        try:
            with transaction.atomic():
                event = event_save(
                    actor=self.request.user, event=form.instance, questions=kept,
                    removed_questions=removed,
                )  # fmt: skip
                if creating and form.cleaned_data.get("repeat"):
                    event_series_create(
                        actor=self.request.user, event=event,
                        every_weeks=form.cleaned_data["repeat"],
                        occurrences=form.cleaned_data["occurrences"],
                    )  # fmt: skip
        except ValidationError as error:
            form.add_error("occurrences", error)
            form.instance.pk = None if creating else form.instance.pk
            return self.render_to_response(  # type: ignore[attr-defined]
                self.get_context_data(form=form, questions=questions)
            )
        if creating:
            messages.success(
                self.request, _("Saved as a draft. Check how it looks, then send it for review.")
            )
        else:
            messages.success(self.request, _("Your changes are saved."))
        return HttpResponseRedirect(event.get_manage_url())


class EventCreateView(EventFormMixin, PublishableCreateView):
    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not is_curator(user) and not organizations_of(user).exists():
            messages.info(
                request,
                _("To post an event, register your organization first, or ask its staff to "
                  "add you."),
            )  # fmt: skip
            return HttpResponseRedirect(reverse("organizations:register"))
        return super().dispatch(request, *args, **kwargs)


class EventUpdateView(EventFormMixin, PublishableUpdateView):
    pass


class EventManageView(ManageView):
    """The shared manage page, with cancelling and moving once it is published."""

    kind = "events"

    def get_context_data(self, **kwargs):
        event = self.object
        changeable = event.is_public and not event.is_cancelled and not event.is_past
        return super().get_context_data(
            changeable=changeable,
            cancel_form=CancelForm() if changeable else None,
            **kwargs,
        )


class MyEventsView(LoginRequiredMixin, ListView):
    """The events of a partner's organizations, in every state, latest change first."""

    template_name = "events/event_mine.html"
    context_object_name = "events"
    paginate_by = PAGE_SIZE
    extra_context = {
        "table": Table(
            caption=gettext_lazy("My organizations' events"),
            headers=(
                gettext_lazy("Event"), gettext_lazy("When"), gettext_lazy("Organization"),
                gettext_lazy("Status"), gettext_lazy("Note from our staff"),
            ),
            row_template="events/includes/mine_row.html",
            empty=gettext_lazy("Your organizations have no events yet."),
        )
    }  # fmt: skip

    def get_queryset(self):
        user = cast(User, self.request.user)
        return (
            Event.objects.filter(organization__in=member_organization_ids(user))
            .select_related("organization")
            .order_by("-updated_at", "-id")
        )


class EventChangeMixin(LoginRequiredMixin, SingleObjectMixin):
    """Cancelling and moving: for the event's organization and curators (others get 404)."""

    request: HttpRequest

    def get_queryset(self):
        return Event.objects.managed_by(self.request.user).select_related("organization")

    def refused(self, event: Event):
        messages.error(self.request, _("That is no longer possible: its status has changed."))
        return HttpResponseRedirect(event.get_manage_url())


class EventCancelView(EventChangeMixin, FormView):
    form_class = CancelForm
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        event = cast(Event, self.object)
        try:
            event_cancel(actor=self.request.user, event=event, note=form.cleaned_data["note"])
        except (InvalidTransition, PermissionDenied):
            return self.refused(event)
        messages.success(self.request, _("The event is cancelled. People registered are told."))
        return HttpResponseRedirect(event.get_manage_url())

    def form_invalid(self, form):
        messages.error(self.request, _("Check the note: it is too long."))
        return HttpResponseRedirect(cast(Event, self.object).get_manage_url())


class EventMoveView(EventChangeMixin, FormView):
    """A new date and time for a published event."""

    form_class = MoveForm
    template_name = "events/event_move.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.object}

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.object, **kwargs)

    def form_valid(self, form):
        event = cast(Event, self.object)
        data = form.cleaned_data
        try:
            event_move(
                actor=self.request.user, event=event, starts_at=data["starts_at"],
                ends_at=data["ends_at"], note=data["note"],
            )  # fmt: skip
        except (InvalidTransition, PermissionDenied):
            return self.refused(event)
        except ValidationError as error:
            form.add_error("starts_at", error)
            return self.form_invalid(form)
        messages.success(self.request, _("The event has a new time. People registered are told."))
        return HttpResponseRedirect(event.get_manage_url())
