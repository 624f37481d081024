import { registry } from "@web/core/registry";

/**
 * The head of service lands on the overview after login: the sections are in
 * French, the semester's funnel is there, and its figure opens the funnel.
 */
registry.category("web_tour.tours").add("health_overview_tour", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_kanban_group .o_column_title:contains('Ce semestre')",
            content: "The overview is the landing page, in French",
        },
        {
            trigger: ".o_kanban_group .o_column_title:contains('Alertes')",
            content: "The alerts have their column",
        },
        {
            trigger: ".o_kanban_record:contains('Semestre de stage')",
            content: "The internship semester is shown",
        },
        {
            trigger: ".o_kanban_record:contains('Invités venus à une soirée'):contains('inscrits')",
            content: "The semester's funnel is shown with its steps",
        },
        {
            trigger: ".o_kanban_record:contains('Invités venus à une soirée')",
            content: "Open the records behind the figure",
            run: "click",
        },
        {
            trigger: ".o_pivot",
            content: "The funnel opens as a pivot table",
        },
        {
            trigger: ".breadcrumb-item:contains('Vue d')",
            content: "Back to the overview",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Candidatures sans activité')",
            content: "The page is back",
        },
    ],
});
