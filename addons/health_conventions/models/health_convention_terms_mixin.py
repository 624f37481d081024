from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..checks import terms_error
from ..selections import EFFECTIVE_DATE_MODES


class HealthConventionTermsMixin(models.AbstractModel):
    """The duration rules shared by conventions and their templates, and
    their one check."""

    _name = "health.convention.terms.mixin"
    _description = "Convention Duration Rules"

    effective_date_mode = fields.Selection(
        EFFECTIVE_DATE_MODES,
        default="last_signature",
        required=True,
    )
    duration_months = fields.Integer(string="Duration (months)", default=12)
    tacit_renewal = fields.Boolean()
    renewal_months = fields.Integer(string="Renewal period (months)", default=12)
    max_renewals = fields.Integer(string="Maximum renewals", help="0: no maximum.")
    notice_months = fields.Integer(string="Notice (months)")
    committee_cadence_months = fields.Integer(
        string="Steering committee every (months)", default=12
    )

    @api.constrains(
        "duration_months",
        "tacit_renewal",
        "renewal_months",
        "max_renewals",
        "notice_months",
        "committee_cadence_months",
    )
    def _check_durations(self):
        for record in self:
            error = terms_error(record)
            if error:
                raise ValidationError(error)
