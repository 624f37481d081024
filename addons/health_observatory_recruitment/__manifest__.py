{
    "name": "Territorial Health - Observatory and Recruitment",
    "summary": "Candidacies prioritised by the communes at risk they target; a commune "
    "shows the candidacies that target it and the toolbox measures mobilised there",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_observatory", "health_recruitment"],
    "data": [
        "views/crm_lead_views.xml",
        "views/health_territory_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "health_observatory_recruitment/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
