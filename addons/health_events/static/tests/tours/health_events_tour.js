import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/**
 * An organiser generates the welcome evening of the next semester for a
 * territory, invites its interns, registers one who answered by phone and
 * marks her present at the door.
 */
registry.category("web_tour.tours").add("health_events_welcome_evening_tour", {
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
            trigger: ".dropdown-item[data-menu-xmlid='health_events.health_event_generate_menu']",
            content: "Generate the next evening",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=territory_id] input",
            content: "For the territory of the EPCI",
            run: "edit Collines du Tour",
        },
        {
            trigger: ".ui-menu-item a:contains('CC des Collines du Tour')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=date_begin]:not(:empty)",
            content: "The date is computed from the semester start",
        },
        {
            trigger: ".modal button[name=action_generate]",
            content: "Generate",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=health_semester_id]",
            content: "The evening is created",
        },
        {
            trigger: ".o_form_view button[name=action_health_invite]",
            content: "Invite the interns",
            run: "click",
        },
        {
            trigger: ".o_list_renderer th[data-name=partner_id]",
            content: "The invitations are listed",
        },
        {
            trigger: ".o_data_row:contains('Tour Intern Zoé') button[name=action_register]",
            content: "She accepted by phone: register her",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Tour Intern Zoé') .badge.text-bg-success",
            content: "She is registered",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item.o_back_button",
            content: "Back to the evening",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name=action_health_view_checkin]",
            content: "At the door: open the check-in list",
            run: "click",
        },
        {
            trigger: ".o_list_renderer th[data-name=health_kit_received]",
            content: "The check-in list is open",
        },
        {
            trigger: ".o_data_row:contains('Tour Intern Zoé') button[name=action_health_mark_attended]",
            content: "She is here",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Tour Intern Zoé') .badge.text-bg-success",
            content: "Marked present",
        },
    ],
});
