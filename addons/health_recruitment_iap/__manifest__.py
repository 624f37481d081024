{
    "name": "Territorial Health - Recruitment without Lead Enrichment",
    "summary": "Keeps doctors' candidacies out of Odoo's lead enrichment and lead "
    "generation services (IAP)",
    "version": "18.0.1.1.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_recruitment", "crm_iap_enrich", "crm_iap_mine"],
    "data": ["views/crm_lead_views.xml"],
    "auto_install": True,
    "installable": True,
}
