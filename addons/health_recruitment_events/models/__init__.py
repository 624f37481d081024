from . import crm_lead
from . import event_type
from . import event_registration
from . import health_event_invitation
