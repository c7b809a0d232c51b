from django.apps import AppConfig


class HeadingConfig(AppConfig):
    name = "coachready.heading"
    label = "heading"
