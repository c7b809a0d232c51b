from django.urls import path

from coachready.site.sitemap import sitemap
from coachready.site.views import contact, inbox, search

app_name = "site"
urlpatterns = [
    path("volunteer/", contact.volunteer, name="volunteer"),
    path("search/", search.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("region/<int:number>/inbox/", inbox.inbox, name="inbox"),
    path("region/<int:number>/inbox/<int:pk>/", inbox.message_detail, name="inbox_message"),
    path("region/<int:number>/inbox/<int:pk>/handled/", inbox.message_handled, name="inbox_message_handled"),
    path("region/<int:number>/inbox/interest/<int:pk>/", inbox.interest_detail, name="inbox_interest"),
    path(
        "region/<int:number>/inbox/interest/<int:pk>/handled/", inbox.interest_handled, name="inbox_interest_handled"
    ),
]
