from odoo import api, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    @api.depends("health_is_recruitment")
    def _compute_show_enrich_button(self):
        res = super()._compute_show_enrich_button()
        self.filtered("health_is_recruitment").show_enrich_button = False
        return res

    def iap_enrich(self, from_cron=False):
        """Candidacies are people, not companies: their email domain (a
        hospital, a faculty) is never sent to the enrichment service."""
        return super(CrmLead, self._health_enrichable()).iap_enrich(from_cron=from_cron)

    def _health_enrichable(self):
        """The leads that may be enriched; an extension hook."""
        return self.filtered(lambda lead: not lead.health_is_recruitment)
