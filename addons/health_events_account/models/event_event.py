from odoo import fields, models


class EventEvent(models.Model):
    _inherit = "event.event"
    # the input checks apply to the fields of the suite only (they add up
    # with those of health_events)
    _health_checked_fields = {"health_analytic_account_id"}

    health_analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic Account",
        copy=False,
        ondelete="restrict",
        help="Vendor bills linked to the evening are charged to this analytic account.",
    )
    health_bill_ids = fields.One2many("account.move", "health_event_id", string="Vendor Bills")
    health_bill_count = fields.Integer(string="Bills", compute="_compute_health_costs")
    health_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Cost Currency"
    )
    health_cost_amount = fields.Monetary(
        string="Cost",
        currency_field="health_currency_id",
        compute="_compute_health_costs",
        help="Untaxed total of the posted vendor bills (credit notes deducted).",
    )
    health_cost_per_participant = fields.Monetary(
        string="Cost per Participant",
        currency_field="health_currency_id",
        compute="_compute_health_costs",
    )

    # ------------------------------------------------------------ computes
    def _compute_health_costs(self):
        # Costs are read by event organisers who need not see the accounting.
        bill_data = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("health_event_id", "in", self.ids),
                    ("move_type", "in", ("in_invoice", "in_refund")),
                    ("state", "!=", "cancel"),
                ],
                ["health_event_id", "state"],
                ["__count", "amount_untaxed_signed:sum"],
            )
        )
        counts, costs = {}, {}
        for event, state, count, amount in bill_data:
            counts[event.id] = counts.get(event.id, 0) + count
            if state == "posted":
                # vendor bills are signed negatively, credit notes positively
                costs[event.id] = costs.get(event.id, 0.0) - amount
        for event in self:
            event.health_bill_count = counts.get(event.id, 0)
            event.health_cost_amount = costs.get(event.id, 0.0)
            participants = event.health_participant_count
            event.health_cost_per_participant = (
                event.health_cost_amount / participants if participants else 0.0
            )

    # ------------------------------------------------------------ generator
    def _health_setup_welcome_evening(self):
        self._health_create_analytic_account()
        return super()._health_setup_welcome_evening()

    def _health_create_analytic_account(self):
        plan = self.env.ref("health_events_account.analytic_plan_welcome_evenings")
        to_create = self.filtered(lambda event: not event.health_analytic_account_id)
        # Accounting data: an organiser without accounting rights still gets
        # the analytic account the bills of the evening will be charged to.
        accounts = (
            self.env["account.analytic.account"]
            .sudo()
            .create(
                [
                    {"name": event.name, "plan_id": plan.id, "company_id": event.company_id.id}
                    for event in to_create
                ]
            )
        )
        for event, account in zip(to_create, accounts, strict=True):
            event.health_analytic_account_id = account.id

    # ------------------------------------------------------------ actions
    def action_health_view_bills(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_in_invoice_type"
        )
        action["domain"] = [("health_event_id", "in", self.ids)]
        action["context"] = {
            "default_move_type": "in_invoice",
            "default_health_event_id": self[:1].id,
        }
        return action

    # ------------------------------------------------------------ export
    def _health_indicator_columns(self):
        return [
            *super()._health_indicator_columns(),
            ("cost", self.env._("Cost"), 14, "money"),
            ("cost_per_participant", self.env._("Cost per participant"), 14, "money"),
        ]

    def _health_indicator_row(self):
        row = super()._health_indicator_row()
        row.update(
            cost=self.health_cost_amount,
            cost_per_participant=self.health_cost_per_participant,
        )
        return row
