from . import test_import_rpps
from . import test_import_open_data
from . import test_indicators
from . import test_gdpr_access
from . import test_ui
from . import test_overview
from . import test_map_contours
