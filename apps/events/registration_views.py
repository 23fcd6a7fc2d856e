"""The pages of registering: the register form (also shown on the event's page), a person's
own events and calendar feed, and for the organizer and staff the list of people registered,
its CSV, a message to all of them and checking people in at the door."""

import csv
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.spreadsheets import spreadsheet_safe
from apps.events.models import (
    HOLDS_A_SEAT,
    CalendarFeed,
    Event,
    Registration,
    RegistrationStatus,
)
from apps.events.personal_calendar import personal_feed
from apps.events.registration_forms import (
    CheckInCodeForm,
    CheckInPersonForm,
    EventMessageForm,
    RegistrationForm,
)
from apps.events.registrations import (
    OfferGone,
    RegistrationRefused,
    UnknownCode,
    calendar_feed_of,
    calendar_feed_reset,
    event_message_send,
    offer_confirm,
    registration_cancel,
    registration_check_in,
    registration_create,
    registration_refusal,
)
from apps.events.selectors import place_in_line

S = RegistrationStatus


class RegisterView(LoginRequiredMixin, FormView):
    """GET: the event's questions; POST: register (or join the waiting list). An event that
    does not take registrations says why, and what was typed stays in the form."""

    request: AuthenticatedHttpRequest
    event: Event
    template_name = "events/register.html"
    form_class = RegistrationForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            # Published events only: a draft or an unknown id is a 404, a past or cancelled
            # one is refused with a message.
            self.event = get_object_or_404(
                Event.objects.published_any_date().select_related("organization"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "questions": list(self.event.questions.all())}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            event=self.event, refusal=registration_refusal(self.event), **kwargs
        )

    def form_valid(self, form):
        try:
            registration = registration_create(
                user=self.request.user, event=self.event, answers=form.answers(),
                share_name=form.cleaned_data["share_name"],
                share_email=form.cleaned_data["share_email"],
            )  # fmt: skip
        except RegistrationRefused as refused:
            messages.error(self.request, str(refused.message))
            return self.render_to_response(self.get_context_data(form=form))
        if registration.status == S.WAITING:
            messages.success(
                self.request,
                _("The event is full: you are number %(place)s on the waiting list. We will "
                  "email you if a seat is free for you.")
                % {"place": place_of(registration)},
            )  # fmt: skip
        else:
            messages.success(self.request, _("You are registered. See you there!"))
        return HttpResponseRedirect(self.event.get_absolute_url())


def place_of(registration: Registration) -> int:
    return Registration.objects.filter(
        event_id=registration.event_id, status=S.WAITING, position__lte=registration.position
    ).count()


class MyRegistrationsView(LoginRequiredMixin, ListView):
    """A person's registrations: upcoming first, with their place in line or the offer to
    confirm; past and cancelled ones after."""

    request: AuthenticatedHttpRequest
    template_name = "events/my_events.html"
    context_object_name = "registrations"
    paginate_by = 50

    def get_queryset(self):
        now = timezone.now()
        return (
            Registration.objects.filter(user=self.request.user)
            .select_related("event__organization")
            .annotate(place=place_in_line())
            .order_by(
                # Still to come first, soonest first; then the rest, latest first.
                ExpressionWrapper(
                    Q(event__ends_at__gt=now, status__in=[*HOLDS_A_SEAT, S.WAITING]),
                    output_field=BooleanField(),
                ).desc(),
                "event__starts_at", "pk",
            )
        )  # fmt: skip

    def get_context_data(self, **kwargs):
        feed = CalendarFeed.objects.filter(user=self.request.user).first()
        return super().get_context_data(
            feed_url=self.request.build_absolute_uri(feed.get_absolute_url()) if feed else "",
            **kwargs,
        )


class OwnRegistrationMixin(LoginRequiredMixin):
    """POST on one of the person's own registrations (anyone else's is a 404)."""

    request: AuthenticatedHttpRequest

    def registration(self, pk: int) -> Registration:
        return get_object_or_404(
            Registration.objects.select_related("event"), pk=pk, user=self.request.user
        )


class RegistrationCancelView(OwnRegistrationMixin, TemplateView):
    """GET: ask to confirm; POST: let the seat or the place in line go. One tap on a phone,
    next to other buttons, lost a place in line for good: joining again goes to the end."""

    request: AuthenticatedHttpRequest
    template_name = "events/registration_cancel.html"

    def get(self, request, *args, **kwargs):
        registration = self.registration(kwargs["pk"])
        if not registration.may_give_up:
            return HttpResponseRedirect(reverse("events:my_registrations"))
        if registration.status == S.WAITING:
            registration.place = place_of(registration)  # type: ignore[attr-defined]
        return self.render_to_response(self.get_context_data(registration=registration))

    def post(self, request, pk):
        registration = registration_cancel(user=request.user, registration=self.registration(pk))
        if registration.status == S.CANCELLED:
            messages.success(
                request,
                _("Cancelled. Thank you for letting someone else have your place."),
            )
        return HttpResponseRedirect(reverse("events:my_registrations"))


class OfferConfirmView(OwnRegistrationMixin, View):
    request: AuthenticatedHttpRequest
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            offer_confirm(user=request.user, registration=self.registration(pk))
        except OfferGone:
            messages.error(
                request, _("Sorry, this offer has ended and the seat went to the next person.")
            )
        else:
            messages.success(request, _("The seat is yours. See you there!"))
        return HttpResponseRedirect(reverse("events:my_registrations"))


class CalendarFeedView(View):
    """The person's calendar, at a secret address (no sign-in: calendar apps fetch it)."""

    def get(self, request, token):
        feed = get_object_or_404(CalendarFeed, token=token)
        response = HttpResponse(personal_feed(feed.user_id), content_type="text/calendar")
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response


