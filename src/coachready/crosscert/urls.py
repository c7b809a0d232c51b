from django.urls import path

from coachready.crosscert import views

app_name = "crosscert"
urlpatterns = [
    path("crosscert/", views.mine, name="mine"),
    path("crosscert/apply/", views.apply, name="apply"),
    path("crosscert/queue/", views.queue, name="queue"),
    path("crosscert/<int:pk>/", views.detail, name="detail"),
    path("crosscert/<int:pk>/edit/", views.edit, name="edit"),
    path("crosscert/<int:pk>/act/", views.act, name="act"),
    path("crosscert/<int:pk>/scan/", views.scan, name="scan"),
]
