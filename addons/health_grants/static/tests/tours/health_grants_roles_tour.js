import { registry } from "@web/core/registry";

/**
 * The grants officer certifies the service done ("service fait") of an
 * installment; the bill and payment buttons are not hers.
 */
registry.category("web_tour.tours").add("health_grants_certify_tour", {
    steps: () => [
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
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value='certified']",
            content: "The installment is certified",
        },
        {
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_create_bills'])):not(:has(button[name='action_register_payment']))",
            content: "No bill nor payment button for the grants officer",
        },
        {
            trigger: ".o-mail-Chatter .o-mail-Message:contains('Tour Grants Officer')",
            content: "The certification is in the installment's chatter",
        },
    ],
});

/**
 * The finance officer bills the certified installment and registers its
 * payment by bank transfer; the grant's chatter keeps the trace.
 */
registry.category("web_tour.tours").add("health_grants_bill_pay_tour", {
    steps: () => [
        {
            trigger: ".o_list_renderer th[data-name='due_date']",
            content: "The installments are listed",
        },
        {
            trigger: ".o_data_row td:contains('Dr Tour Grant')",
            content: "Open the certified installment",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value='certified']",
        },
        {
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_uncertify']))",
            content: "The finance officer cannot touch the certification",
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
            trigger: ".modal .o_field_widget[name='payment_method_line_id'] input:value(Virement)",
            content: "Paid by bank transfer, the method of the programme",
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
            trigger: ".o_data_row td:contains('Dr Tour Grant')",
            content: "Open the grant",
            run: "click",
        },
        {
            trigger: ".o-mail-Chatter .o-mail-Message:contains('TOUR/')",
            content: "The bill is in the grant's chatter",
        },
        {
            trigger: ".o-mail-Chatter .o-mail-Message:contains('Tour Finance Officer')",
            content: "So is the payment, by the finance officer",
        },
    ],
});
