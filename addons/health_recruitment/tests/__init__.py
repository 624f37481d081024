from . import test_access
from . import test_duplicates
from . import test_gdpr
from . import test_measures
from . import test_pipeline
from . import test_stage
from . import test_ui
