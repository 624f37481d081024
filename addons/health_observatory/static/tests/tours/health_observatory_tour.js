import {registry} from "@web/core/registry";

/**
 * A programme officer loads the Deux-Sèvres sample files, opens the map of
 * expected departures, opens a commune at risk and finds its GPs.
 */
registry.category("web_tour.tours").add("health_observatory_tour", {
    url: "/odoo/action-health_observatory.health_observatory_indicator_action",
    steps: () => [
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_observatory.menu_observatory']",
            content: "Open the observatory menu",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='health_observatory.health_observatory_import_menu']",
            content: "Open the import of open data",
            run: "click",
        },
        {
            trigger: ".modal button[name='action_load_sample']",
            content: "Load the sample files shipped with the observatory",
            run: "click",
        },
        {
            trigger: ".modal .alert-success:contains(rpps_personne_activite_79_synthetic.txt)",
            content: "The files are imported",
        },
        {
            trigger: ".modal .modal-header .btn-close",
            content: "Close the wizard",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_observatory.menu_observatory']",
            content: "Open the observatory menu",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='health_observatory.health_observatory_indicator_menu_map_departures']",
            content: "Open the map of expected departures",
            run: "click",
        },
        {
            trigger: ".o_health_observatory_legend .o_health_observatory_swatch[data-colour='#d7301f']",
            content: "The legend explains the colours",
        },
        {
            trigger: "path.o_health_observatory_polygon[fill='#1a9850']",
            content: "The communes with an outline are drawn as polygons, green without expected departures",
        },
        {
            // a commune without outline is a circle at its centre, drawn above the outlines
            trigger:
                "path.o_health_observatory_polygon ~ path.o_health_observatory_circle[fill='#d7301f']",
            content: "Open a commune where half of the GPs or more may leave",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='risk_reasons']:not(:empty)",
            content: "The commune is at risk, and the form says why",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='territory_id'] a",
            content: "Open the commune",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link[name='observatory']",
            content: "Open its medical demography",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='health_gp_ids'] .o_data_row",
            content: "Its GPs are listed",
        },
    ],
});
