from django.apps import AppConfig


class CrosscertConfig(AppConfig):
    name = "coachready.crosscert"
    label = "crosscert"
