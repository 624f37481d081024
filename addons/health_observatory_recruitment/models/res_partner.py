from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _prepare_health_anonymized_values(self):
        """The anonymisation of a candidate also erases the observatory's
        personal data (age, end of practice, intentions)."""
        values = super()._prepare_health_anonymized_values()
        values.update(self._prepare_health_observatory_erased_values())
        return values
