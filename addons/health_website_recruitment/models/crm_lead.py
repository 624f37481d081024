from odoo import api, fields, models
from odoo.addons.health_recruitment.models.crm_lead import CrmLead as RecruitmentLead


class CrmLead(models.Model):
    _inherit = "crm.lead"

    _health_checked_fields = {
        *RecruitmentLead._health_checked_fields,
        "health_website_opportunity_ids",
        "health_website_applied_on",
    }

    health_website_opportunity_ids = fields.Many2many(
        "health.website.opportunity",
        "crm_lead_health_website_opportunity_rel",
        "lead_id",
        "opportunity_id",
        string="Opportunities Applied For",
        help="The practice opportunities of the public site the candidate applied for.",
    )
    health_website_applied_on = fields.Datetime(
        string="Last Online Application",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="When the candidate last applied through the public site.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads.filtered(lambda lead: lead.stage_id.is_won)._health_website_close_opportunities()
        return leads

    def write(self, vals):
        winning = self.browse()
        if vals.get("stage_id") and self.env["crm.stage"].browse(vals["stage_id"]).is_won:
            winning = self.filtered(lambda lead: not lead.stage_id.is_won)
        res = super().write(vals)
        winning._health_website_close_opportunities()
        return res

    def _health_website_close_opportunities(self):
        """An installation fills the published opportunities of its commune
        the candidate had applied for (one write for the batch)."""
        leads = self.filtered(
            lambda lead: lead.health_is_recruitment and lead.health_website_opportunity_ids
        )
        opportunities = self.env["health.website.opportunity"]
        for lead in leads:
            opportunities |= lead.health_website_opportunity_ids.filtered(
                lambda opp, lead=lead: opp.state == "published"
                and opp.territory_id == lead.health_installation_territory_id
            )
        if opportunities:
            opportunities.sudo()._health_move("filled")
        return opportunities