class CalendarFeedCreateView(LoginRequiredMixin, View):
    """POST: make the person's calendar address, or with reset=1 a new one (the old one stops
    working)."""

    request: AuthenticatedHttpRequest
    http_method_names = ["post"]

    def post(self, request):
        if request.POST.get("reset"):
            calendar_feed_reset(user=request.user)
            messages.success(
                request, _("Your calendar has a new address. Add it to your calendar app again.")
            )
        else:
            calendar_feed_of(request.user)
        return HttpResponseRedirect(reverse("events:my_registrations") + "#calendar")


class OrganizerMixin(LoginRequiredMixin):
    """Pages of one event's registrations: for staff and its organization's members; for
    anyone else the event does not exist (404)."""

    request: AuthenticatedHttpRequest
    event: Event

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.event = get_object_or_404(
                Event.objects.managed_by(request.user).select_related("organization"),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)  # type: ignore[misc]


def registrations_of(event: Event):
    return (
        Registration.objects.filter(event=event)
        .exclude(status=S.CANCELLED)
        .select_related("user")
        .annotate(place=place_in_line())
        .order_by("status", "position", "created_at", "pk")
    )


def counts_of(event: Event) -> dict[str, int]:
    counted = dict(
        Registration.objects.filter(event=event)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    return {status: counted.get(status, 0) for status in S.values}


class RegistrationListView(OrganizerMixin, ListView):
    request: AuthenticatedHttpRequest
    template_name = "events/registrations.html"
    context_object_name = "registrations"
    paginate_by = 100

    def get_queryset(self):
        return registrations_of(self.event)

    def get_context_data(self, **kwargs):
        questions = list(self.event.questions.all())
        context = super().get_context_data(questions=questions, counts=counts_of(self.event),
                                           **kwargs)  # fmt: skip
        for registration in context["registrations"]:
            registration.answer_list = [
                registration.answers.get(str(question.pk), "") for question in questions
            ]
        return context


class RegistrationCSVView(OrganizerMixin, View):
    """The list as CSV: only what each person chose to share."""

    request: AuthenticatedHttpRequest

    def get(self, request, pk):
        questions = list(self.event.questions.all())
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="event-{self.event.pk}.csv"'
        response.write("\ufeff")  # spreadsheet programs then read it as UTF-8
        writer = csv.writer(response)
        writer.writerow([_("Name"), _("Email"), _("Status"), _("Place in line"),
                         _("Check-in code"), _("Registered"), _("Checked in"),
                         *(str(question) for question in questions)])  # fmt: skip
        for registration in registrations_of(self.event).iterator(chunk_size=1000):
            writer.writerow(
                [
                    spreadsheet_safe(registration.shown_name()),
                    spreadsheet_safe(registration.shown_email()),
                    registration.get_status_display(),
                    registration.place if registration.status == S.WAITING else "",
                    registration.code,
                    date_format(timezone.localtime(registration.created_at),
                                "SHORT_DATETIME_FORMAT"),
                    date_format(timezone.localtime(registration.checked_in_at),
                                "SHORT_DATETIME_FORMAT") if registration.checked_in_at else "",
                    *(spreadsheet_safe(registration.answers.get(str(question.pk), ""))
                      for question in questions),
                ]
            )  # fmt: skip
        return response


class EventMessageView(OrganizerMixin, FormView):
    request: AuthenticatedHttpRequest
    template_name = "events/message.html"
    form_class = EventMessageForm

    def form_valid(self, form):
        sent = event_message_send(
            actor=self.request.user, event=self.event,
            subject=form.cleaned_data["subject"], body=form.cleaned_data["body"],
        )  # fmt: skip
        messages.success(
            self.request, _("Your message is on its way to %(count)s people.") % {"count": sent}
        )
        return HttpResponseRedirect(reverse("events:registrations", args=[self.event.pk]))


class CheckInView(OrganizerMixin, TemplateView):
    """At the door, from a phone: search the people with a seat and tap to check one in, or
    type the code they show."""

    request: AuthenticatedHttpRequest

    template_name = "events/check_in.html"
    SHOWN = 50

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[:100]
        people = (
            Registration.objects.filter(event=self.event, status__in=[S.REGISTERED, S.ATTENDED])
            .select_related("user")
            .order_by("status", "created_at", "pk")
        )
        if query:
            people = people.filter(
                Q(code__iexact=query)
                | Q(share_name=True, user__display_name__icontains=query)
                | Q(share_email=True, user__email__icontains=query)
            )
        return super().get_context_data(
            query=query, people=people[: self.SHOWN], counts=counts_of(self.event),
            code_form=kwargs.pop("code_form", None) or CheckInCodeForm(), **kwargs,
        )  # fmt: skip

    def post(self, request, pk):
        code_form = None
        if "code" in request.POST:
            code_form = CheckInCodeForm(request.POST)
            if not code_form.is_valid():
                return self.render_to_response(self.get_context_data(code_form=code_form))
            found = {"code": code_form.cleaned_data["code"]}
        else:
            person_form = CheckInPersonForm(request.POST)
            if not person_form.is_valid():
                raise Http404  # not an id: an id of no one
            found = {"registration_id": person_form.cleaned_data["registration"]}
        try:
            registration = registration_check_in(actor=request.user, event=self.event, **found)
        except UnknownCode:
            if code_form is None:
                raise Http404 from None
            code_form.add_error("code", _("No one with a seat at this event has that code."))
            return self.render_to_response(self.get_context_data(code_form=code_form))
        messages.success(request, _("Checked in: %(name)s.") % {"name": registration.shown_name()})
        query = request.POST.get("q", "")
        url = reverse("events:check_in", args=[self.event.pk])
        return HttpResponseRedirect(f"{url}?{urlencode({'q': query})}" if query else url)
