{
    "name": "Territorial Health - Welcome Evenings",
    "summary": "Intern welcome evenings each internship semester, on Odoo Events and "
    "Calendar: invitations, registrations, attendance, welcome kits, indicators",
    "version": "18.0.1.2.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_base", "event", "calendar"],
    "data": [
        "security/health_events_security.xml",
        "security/ir.model.access.csv",
        "data/event_type_data.xml",
        "data/health_overview_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/event_type_views.xml",
        "views/event_event_views.xml",
        "views/event_registration_views.xml",
        "views/health_event_invitation_views.xml",
        "views/health_event_invitation_templates.xml",
        "report/health_event_indicator_report_views.xml",
        "wizard/health_event_generate_views.xml",
        "views/health_events_menus.xml",
    ],
    "demo": [
        "demo/health_events_demo.xml",
        "demo/health_events_overview_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "health_events/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
