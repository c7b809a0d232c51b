from django.urls import path

from coachready.passes import views

app_name = "passes"
urlpatterns = [
    path("passes/keys.json", views.keys_json, name="keys"),
    path("passes/revoked.json", views.revoked_json, name="revoked"),
    path("my/pass/", views.my_pass, name="mine"),
    path("my/pass/card/", views.card, name="card"),
]
