from odoo import api, models


class HealthObservatoryIndicator(models.Model):
    _inherit = "health.observatory.indicator"

    @api.model
    def _after_refresh(self, rows):
        """The communes at risk have changed: so has the priority of the
        candidacies that target them."""
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        leads = Lead.search([("health_target_territory_ids", "!=", False)])
        self.env.add_to_compute(Lead._fields["health_target_at_risk"], leads)
        self.env.add_to_compute(Lead._fields["health_target_priority"], leads)
        leads.flush_recordset(["health_target_at_risk", "health_target_priority"])
        return super()._after_refresh(rows)
