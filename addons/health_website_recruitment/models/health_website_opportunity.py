from odoo import api, fields, models

RECRUITMENT_GROUP = "health_recruitment.group_recruitment_user"


class HealthWebsiteOpportunity(models.Model):
    _inherit = "health.website.opportunity"

    lead_ids = fields.Many2many(
        "crm.lead",
        "crm_lead_health_website_opportunity_rel",
        "opportunity_id",
        "lead_id",
        string="Candidacies",
        groups=RECRUITMENT_GROUP,
        copy=False,
    )
    application_count = fields.Integer(
        string="Applications", compute="_compute_application_count", groups=RECRUITMENT_GROUP
    )

    @api.depends_context("uid")
    def _compute_application_count(self):
        counts = dict(
            self.env["crm.lead"]
            .with_context(active_test=False)
            ._read_group(
                [("health_website_opportunity_ids", "in", self.ids)],
                ["health_website_opportunity_ids"],
                ["__count"],
            )
        )
        for opportunity in self:
            opportunity.application_count = counts.get(opportunity._origin, 0)

    def action_view_applications(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "health_website_recruitment.crm_lead_action_health_website_applications"
        )
        action["domain"] = [("health_website_opportunity_ids", "in", self.ids)]
        action["views"] = [
            (self.env.ref("health_website_recruitment.crm_lead_view_list").id, "list"),
            (False, "form"),
        ]
        action["view_mode"] = "list,form"
        return action
