{
    "name": "Territorial Health - Observatory",
    "summary": "Medical demography: GPs per commune, foresight of departures, "
    "open-data importers (RPPS, INSEE, DREES APL, ARS zoning), indicators and maps",
    "version": "18.0.1.1.0",
    "category": "Territorial Health",
    "website": "https://github.com/sante-territoriale/health-suite",
    "author": "Santé territoriale",
    "maintainers": ["sante-territoriale"],
    "license": "LGPL-3",
    "depends": ["health_base", "web_view_leaflet_map"],
    "external_dependencies": {"python": ["openpyxl"]},
    "data": [
        "security/health_observatory_security.xml",
        "security/ir.model.access.csv",
        "data/ir_config_parameter_data.xml",
        "data/ir_cron_data.xml",
        "views/health_observatory_menus.xml",
        "views/health_observatory_indicator_views.xml",
        "views/health_observatory_movement_views.xml",
        "views/res_partner_views.xml",
        "views/health_territory_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/health_observatory_import_views.xml",
        "views/health_observatory_apl_views.xml",
        "views/health_observatory_snapshot_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/health_observatory_apl_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "health_observatory/static/src/views/*",
        ],
        "web.assets_tests": [
            "health_observatory/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
