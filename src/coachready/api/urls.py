from ninja import NinjaAPI

api = NinjaAPI(title="CoachReady API", version="1", urls_namespace="api")


@api.get("/health")
def health(request):
    return {"status": "ok"}
