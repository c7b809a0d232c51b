"""Apps find each other one way: `coachready.core.hooks` asks every app's
AppConfig, and nothing else walks the app registry."""

from pathlib import Path

import pytest

from coachready.core import hooks

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
