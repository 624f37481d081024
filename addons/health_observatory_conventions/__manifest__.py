{
    "name": "Territorial Health - Observatory and Conventions",
    "summary": "A commune's form shows the conventions in force that cover it",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_observatory", "health_conventions"],
    "data": [
        "views/health_territory_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "health_observatory_conventions/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
