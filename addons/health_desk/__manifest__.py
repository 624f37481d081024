{
    "name": "Territorial Health - One-stop Desk",
    "summary": "Single welcome desk for students and health professionals on OCA "
    "Helpdesk: public form, e-mail alias, phone and walk-in entry, categories with "
    "target times in working days, transfer to partner institutions, indicators",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": [
        "health_base",
        "helpdesk_mgmt",
        "helpdesk_mgmt_crm",
        "website",
        "website_altcha",
    ],
    "data": [
        "security/health_desk_security.xml",
        "security/ir.model.access.csv",
        "data/helpdesk_data.xml",
        "data/helpdesk_category_data.xml",
        "data/mail_template_data.xml",
        "data/health_overview_data.xml",
        "data/health_indicator_measure_data.xml",
        "wizard/health_desk_transfer_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_category_views.xml",
        "views/website_templates.xml",
        "views/health_desk_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/helpdesk_ticket_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "health_desk/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
