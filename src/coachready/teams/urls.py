from django.urls import path

from coachready.teams import views

app_name = "teams"
urlpatterns = [
    path("region/<int:number>/seasons/", views.seasons, name="seasons"),
    path("region/<int:number>/seasons/<int:pk>/", views.season_detail, name="season"),
    path("region/<int:number>/teams/<int:pk>/", views.team_detail, name="team"),
    path("region/<int:number>/teams/<int:team>/assignments/<int:pk>/end/", views.end_assignment,
         name="end_assignment"),
]
