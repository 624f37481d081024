import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/**
 * The organiser generates the welcome evening of the next semester for her
 * territory (proposed by the generator) and invites: she is told how many
 * invitations were sent.
 */
registry.category("web_tour.tours").add("health_events_organiser_invite_tour", {
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
            trigger: ".modal .o_field_widget[name=territory_id] input:value('CC des Collines du Tour')",
            content: "Her territory is proposed",
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
            trigger: ".o_notification:contains('1 invitation(s) envoyée(s)')",
            content: "She is told how many invitations were sent",
        },
        {
            trigger: ".o_data_row:contains('Tour Interne Zoé') td[name=state]:contains('Invité')",
            content: "The invitations are listed",
        },
    ],
});

/**
 * At the door, the check-in list opens on tonight's evening: the organiser
 * marks the intern present and hands her the welcome kit.
 */
registry.category("web_tour.tours").add("health_events_checkin_tonight_tour", {
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
            trigger: ".o_searchview .o_facet_value:contains('Ce soir')",
            content: "The list opens on tonight's evenings",
        },
        {
            trigger: ".o_data_row:contains('Soirée de ce soir du tour'):contains('Tour Interne Zoé')",
            content: "She is registered for tonight",
        },
        {
            trigger: ".o_list_renderer:not(:has(.o_data_row:contains('Collines du Tour')))",
            content: "The evening of the next semester is not listed",
        },
        {
            trigger: ".o_data_row:contains('Tour Interne Zoé') button[name=action_health_mark_attended]",
            content: "She is here",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Tour Interne Zoé') .badge.text-bg-success",
            content: "Marked present",
        },
        {
            trigger:
                ".o_data_row:contains('Tour Interne Zoé') button[name=action_health_give_kit]",
            content: "Hand over her welcome kit",
            run: "click",
        },
        {
            trigger:
                ".o_data_row:contains('Tour Interne Zoé') td[name=health_kit_received] input:checked",
            content: "The kit is marked as handed over",
        },
        {
            trigger:
                ".o_data_row:contains('Tour Interne Zoé'):not(:has(button[name=action_health_give_kit]))",
            content: "The action is done",
        },
    ],
});
