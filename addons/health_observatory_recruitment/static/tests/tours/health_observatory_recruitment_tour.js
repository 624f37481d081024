import {registry} from "@web/core/registry";

/**
 * A recruitment officer opens a commune at risk and finds the toolbox
 * measures mobilised there: in its tab, then in the list behind its smart
 * button.
 */
registry.category("web_tour.tours").add("health_observatory_recruitment_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_widget_web_ribbon .ribbon",
            content: "The commune is at risk",
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link[name='observatory_measures']",
            content: "Open the toolbox measures mobilised there",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='health_measure_line_ids'] .o_data_row:contains(Tour Candidate)",
            content: "The measure of the candidate targeting the commune is listed",
        },
        {
            trigger: ".o_form_view button[name='action_health_view_measure_lines']:contains(1)",
            content: "Open the measures from the smart button",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(Tour Candidate)",
            content: "The measure is listed",
        },
    ],
});
