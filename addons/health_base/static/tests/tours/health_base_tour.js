import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/**
 * A territory manager adds a commune under its EPCI, with its zoning, then
 * records an intern of that commune: health role, RPPS number, territory.
 */
registry.category("web_tour.tours").add("health_base_territory_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='health_base.menu_health_root']",
            content: "Open Territorial Health",
            run: "click",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_base.menu_health_directory']",
            content: "The app is open (on the first menu of the installed suite addons)",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_base.menu_health_directory']",
            content: "Open the directory menu",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='health_base.health_territory_menu']",
            content: "Open territories",
            run: "click",
        },
        {
            trigger: ".o_list_renderer th[data-name='zoning']",
            content: "The territories are listed",
        },
        {
            trigger: ".o_list_button_add",
            content: "Create a territory",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            content: "Name the commune",
            run: "edit Saint-Tour-des-Monts",
        },
        {
            trigger: ".o_field_widget[name=territory_type] select",
            content: "It is a commune",
            run: 'select "commune"',
        },
        {
            trigger: ".o_field_widget[name=parent_id] input",
            content: "Part of the EPCI",
            run: "edit Collines du Tour",
        },
        {
            trigger: ".ui-menu-item a:contains('CC des Collines du Tour')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=code] input",
            content: "INSEE code",
            run: "edit 2B190",
        },
        {
            trigger: ".o_field_widget[name=zoning] select",
            content: "Priority intervention zone",
            run: 'select "zip"',
        },
        {
            trigger: ".o_form_button_save",
            content: "Save the commune",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_base.menu_health_directory']",
            content: "Back to the directory",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='health_base.res_partner_menu_health']",
            content: "Open health professionals",
            run: "click",
        },
        {
            trigger: ".o_list_renderer th[data-name='health_role_ids']",
            content: "The health professionals are listed",
        },
        {
            trigger: ".o_searchview_input",
            content: "Look for every contact, not only professionals",
            run: "click",
        },
        {
            trigger: ".o_facet_remove",
            run: "click",
        },
        {
            trigger: ".o_searchview_input",
            run: "edit Tour Intern",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            trigger: ".o_data_row td:contains('Tour Intern Zoé')",
            content: "Open the intern",
            run: "click",
        },
        {
            trigger: ".o_notebook .nav-link[name='health']",
            content: "Open the Territorial Health tab",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=health_role_ids] input",
            content: "The person is an intern",
            run: "edit Intern",
        },
        {
            trigger: ".ui-menu-item a:contains('Intern')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=health_rpps] input",
            content: "RPPS number",
            run: "edit 1900 0000 992",
        },
        {
            trigger: ".o_field_widget[name=health_territory_id] input",
            content: "Territory of the intern",
            run: "edit Saint-Tour",
        },
        {
            trigger: ".ui-menu-item a:contains('Saint-Tour-des-Monts')",
            run: "click",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save the intern",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
