{
    "name": "Territorial Health - Grants by SEPA Transfer",
    "summary": "Pay grant installments with a SEPA credit-transfer file "
    "through OCA's payment orders",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_grants", "account_banking_sepa_credit_transfer"],
    "data": [
        "data/ir_actions_server_data.xml",
        "views/health_grant_installment_views.xml",
    ],
    "demo": [
        "demo/account_payment_mode_demo.xml",
    ],
    "installable": True,
    "auto_install": False,
}
