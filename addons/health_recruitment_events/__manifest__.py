{
    "name": "Territorial Health - Recruitment and Welcome Evenings",
    "summary": "Links the intern welcome evenings to the candidate-doctor pipeline: "
    "attendance opens a candidacy, evenings shown on the candidacy",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_recruitment", "health_events"],
    "data": [
        "views/event_type_views.xml",
        "views/event_registration_views.xml",
        "views/health_event_invitation_views.xml",
        "views/crm_lead_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "health_recruitment_events/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
