from django.urls import path

from coachready.imports import views

app_name = "imports"
urlpatterns = [
    path("region/<int:number>/import/", views.upload, name="upload"),
    path("region/<int:number>/import/<int:pk>/", views.preview, name="preview"),
    path("region/<int:number>/import/<int:pk>/decide/", views.decide, name="decide"),
    path("region/<int:number>/import/<int:pk>/commit/", views.commit, name="commit"),
    path("region/<int:number>/import/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("region/<int:number>/export/", views.export_page, name="export"),
    path("region/<int:number>/export/<str:name>.<str:fmt>", views.export_region, name="export_file"),
    path("exports/", views.export_all_page, name="export_all"),
    path("exports/<str:name>.<str:fmt>", views.export_all, name="export_all_file"),
    path("imports/samples/<str:filename>", views.sample, name="sample"),
]
