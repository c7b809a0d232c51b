"""URL map. Each app owns its own urls module; this file only mounts them."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from coachready.api.urls import api
from coachready.core.language import language_patterns
from coachready.core.views import sign_in_through_accounts

urlpatterns = [
    path("accounts/", include("allauth.urls")),
    # The CMS and Django admin sign in through allauth (and its second factor).
    path("cms/login/", sign_in_through_accounts),
    path("django-admin/login/", sign_in_through_accounts),
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("", include("coachready.core.urls")),
    path("", include("coachready.org.urls")),
    path("", include("coachready.certs.urls")),
    path("", include("coachready.teams.urls")),
    path("", include("coachready.training.urls")),
    path("", include("coachready.crosscert.urls")),
    path("", include("coachready.heading.urls")),
    path("", include("coachready.schoolyard.urls")),
    path("", include("coachready.notify.urls")),
    path("", include("coachready.imports.urls")),
    path("", include("coachready.passes.urls")),
    path("", include("coachready.field.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL + "images/", document_root=settings.MEDIA_ROOT / "images")

# A database that is down, read-only or full answers 503 with a page that
# says so instead of a bare 500 (see core.views.server_error).
handler500 = "coachready.core.views.server_error"

# The region's public website: the site's own views (the volunteer form,
# search, the sitemap), then Wagtail for every path not taken above, in each
# language under its prefix (/es/, /zh-hant/, /zh-hans/) and, without one, in
# the reader's language (coachready.core.language).
urlpatterns += language_patterns(
    path("", include("coachready.site.urls")),
    path("", include(wagtail_urls)),
)
