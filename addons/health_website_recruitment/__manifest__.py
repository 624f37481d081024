{
    "name": "Territorial Health - Website Applications in the Pipeline",
    "summary": "Applications sent from the public site become candidacies of the "
    "recruitment pipeline, with their opportunity, measures, consent and campaign",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_website", "health_recruitment"],
    "data": [
        "data/mail_template_data.xml",
        "views/crm_lead_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "health_website_recruitment/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
