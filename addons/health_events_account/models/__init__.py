from . import event_event
from . import account_move
