from django.urls import path

from coachready.certs.views import portal, readiness, records, verify

app_name = "certs"
urlpatterns = [
    path("my/", portal.checklist, name="checklist"),
    path("my/path/", portal.path, name="path"),
    path("my/upload/", portal.upload, name="upload"),
    path("my/history/", portal.history, name="history"),
    path("records/<int:pk>/evidence/", portal.evidence, name="evidence"),
    path("region/<int:number>/verify/", verify.queue, name="verify"),
    path("region/<int:number>/verify/<int:pk>/approve/", verify.approve, name="approve"),
    path("region/<int:number>/verify/<int:pk>/reject/", verify.reject, name="reject"),
    path("region/<int:number>/readiness/", readiness.dashboard, name="readiness"),
    path("region/<int:number>/compliance/", readiness.compliance_view, name="compliance"),
    path("region/<int:number>/people/<int:pk>/records/new/", records.manual_record, name="manual_record"),
    path("region/<int:number>/email/", records.email, name="email"),
]
