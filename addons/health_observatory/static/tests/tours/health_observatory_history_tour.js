import {registry} from "@web/core/registry";

/**
 * A programme officer follows a commune over time: its APL year by year on
 * its form and in a graph, then takes the snapshot of the month's indicators.
 */
registry.category("web_tour.tours").add("health_observatory_history_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_notebook .nav-link[name='observatory']",
            content: "Open the medical demography of the commune",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='health_apl_ids'] .o_data_row:nth-child(2)",
            content: "The APL of every year imported is listed",
        },
        {
            trigger: "button[name='action_health_view_apl_history']",
            content: "Open the graph of its APL over the years",
            run: "click",
        },
        {
            trigger: ".o_graph_renderer canvas",
            content: "The APL is drawn year by year",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_observatory.menu_observatory']",
            content: "Open the observatory menu",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='health_observatory.health_observatory_snapshot_menu']",
            content: "Open the evolution of the indicators",
            run: "click",
        },
        {
            trigger: ".o_switch_view.o_list",
            content: "Show the snapshots as a list",
            run: "click",
        },
        {
            trigger: "button[name='action_take_snapshot']",
            content: "Take the snapshot of this month",
            run: "click",
        },
        {
            trigger: ".o_data_row td:contains(History Département)",
            content: "The département's indicators of the month are kept",
        },
    ],
});
