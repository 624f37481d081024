{
    "name": "Territorial Health - Accounting",
    "summary": "Shared accounting set-up of the territorial health suite: "
    "the French chart of accounts of the programme's authority",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_base", "account", "l10n_fr_account"],
    "demo": ["demo/res_company_demo.xml", "demo/res_users_demo.xml"],
    "auto_install": True,
    "installable": True,
}
