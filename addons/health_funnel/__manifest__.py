{
    "name": "Territorial Health - Funnel across Apps",
    "summary": "From the welcome-evening invitation to the installed doctor: the "
    "funnel per territory and semester, with its conversion rates",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_recruitment", "health_events"],
    "data": [
        "security/ir.model.access.csv",
        "views/health_funnel_views.xml",
        "data/health_overview_data.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "health_funnel/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
