from django.urls import path

from coachready.core import views

app_name = "core"
urlpatterns = [
    path("app/", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("livez", views.livez, name="livez"),
    path("language/", views.choose_language, name="language"),
    path("favicon.ico", views.favicon, name="favicon"),
]
