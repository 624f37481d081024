from . import health_recruitment_anonymize_wizard
from . import crm_lead_lost
