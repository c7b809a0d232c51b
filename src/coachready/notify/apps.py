from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "coachready.notify"
    label = "notify"
    verbose_name = "Reminders and email"
