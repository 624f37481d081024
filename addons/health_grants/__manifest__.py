{
    "name": "Territorial Health - Grants",
    "summary": "Grants to internship supervisors (MSU) and interns, from the decision "
    "to the paid vendor bill: envelopes, installments, service fait, mandates, reclaims",
    "version": "18.0.2.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_base_account", "account", "analytic"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/health_grants_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/health_overview_data.xml",
        "views/health_grants_menus.xml",
        "views/health_grant_envelope_progress_views.xml",
        "views/health_grant_program_views.xml",
        "views/health_grant_views.xml",
        "views/health_grant_installment_views.xml",
        "views/account_move_views.xml",
        "wizard/health_grant_reclaim_wizard_views.xml",
        "wizard/health_grant_report_wizard_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/health_grant_program_demo.xml",
        "demo/health_grant_demo.xml",
        "demo/health_grant_overview_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "health_grants/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
