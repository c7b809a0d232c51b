from django.urls import path

from coachready.training.views import feeds, manage, mine, public

app_name = "training"
urlpatterns = [
    path("training/", public.calendar, name="calendar"),
    path("training/events/<int:pk>/", public.event_detail, name="event"),
    path("training/events/<int:pk>/enrol/", public.enrol_view, name="enrol"),
    path("training/events/<int:pk>/cancel/", public.cancel_view, name="cancel"),
    path("training/my/", mine.my_enrollments, name="my"),
    path("training/my/calendar-link/", mine.new_feed_link, name="my_feed_link"),
    path("training/feeds/region-<int:number>.ics", feeds.region_calendar, name="region_feed"),
    path("training/feeds/me/<str:token>.ics", feeds.my_calendar, name="my_feed"),
    path("region/<int:number>/training/", manage.event_list, name="manage_list"),
    path("region/<int:number>/training/new/", manage.event_new, name="manage_new"),
    path("region/<int:number>/training/<int:pk>/", manage.event_manage, name="manage_event"),
    path("region/<int:number>/training/<int:pk>/edit/", manage.event_edit, name="manage_edit"),
    path("region/<int:number>/training/<int:pk>/publish/", manage.event_publish, name="manage_publish"),
    path("region/<int:number>/training/<int:pk>/cancel/", manage.event_cancel, name="manage_cancel"),
    path("region/<int:number>/training/<int:pk>/complete/", manage.event_complete, name="manage_complete"),
    path("region/<int:number>/training/<int:pk>/sessions/new/", manage.session_form, name="session_new"),
    path("region/<int:number>/training/<int:pk>/sessions/<int:sid>/", manage.session_form, name="session_edit"),
    path("region/<int:number>/training/<int:pk>/sessions/<int:sid>/attendance/", manage.attendance,
         name="attendance"),
    path("region/<int:number>/training/<int:pk>/roster/", manage.roster, name="roster"),
    path("region/<int:number>/training/<int:pk>/roster/<int:eid>/cancel/", manage.roster_cancel,
         name="roster_cancel"),
]
