from . import crm_lead, health_website_application, health_website_opportunity, res_partner
