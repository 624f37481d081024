from . import event_event
from . import account_move
from . import health_overview_tile
