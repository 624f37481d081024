{
    "name": "Territorial Health - Public Website",
    "summary": "Public site for doctors: practice opportunities on a map, the "
    "territory's pages, the personal support path and the application forms",
    "version": "18.0.1.0.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "AGPL-3",
    "depends": ["health_base", "website"],
    "data": [
        "security/health_website_security.xml",
        "security/ir.model.access.csv",
        "data/ir_config_parameter_data.xml",
        "data/website_menu_data.xml",
        "views/health_website_opportunity_views.xml",
        "views/website_templates.xml",
        "views/website_form_templates.xml",
    ],
    "demo": ["demo/health_website_demo.xml"],
    "assets": {
        "web.assets_frontend": [
            "health_website/static/src/scss/health_website.scss",
        ],
    },
    "installable": True,
}
