from . import test_access
from . import test_candidacy
from . import test_ui
