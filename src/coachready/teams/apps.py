from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "coachready.teams"
    label = "teams"
