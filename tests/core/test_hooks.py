"""Apps find each other one way: `coachready.core.hooks` asks every app's
AppConfig, and nothing else walks the app registry."""

from pathlib import Path

import pytest

from coachready.core import hooks
from tests.factories import give_role

SRC = Path(hooks.__file__).resolve().parents[1]


def test_only_the_hooks_module_walks_the_app_registry():
    walkers = sorted(
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "get_app_configs" in path.read_text() or "import_module(f\"{config" in path.read_text()
    )
    assert walkers == ["core/hooks.py"]


@pytest.mark.parametrize(("person", "present", "absent"), [
    ("coach", {"My coaching"}, {"Region admin"}),
    ("rca", {"My coaching", "Region admin"}, set()),
])
def test_the_menu_gathers_every_apps_links_for_the_person(rf, world, person, present, absent):
    request = rf.get("/")
    request.user = getattr(world, person).user
    labels = [link.label for link in hooks.nav_links(request)]
    assert present <= set(labels) and not absent & set(labels)
    orders = [link.order for link in hooks.nav_links(request)]
    assert orders == sorted(orders)


def test_an_app_without_a_hook_contributes_nothing():
    assert hooks.providers("no_such_hook") == []
    assert hooks.providers("digest_sections")  # certs, crosscert, heading, teams, training answer


def test_each_product_app_with_demo_data_is_found():
    names = [module.__name__ for module in hooks.app_modules("demo")]
    assert "coachready.training.demo" in names and "coachready.core.demo" not in names


def _menu(client) -> str:
    html = client.get("/my/").content.decode()
    return html[html.index('<nav class="main-nav"'):html.index("</nav>")]


def test_a_signed_in_menu_is_kept_until_what_it_shows_changes(login, world):
    from coachready.org.models import RoleAssignment

    client = login(world.coach)
    assert "Region admin" not in _menu(client)
    # A role written past the signals (a hand fix) is not seen: the menu came from the cache.
    RoleAssignment.objects.bulk_create([RoleAssignment(person=world.coach, role="regional_coach_administrator",
                                                       region=world.region, start_on="2020-01-01")])
    assert "Region admin" not in _menu(client)
    RoleAssignment.objects.filter(person=world.coach).delete()
    give_role(world.coach, "regional_coach_administrator", region=world.region)
    assert "Region admin" in _menu(client)


def test_an_account_change_shows_in_that_persons_menu_at_once(login, world):
    client = login(world.coach)
    assert "Region admin" not in _menu(client)
    world.coach.user.is_superuser = True
    world.coach.user.save()
    assert "Region admin" in _menu(client)

