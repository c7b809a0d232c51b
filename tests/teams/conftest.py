import pytest

from tests.certs.conftest import make_season


@pytest.fixture
def season(world):
    return make_season(world.region)
