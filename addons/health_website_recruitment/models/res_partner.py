from odoo import api, models
from odoo.addons.health_recruitment.models.crm_lead import normalize_name
from odoo.tools import email_normalize


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _health_website_match_partner(self, values):
        """The contact an application from the site belongs to, or an empty
        recordset: same RPPS number, else same e-mail, else same name and
        birth date (the criteria of the candidacies' duplicates). A contact
        holding another RPPS number than the one given is never matched.
        Run as superuser: nothing found here is shown to the visitor."""
        Partner = self.sudo().with_context(active_test=False)
        base = [("is_company", "=", False), ("health_anonymized", "=", False)]
        rpps = values.get("rpps")
        if rpps:
            partner = Partner.search([*base, ("health_rpps", "=", rpps)], limit=1)
            if partner:
                return partner

        def compatible(partners):
            return partners.filtered(
                lambda partner: not rpps or not partner.health_rpps or partner.health_rpps == rpps
            )

        email = email_normalize(values.get("email") or "")
        if email:
            partner = compatible(
                Partner.search([*base, ("email_normalized", "=", email)], order="id")
            )[:1]
            if partner:
                return partner
        if values.get("birthdate") and values.get("name"):
            key = normalize_name(values["name"])
            partner = compatible(
                Partner.search([*base, ("health_birthdate", "=", values["birthdate"])], order="id")
            ).filtered(lambda partner: normalize_name(partner.name) == key)[:1]
            if partner:
                return partner
        return Partner.browse()
