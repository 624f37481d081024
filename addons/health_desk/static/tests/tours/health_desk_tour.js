import { registry } from "@web/core/registry";

/**
 * A visitor asks the desk a question through the public form (no login).
 */
registry.category("web_tour.tours").add("health_desk_visitor_tour", {
    url: "/guichet",
    steps: () => [
        {
            trigger: "form.o_health_desk_form select[name=kind]",
            content: "The visitor is a student",
            run: "select student",
        },
        {
            trigger: "input[name=name]",
            run: "edit Léa Tourbillon",
        },
        {
            trigger: "input[name=email]",
            run: "edit lea.tourbillon@example.org",
        },
        {
            trigger: "select[name=category_id]",
            content: "The subject of the question",
            run: "selectByLabel Démarches tour",
        },
        {
            trigger: "input[name=subject]",
            run: "edit Inscription à la CPAM",
        },
        {
            trigger: "textarea[name=description]",
            run: "edit Quelles démarches auprès de la CPAM avant mon installation ?",
        },
        {
            trigger: "input[name=consent]",
            content: "Accept the processing of the data",
            run: "click",
        },
        {
            trigger: "form.o_health_desk_form button[type=submit]",
            content: "Send the question",
            run: "click",
        },
        {
            trigger: ".o_health_desk_thanks",
            content: "The question is received",
        },
    ],
});

/**
 * The desk officer transfers the request to the CPAM, the institution in
 * charge of its category.
 */
registry.category("web_tour.tours").add("health_desk_officer_tour", {
    url: "/odoo/action-health_desk.helpdesk_ticket_action_desk",
    steps: () => [
        {
            trigger: ".o_list_renderer",
            content: "The list of the desk's requests (the first load builds the assets)",
            timeout: 60000,
        },
        {
            trigger: ".o_data_row td:contains('Inscription à la CPAM')",
            content: "Open the request",
            run: "click",
        },
        {
            trigger: "button[name=action_health_desk_transfer]",
            content: "Transfer it",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=partner_id] input:value(CPAM tour)",
            content: "The institution in charge of the category is proposed",
        },
        {
            trigger: ".modal .o_field_widget[name=message] textarea",
            run: "edit Pouvez-vous indiquer les démarches ?",
        },
        {
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Transférée')",
            content: "The request waits for the partner",
        },
    ],
});

/**
 * The CPAM contact answers on the portal.
 */
registry.category("web_tour.tours").add("health_desk_partner_tour", {
    url: "/my/tickets",
    steps: () => [
        {
            trigger: "a:contains('Inscription à la CPAM')",
            timeout: 60000,
            content: "The transferred request is in the portal of the CPAM contact",
            run: "click",
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            content: "The portal chatter of the request",
            timeout: 30000,
            run: "edit Inscrivez-vous d'abord à l'Ordre, puis prenez rendez-vous à la CPAM.",
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Message-body:contains('puis prenez rendez-vous')",
            content: "The answer is posted on the request",
        },
    ],
});
