{
    "name": "Territorial Health - Recruitment without Lead Enrichment",
    "summary": "Keeps doctors' candidacies out of Odoo's lead enrichment service (IAP)",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_recruitment", "crm_iap_enrich"],
    "auto_install": True,
    "installable": True,
}
