import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/**
 * At the door of a welcome evening, an officer of both recruitment and
 * welcome evenings marks an intern present: the intern gets a candidacy,
 * shown on the check-in list; the candidacy shows the evening.
 */
registry.category("web_tour.tours").add("health_recruitment_events_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='health_base.menu_health_root']",
            content: "Open Territorial Health",
            run: "click",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_events.menu_health_events']",
            content: "Open the welcome evenings menu",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='health_events.event_registration_menu_health_checkin']",
            content: "Open the check-in list",
            run: "click",
        },
        {
            trigger: ".o_list_renderer th[data-name=health_candidacy_id]",
            content: "The check-in list shows the open candidacies",
        },
        {
            trigger: ".o_data_row:contains('Tour Interne Glue') button.o_health_mark_attended",
            content: "The intern is here",
            run: "click",
        },
        {
            trigger:
                ".o_data_row:contains('Tour Interne Glue') td[name=health_candidacy_id]:contains('Candidature de Tour Interne Glue')",
            content: "Her attendance opened a candidacy",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_recruitment.menu_health_recruitment']",
            content: "Open the recruitment menu",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='health_recruitment.crm_lead_menu_health_pipeline']",
            content: "Open the candidates",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Candidature de Tour Interne Glue')",
            content: "Open her candidacy",
            run: "click",
        },
        {
            trigger:
                ".o_form_view button[name=action_health_view_welcome_evenings]:contains('1 / 1')",
            content: "Invited to one evening, attended it",
            run: "click",
        },
        {
            trigger: ".o_list_renderer .o_data_row:contains('Soirée du tour')",
            content: "Her invitations are listed",
        },
    ],
});
