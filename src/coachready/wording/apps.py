from django.apps import AppConfig


class WordingConfig(AppConfig):
    name = "coachready.wording"
    label = "wording"
    verbose_name = "Rule wording"
