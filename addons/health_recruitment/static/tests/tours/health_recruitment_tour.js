import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/**
 * A recruitment officer of team A records a candidate, adds a household need
 * and a toolbox measure, plans a territory visit, then moves the candidacy
 * through the stages up to "Installé(e)". The interface is in French and
 * speaks of candidacies: no sales wording (won/lost, lead generation, extra
 * sales information, Odoo's sales stages).
 */
registry.category("web_tour.tours").add("health_recruitment_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='health_base.menu_health_root']",
            content: "Open Territorial Health",
            run: "click",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_recruitment.menu_health_recruitment']",
            content: "Open the recruitment menu",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='health_recruitment.crm_lead_menu_health_pipeline']",
            content: "Open the candidates",
            run: "click",
        },
        {
            trigger: ".o_kanban_renderer .o_column_title:contains('Premier contact')",
            content: "The pipeline is shown by candidate stage",
        },
        {
            trigger: ".o_kanban_renderer:not(:has(.o_column_title:contains('Nouveau')))",
            content: "No sales stage beside the candidate stages",
        },
        {
            trigger: ".o_control_panel:not(:has(.o_button_generate_leads))",
            content: "No lead generation on candidates",
        },
        {
            trigger: ".o_switch_view.o_list",
            content: "Switch to the list",
            run: "click",
        },
        {
            trigger: ".o_list_renderer th[data-name='health_candidate_type']",
            content: "The candidacies are listed",
        },
        {
            trigger: ".o_list_button_add",
            content: "Record a candidate",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] textarea",
            content: "Name the candidacy",
            run: "edit Candidature Zoé Tourneur",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input",
            content: "The candidate",
            run: "edit Zoé Tourneur",
        },
        {
            trigger: ".ui-menu-item a:contains('Zoé Tourneur')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=health_candidate_type] select",
            content: "An intern",
            run: 'select "intern"',
        },
        {
            trigger: ".o_notebook .nav-link[name='health_household']",
            content: "Open the household tab",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=health_household_line_ids] .o_field_x2many_list_row_add a",
            content: "Add a household need",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=health_household_line_ids] .o_data_row .o_field_widget[name=need_type] select",
            content: "The family needs housing",
            run: 'select "housing"',
        },
        {
            trigger: ".o_notebook .nav-link[name='health_measures']",
            content: "Open the toolbox measures tab",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=health_measure_line_ids] .o_field_x2many_list_row_add a",
            content: "Add a toolbox measure",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=health_measure_line_ids] .o_data_row .o_field_widget[name=measure_id] input",
            content: "Measure FA1",
            run: "edit FA1",
        },
        {
            trigger: ".ui-menu-item a:contains('FA1')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=health_measure_line_ids] .o_data_row .o_field_widget[name=cost] input",
            content: "Its cost",
            run: "edit 1200",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save the candidacy",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button:contains('Gagné')))",
            content: "A candidacy is not won",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button:contains('Abandon')",
            content: "The candidate may withdraw (not lost)",
        },
        {
            trigger: ".o_form_view .o_notebook:not(:has(.nav-link:contains('Informations supplémentaires')))",
            content: "No sales information tab",
        },
        {
            trigger: ".o_form_view .o_form_label:contains('Chargé(e) de mission')",
            content: "The officer of the candidacy",
        },
        {
            trigger: ".oe_stat_button[name=action_health_view_visits]",
            content: "Plan a territory visit",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            content: "A new visit",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=health_visit_territory_id] input",
            content: "The visited territory",
            run: "edit Recrue-sur",
        },
        {
            trigger: ".ui-menu-item a:contains('Recrue-sur-Tour')",
            run: "click",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save the visit",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Candidature Zoé Tourneur')",
            content: "Back to the candidacy",
            run: "click",
        },
        {
            trigger: ".oe_stat_button[name=action_health_view_visits] .o_stat_value:contains('1')",
            content: "The visit is counted",
        },
        {
            trigger: ".o_statusbar_status button:contains('Découverte du territoire')",
            content: "The candidate visits the territory",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Découverte du territoire')",
        },
        {
            trigger: ".o_field_widget[name=health_practice_mode] select",
            content: "The candidate wants to join an MSP",
            run: 'select "msp"',
        },
        {
            trigger: ".o_statusbar_status button:contains('Projet d')",
            content: "The candidate has an installation project",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Projet d')",
        },
        {
            trigger: ".o_notebook .nav-link[name='health_installation']",
            content: "Open the installation tab",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=health_installation_date] input",
            content: "Installation date",
            run: "edit 01/09/2026",
        },
        {
            trigger: ".o_field_widget[name=health_installation_territory_id] input",
            content: "Installation commune",
            run: "edit Recrue-sur",
        },
        {
            trigger: ".ui-menu-item a:contains('Recrue-sur-Tour')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=health_installation_practice_id] input",
            content: "The practice",
            run: "edit MSP de la Tour",
        },
        {
            trigger: ".ui-menu-item a:contains('MSP de la Tour')",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button:contains('Installé(e)')",
            content: "The doctor is installed",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Installé(e)')",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
