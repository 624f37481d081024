from . import crm_lead
