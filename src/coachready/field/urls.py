from django.urls import path

from coachready.field import views

app_name = "field"
urlpatterns = [
    path("field/", views.kit, name="kit"),
    # The worker sits in /field/ so its scope is the kit and nothing else.
    path("field/sw.js", views.service_worker, name="sw"),
    path("field/manifest.webmanifest", views.manifest, name="manifest"),
    path("field/policy.json", views.policy_json, name="policy"),
    path("field/mine.json", views.mine_json, name="mine"),
    path("field/practices/", views.practices, name="practices"),
]
