import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/**
 * Finance approves a grant, certifies the service done for its installment,
 * creates its vendor bill, registers the payment and sees the grant paid.
 */
registry.category("web_tour.tours").add("health_grants_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='health_base.menu_health_root']",
            content: "Open Territorial Health",
            run: "click",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_grants.menu_health_grants']",
            content: "Open the grants menu",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='health_grants.health_grant_menu']",
            content: "Open grants",
            run: "click",
        },
        {
            trigger: ".o_list_renderer th[data-name='granted_amount']",
            content: "The grants are listed",
        },
        {
            trigger: ".o_data_row td:contains('Dr Tour Grant')",
            content: "Open the submitted grant",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_approve']",
            content: "Approve it: it commits the envelope and schedules the installments",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='approved']",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_grants.menu_health_grants']",
            content: "Back to the grants menu",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='health_grants.health_grant_installment_menu']",
            content: "Open installments",
            run: "click",
        },
        {
            trigger: ".o_list_renderer th[data-name='due_date']",
            content: "The installments are listed",
        },
        {
            trigger: ".o_data_row td:contains('Dr Tour Grant')",
            content: "Open the installment",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value='to_certify']",
            content: "The installment waits for its certification",
        },
        {
            trigger: ".o_form_view button[name='action_certify']",
            content: "Certify the service done",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_uncertify']",
            content: "The certification can be reset until the bill exists",
        },
        {
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value='certified']",
        },
        {
            trigger: ".o_form_view button[name='action_create_bills']",
            content: "Create its vendor bill",
            run: "click",
        },
        {
            trigger: ".o_list_renderer .o_data_row td:contains('Dr Tour Grant')",
            content: "Open the bill",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_register_payment']",
            content: "Register the payment",
            run: "click",
        },
        {
            trigger: ".modal button[name='action_create_payments']",
            content: "Create the payment",
            run: "click",
        },
        {
            trigger: ".o_form_view .ribbon",
            content: "The bill is paid",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='health_grants.menu_health_grants']",
            content: "Back to the grants",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='health_grants.health_grant_menu']",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Dr Tour Grant') td[name='payment_status']:contains('Payé')",
            content: "The grant is paid",
        },
    ],
});
