from . import test_commune_conventions
from . import test_ui
