import {registry} from "@web/core/registry";

/**
 * A programme officer opens a commune at risk and finds the conventions that
 * cover it: in its tab, then in the list behind its smart button.
 */
registry.category("web_tour.tours").add("health_observatory_conventions_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_widget_web_ribbon .ribbon",
            content: "The commune is at risk",
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link[name='observatory_conventions']",
            content: "Open the conventions covering it",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='health_convention_ids'] .o_data_row:contains(Tour convention of the département)",
            content: "The département's convention covers the commune",
        },
        {
            trigger: ".o_form_view button[name='action_health_view_conventions']:contains(1)",
            content: "Open the conventions from the smart button",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(Tour convention of the département)",
            content: "The convention is listed",
        },
    ],
});
