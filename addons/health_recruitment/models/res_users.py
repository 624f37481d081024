from odoo import api, models, modules


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _get_activity_groups(self):
        """In the activity menu, the activities of a user who follows
        candidacies only are those of "Candidacies", not of Odoo's
        "Lead/Opportunity"."""
        groups = super()._get_activity_groups()
        if not self.env.user.has_group("health_recruitment.group_recruitment_user"):
            return groups
        for group in groups:
            if group["model"] == "crm.lead" and self._health_activities_on_candidacies_only():
                group["name"] = self.env._("Candidacies")
                group["icon"] = modules.module.get_module_icon("health_recruitment")
        return groups

    @api.model
    def _health_activities_on_candidacies_only(self):
        """Whether every activity of the user on a lead is on a candidacy."""
        lead_ids = (
            self.env["mail.activity"]
            .sudo()
            .search([("res_model", "=", "crm.lead"), ("user_id", "=", self.env.uid)])
            .mapped("res_id")
        )
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        return bool(lead_ids) and not Lead.search_count(
            [("id", "in", lead_ids), ("health_is_recruitment", "=", False)], limit=1
        )
