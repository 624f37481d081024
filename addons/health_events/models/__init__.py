from . import event_type
from . import event_event
from . import event_registration
from . import health_event_invitation
from . import health_event_kit_line
from . import health_overview_tile
from . import health_indicator_measure
