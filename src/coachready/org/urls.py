from django.urls import path

from coachready.org import privacy_views, views, views_language, views_signup

app_name = "org"
urlpatterns = [
    path("region/", views.region_list, name="regions"),
    path("region/<int:number>/", views.region_overview, name="region"),
    path("region/<int:number>/people/", views.people, name="people"),
    path("region/<int:number>/roles/", views.roles, name="roles"),
    path("region/<int:number>/roles/<int:pk>/end/", views.end_role, name="end_role"),
    path("region/<int:number>/audit/", views.audit_log, name="audit"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("people/<int:pk>/privacy/", privacy_views.privacy, name="privacy"),
    path("people/<int:pk>/privacy/export/", privacy_views.privacy_export, name="privacy_export"),
    path("people/<int:pk>/privacy/erase/", privacy_views.privacy_erase, name="privacy_erase"),
    path("region/<int:number>/retention/", privacy_views.retention, name="retention"),
    path("my/language/", views_language.my_language, name="my_language"),
    path("my/data/", privacy_views.my_data, name="my_data"),
    path("my/volunteer-record/", views_signup.volunteer_record, name="volunteer_record"),
]
