import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const { DateTime } = luxon;

/** A day relative to today, as the French user types it (the tour cannot freeze the clock). */
function frenchDay(days) {
    return DateTime.now().plus({ days }).toFormat("dd/MM/yyyy");
}

function addAct(number) {
    return [
        {
            trigger: ".modal div[name=act_ids] .o_field_x2many_list_row_add a",
            content: "Add the deliberation that authorises the signature",
            run: "click",
        },
        {
            trigger: `.modal .o_list_renderer .o_data_row td:contains('${number}')`,
            content: "Choose the deliberation already recorded",
            run: "click",
        },
        {
            trigger: `.modal div[name=act_ids] .o_data_row td:contains('${number}')`,
        },
    ];
}

function addParty(organisation, role, signatory, signatureDate, actNumber) {
    return [
        {
            trigger: "div[name=party_ids] .o_field_x2many_list_row_add a",
            content: "Add a party",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=partner_id] input",
            content: "The organisation",
            run: `edit ${organisation}`,
        },
        {
            trigger: `.ui-menu-item a:contains('${organisation}')`,
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=role] select",
            content: "Its role",
            run: `select "${role}"`,
        },
        {
            trigger: ".modal .o_field_widget[name=signatory_name] input",
            content: "Who signs",
            run: `edit ${signatory}`,
        },
        {
            trigger: ".modal .o_field_widget[name=signature_date] input",
            content: "Signature date",
            run: `edit ${signatureDate}`,
        },
        {
            trigger: ".modal .o_field_widget[name=signatory_title] input",
            content: "Capacity of the signatory",
            run: "edit Président",
        },
        ...(actNumber ? addAct(actNumber) : []),
        {
            trigger: ".modal .o_form_button_save",
            content: "Save the party",
            run: "click",
        },
        {
            trigger: `div[name=party_ids] .o_data_row td:contains('${organisation}')`,
        },
    ];
}

/**
 * A programme officer creates a convention from a template that takes effect
 * when enforceable, adds the two signing parties, marks it signed, records its
 * transmission to the Préfecture and the acknowledgement (the enforceable date
 * and the effective date follow), puts it in force, prints it, and finds its
 * end date in the calendar of deadlines, opened on the month of the next one.
 * Every date is relative to today.
 */
registry.category("web_tour.tours").add("health_conventions_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='health_base.menu_health_root']",
            content: "Open Territorial Health",
            run: "click",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_conventions.menu_health_conventions']",
            content: "Open the conventions menu",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='health_conventions.health_convention_menu']",
            content: "Open the conventions",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            content: "Create a convention",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=template_id] input",
            content: "Start from a template",
            run: "edit Tour template",
        },
        {
            trigger: ".ui-menu-item a:contains('Tour template')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=title] input:value('Tour convention')",
            content: "The template gives the title and the articles",
        },
        {
            trigger: ".o_field_widget[name=effective_date_mode] select",
            content: "The convention takes effect on the day it becomes enforceable",
            run: 'select "enforceable"',
        },
        ...addParty(
            "Tour Département",
            "lead",
            "Mme Tour Présidente",
            frenchDay(-20),
            "TOUR-03-005"
        ),
        ...addParty("Tour Communauté", "cosignatory", "M. Tour Président", frenchDay(-15)),
        {
            trigger: ".o_form_button_save",
            content: "Save the convention",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            trigger: "button[name=action_sign]",
            content: "Both parties signed",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='signed']",
        },
        {
            trigger: ".o_notebook .nav-link[name=transmission]",
            content: "Record the transmission to the Préfecture",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=act_identifier] input",
            run: `edit 099-229900019-${DateTime.now().plus({ days: -12 }).toFormat("yyyyMMdd")}-TOUR-DE`,
        },
        {
            trigger: ".o_field_widget[name=transmission_date] input",
            run: `edit ${frenchDay(-12)}`,
        },
        {
            trigger: ".o_field_widget[name=acknowledgement_date] input",
            content: "The Préfecture acknowledged its receipt",
            run: `edit ${frenchDay(-10)}`,
        },
        {
            trigger: ".o_field_widget[name=act_identifier] input",
            run: "click",
        },
        {
            trigger: `.o_field_widget[name=enforceable_date] input:value('${frenchDay(-10)}')`,
            content: "The enforceable date follows from the acknowledgement",
        },
        {
            trigger: `div[name=date_start]:contains('${frenchDay(-10)}')`,
            content: "The convention takes effect on its enforceable date",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save the transmission",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            trigger: "button[name=action_put_in_force]",
            content: "Put the convention in force",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='in_force']",
            content: "The convention is in force",
        },
        {
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            content: "Open the actions",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu button:has(.fa-print)",
            content: "Open the printable documents (the convention and its annual report)",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o_menu_item:contains('Convention')",
            content: "Print the convention",
            run: "click",
        },
        {
            trigger: "body:not(:has(.o_blockUI))",
            content: "The convention printed, it states its duration in French",
            async run() {
                const conventionId = window.location.pathname.split("/").pop();
                const response = await fetch(
                    `/report/html/health_conventions.report_health_convention/${conventionId}`
                );
                const html = await response.text();
                for (const text of ["Durée", "prend effet le", "date à laquelle elle est devenue exécutoire"]) {
                    if (!html.includes(text)) {
                        throw new Error(`The printed convention does not say "${text}"`);
                    }
                }
            },
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_conventions.menu_health_conventions']",
            content: "Open the conventions menu",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='health_conventions.health_convention_deadline_menu']",
            content: "Open the calendar of deadlines",
            run: "click",
        },
        {
            trigger: ".o_calendar_view .o_calendar_renderer .fc-event",
            content: "The calendar opens on the month of the next deadline",
        },
        {
            trigger: ".o_switch_view.o_list",
            content: "The deadlines as a list",
            run: "click",
        },
        {
            trigger: ".o_list_view th[data-name=kind]",
        },
        {
            trigger:
                ".o_data_row:has(td[name=title]:contains('Tour convention')) td[name=kind]:contains('Échéance')",
            content: "The end date of the new convention is a deadline",
        },
    ],
});
