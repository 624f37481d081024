from . import test_funnel
from . import test_ui
