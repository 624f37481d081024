{
    "name": "Territorial Health - Conventions",
    "summary": "Partnership conventions: parties and deliberations, French duration "
    "rules, tacit renewal, amendments, Préfecture transmission, commitments, "
    "indicators and steering committees",
    "version": "18.0.2.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_base", "mail", "calendar"],
    "data": [
        "security/health_conventions_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/ir_config_parameter_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/health_convention_template_data.xml",
        "report/health_convention_report.xml",
        "wizard/health_convention_termination_views.xml",
        "wizard/health_convention_renewal_wizard_views.xml",
        "views/health_convention_menus.xml",
        "views/health_convention_views.xml",
        "views/health_convention_deadline_views.xml",
        "views/health_convention_party_views.xml",
        "views/health_convention_amendment_views.xml",
        "views/health_convention_indicator_views.xml",
        "views/health_convention_template_views.xml",
        "views/calendar_event_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/health_convention_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "health_conventions/static/tests/tours/*.js",
        ],
    },
    "application": False,
    "installable": True,
}
