from django.urls import path

from coachready.schoolyard import views

app_name = "schoolyard"
urlpatterns = [
    path("schoolyard/", views.curriculum, name="curriculum"),
    path("schoolyard/weeks/<int:n>/", views.week, name="week"),
    path("schoolyard/print/", views.print_all, name="print_all"),
    path("schoolyard/plans/", views.plan_list, name="plans"),
    path("schoolyard/plans/new/", views.plan_new, name="plan_new"),
    path("schoolyard/plans/<int:pk>/", views.plan_detail, name="plan"),
    path("schoolyard/plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("schoolyard/plans/<int:pk>/repeat/", views.plan_repeat, name="plan_repeat"),
    path("schoolyard/plans/<int:pk>/repeat/<int:week>/drop/", views.plan_drop_repeat, name="plan_drop_repeat"),
    path("schoolyard/plans/<int:pk>/sessions/<int:number>/", views.session_mark, name="session_mark"),
    path("schoolyard/plans/<int:pk>/print/", views.plan_print, name="plan_print"),
    path("schoolyard/plans/<int:pk>/plan.ics", views.plan_ics, name="plan_ics"),
]
