import { registry } from "@web/core/registry";

/** The programme officer attaches the annual report of a territory to its
 * committee's meeting from the territory's form, in French. */
registry.category("web_tour.tours").add("health_territory_annual_report_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name=action_health_annual_report]",
            content: "Open the territory's annual report",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=committee_id] input",
            content: "Choose the committee's meeting",
            run: "edit Comité territorial tour",
        },
        {
            trigger: ".ui-menu-item a:contains('Comité territorial tour')",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_attach]",
            content: "Attach the PDF and the spreadsheet to the meeting",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains('Comité territorial tour')",
            content: "The meeting is open",
        },
    ],
});
