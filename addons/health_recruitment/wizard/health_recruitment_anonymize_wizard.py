from odoo import Command, api, fields, models


class HealthRecruitmentAnonymizeWizard(models.TransientModel):
    """Confirmation of the anonymisation of candidates: it cannot be undone,
    so the dialog says what is erased and what is kept before doing it."""

    _name = "health.recruitment.anonymize.wizard"
    _inherit = ["health.input.mixin"]
    _description = "Anonymise Candidates"

    partner_ids = fields.Many2many(
        "res.partner",
        "health_recruitment_anonymize_wizard_partner_rel",
        "wizard_id",
        "partner_id",
        string="Candidates",
        required=True,
        readonly=True,
    )
    candidacy_count = fields.Integer(
        string="Candidacies", compute="_compute_candidacy_count", readonly=True
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if (
            "partner_ids" in fields_list
            and not values.get("partner_ids")
            and context.get("active_model") == "res.partner"
        ):
            values["partner_ids"] = [Command.set(context.get("active_ids") or [])]
        return values

    @api.depends("partner_ids")
    def _compute_candidacy_count(self):
        for wizard in self:
            wizard.candidacy_count = self.env["crm.lead"].search_count(
                [
                    ("partner_id", "in", wizard.partner_ids.ids),
                    ("health_is_recruitment", "=", True),
                    ("active", "in", (True, False)),
                ]
            )

    def action_confirm(self):
        self.ensure_one()
        self.partner_ids.action_health_anonymize()
        return {"type": "ir.actions.act_window_close"}
