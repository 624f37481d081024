from . import crm_lead
from . import helpdesk_ticket
from . import res_partner
