from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "coachready.api"
    label = "api"
