from django.urls import path

from apps.certifications import plan_views

app_name = "certifications"

urlpatterns: list = [
    # A seeker's plan (plan_views): only its owner's, everything POST that changes it.
    path("plan/", plan_views.PlanView.as_view(), name="plan"),
    path("plan/print/", plan_views.PlanPrintView.as_view(), name="plan_print"),
    path("plan/<int:pk>/edit/", plan_views.PlanStepUpdateView.as_view(), name="plan_edit"),
    path("plan/<int:pk>/done/", plan_views.PlanStepCheckView.as_view(), name="plan_check"),
    path("plan/<int:pk>/move/", plan_views.PlanStepMoveView.as_view(), name="plan_move"),
    path("plan/<int:pk>/delete/", plan_views.PlanStepDeleteView.as_view(), name="plan_delete"),
    path("plan/add/<slug:kind>/<int:pk>/", plan_views.PlanAddView.as_view(), name="plan_add"),
]
