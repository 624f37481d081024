from . import test_observatory_recruitment
from . import test_commune_measures
from . import test_ui
