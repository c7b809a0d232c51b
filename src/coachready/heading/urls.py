from django.urls import path

from coachready.heading.views import practices, public, summary

app_name = "heading"
urlpatterns = [
    path("heading/", public.education, name="education"),
    path("heading/restart/", public.restart, name="restart"),
    path("heading/restart/field/<str:division>.svg", public.field_svg, name="field_svg"),
    path("heading/teams/", practices.my_teams, name="my_teams"),
    path("heading/teams/<int:team_id>/practices/", practices.team_log, name="team_log"),
    path("heading/teams/<int:team_id>/practices/new/", practices.log_practice, name="log_practice"),
    path("heading/teams/<int:team_id>/practices/<int:pk>/", practices.correct_practice, name="correct_practice"),
    path("heading/teams/<int:team_id>/players/", practices.add_player, name="add_player"),
    path("heading/teams/<int:team_id>/players/<int:pk>/retire/", practices.retire_player, name="retire_player"),
    path("region/<int:number>/heading/", summary.region_summary, name="region_summary"),
]
