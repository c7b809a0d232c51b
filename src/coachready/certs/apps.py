from django.apps import AppConfig


class CertsConfig(AppConfig):
    name = "coachready.certs"
    label = "certs"
