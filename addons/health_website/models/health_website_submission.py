from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.health_base import tools


class HealthWebsiteSubmission(models.Model):
    """One form sent from the public site, for the rate limit only: the
    address is kept as a keyed hash (no personal data), and rows older than a
    day are deleted by the garbage collector."""

    _name = "health.website.submission"
    _description = "Website Form Submission"
    _log_access = False

    address_hash = fields.Char(required=True, index=True)
    submitted_at = fields.Datetime(required=True, index=True, default=fields.Datetime.now)

    @api.model
    def _hash_address(self, address):
        return tools.keyed_hash(self.env, address)

    @api.model
    def _count_recent(self, address, now=None):
        now = now or fields.Datetime.now()
        return self.sudo().search_count(
            [
                ("address_hash", "=", self._hash_address(address)),
                ("submitted_at", ">", now - relativedelta(hours=1)),
            ]
        )

    @api.model
    def _record(self, address, now=None):
        return self.sudo().create(
            {
                "address_hash": self._hash_address(address),
                "submitted_at": now or fields.Datetime.now(),
            }
        )

    @api.autovacuum
    def _gc_submissions(self):
        limit = fields.Datetime.now() - relativedelta(days=1)
        self.sudo().search([("submitted_at", "<", limit)]).unlink()
