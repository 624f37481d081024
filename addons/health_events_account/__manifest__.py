{
    "name": "Territorial Health - Welcome Evenings Accounting",
    "summary": "Costs of the intern welcome evenings: vendor bills charged to the "
    "evening's analytic account, cost per participant",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_events", "account", "health_base_account"],
    "data": [
        "security/ir.model.access.csv",
        "data/account_analytic_plan_data.xml",
        "views/event_event_views.xml",
    ],
    "demo": [
        "demo/health_events_account_demo.xml",
    ],
    "auto_install": True,
    "installable": True,
}
