import { registry } from "@web/core/registry";

/**
 * A doctor who is not logged in finds an opportunity on the map of the
 * public site (in French) and applies with consent.
 */
registry.category("web_tour.tours").add("health_website_visitor_tour", {
    url: "/opportunites",
    steps: () => [
        {
            trigger: "h1:contains('Opportunités')",
            content: "The list of opportunities is in French",
        },
        {
            trigger: "svg.o_health_map a.o_health_map_marker[data-commune='Alpha-le-Haut']",
            content: "Choose the commune on the map",
            run: "click",
        },
        {
            trigger: ".o_health_opportunity_card a:contains('Cabinet à reprendre à Alpha')",
            content: "Open the opportunity",
            run: "click",
        },
        {
            trigger: "h2:contains('Candidater')",
            content: "The application form of the opportunity",
        },
        {
            trigger: "#health_name",
            run: "edit Zoé Visiteuse",
        },
        {
            trigger: "#health_email",
            run: "edit zoe.visiteuse@example.fr",
        },
        {
            trigger: "#health_candidate_type",
            run: "select locum",
        },
        {
            trigger: "input[name='measure_ids'][data-code='FA1']",
            content: "Ask for a measure",
            run: "click",
        },
        {
            trigger: "#health_consent",
            content: "Give consent",
            run: "click",
        },
        {
            trigger: ".o_health_application_form button[type='submit']",
            content: "Send the application",
            run: "click",
        },
        {
            trigger: "h1:contains('Merci')",
            content: "The application is sent",
        },
    ],
});

/**
 * The officer publishes a draft opportunity, then sees who applied to a
 * published one, with the source and campaign of the candidacy.
 */
registry.category("web_tour.tours").add("health_website_officer_tour", {
    url: "/odoo/action-health_website.health_website_opportunity_action",
    steps: () => [
        {
            trigger: ".o_switch_view.o_list",
            content: "Switch to the list",
            run: "click",
        },
        {
            trigger: ".o_data_row td:contains('Tour brouillon')",
            content: "Open the draft",
            run: "click",
        },
        {
            trigger: "button[name='action_publish']",
            content: "Publish it",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Publiée')",
            content: "It is published",
        },
        {
            trigger: ".o_breadcrumb a:contains('Opportunités')",
            content: "Back to the list",
            run: "click",
        },
        {
            trigger: ".o_data_row td:contains('Cabinet à reprendre à Alpha')",
            content: "Open the opportunity that received an application",
            run: "click",
        },
        {
            trigger: "button[name='action_view_applications']",
            content: "Who applied",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Jeanne Martin') td[name='campaign_id']:contains('Congrès MG 2027')",
            content: "The candidacy keeps the campaign of the congress",
        },
        {
            trigger: ".o_data_row:contains('Jeanne Martin') td[name='source_id']:contains('Stand de congrès')",
            content: "and its source",
        },
    ],
});
