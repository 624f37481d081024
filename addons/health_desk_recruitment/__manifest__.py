{
    "name": "Territorial Health - One-stop Desk and Recruitment",
    "summary": "Open or update a candidacy from a desk request; a candidate's requests",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_desk", "health_recruitment"],
    "data": [
        "views/helpdesk_ticket_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
