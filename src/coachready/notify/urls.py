from django.urls import path

from coachready.notify import views

app_name = "notify"
urlpatterns = [
    path("region/<int:number>/reminders/", views.reminders, name="reminders"),
    path("region/<int:number>/reminders/send/", views.send_reminders_now, name="send_reminders"),
    path("region/<int:number>/digest/", views.digest, name="digest"),
    path("region/<int:number>/mail/", views.mail, name="mail"),
    path("region/<int:number>/mail/<int:pk>/retry/", views.retry, name="retry"),
    path("my/notifications/", views.preferences, name="preferences"),
]
