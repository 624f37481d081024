from . import helpdesk_ticket_category
from . import helpdesk_ticket_team
from . import helpdesk_ticket
from . import res_partner
from . import health_indicator_measure
from . import health_overview_tile
