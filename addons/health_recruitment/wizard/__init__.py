from . import health_recruitment_anonymize_wizard
from . import crm_lead_lost
from . import health_recruitment_installation_cost_summary
