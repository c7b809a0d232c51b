from django.urls import path

from coachready.org import views, views_signup

app_name = "org"
urlpatterns = [
    path("region/", views.region_list, name="regions"),
    path("region/<int:number>/", views.region_overview, name="region"),
    path("region/<int:number>/people/", views.people, name="people"),
    path("region/<int:number>/roles/", views.roles, name="roles"),
    path("region/<int:number>/roles/<int:pk>/end/", views.end_role, name="end_role"),
    path("region/<int:number>/audit/", views.audit_log, name="audit"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("my/volunteer-record/", views_signup.volunteer_record, name="volunteer_record"),
]
