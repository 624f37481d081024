from odoo import api, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _health_desk_find_requesters(self, requesters):
        """Match requesters to existing contacts without creating duplicates.

        ``requesters`` is a list of dicts with the keys ``rpps``, ``email`` and
        ``name`` (any may be empty). A requester is matched on the RPPS number
        first, then on the e-mail address, then on the exact name when exactly
        one person bears it; one search per key for the whole batch. Returns
        the list of matched partners (an empty recordset when none).
        """
        partners = self.sudo().with_context(active_test=True)
        rpps = {
            partners._health_normalize_rpps(req["rpps"]) for req in requesters if req.get("rpps")
        }
        emails = {req["email"].strip().lower() for req in requesters if req.get("email")}
        names = {
            req["name"].strip().lower()
            for req in requesters
            if req.get("name") and not req.get("email") and not req.get("rpps")
        }
        person = [("is_company", "=", False)]
        by_rpps = {
            partner.health_rpps: partner
            for partner in (
                partners.search([*person, ("health_rpps", "in", list(rpps))]) if rpps else []
            )
        }
        by_email = {}
        if emails:
            for partner in partners.search(
                [*person, ("email_normalized", "in", list(emails))], order="id"
            ):
                by_email.setdefault(partner.email_normalized, partner)
        by_name = {}
        if names:
            found = partners.search(
                [*person, *expression.OR([[("name", "=ilike", name)] for name in names])]
            )
            for partner in found:
                by_name.setdefault(partner.name.strip().lower(), []).append(partner)
        result = []
        for req in requesters:
            match = partners.browse()
            if req.get("rpps"):
                match = by_rpps.get(partners._health_normalize_rpps(req["rpps"]), match)
            if not match and req.get("email"):
                match = by_email.get(req["email"].strip().lower(), match)
            if not match and req.get("name") and not req.get("email") and not req.get("rpps"):
                homonyms = by_name.get(req["name"].strip().lower(), [])
                if len(homonyms) == 1:
                    match = homonyms[0]
            result.append(match)
        return result
