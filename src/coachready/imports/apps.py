from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "coachready.imports"
    label = "imports"
