from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..checks import NAME_MAX_LENGTH, terms_error
from ..selections import CONVENTION_KINDS, EFFECTIVE_DATE_MODES


class HealthConventionTemplate(models.Model):
    """A model of convention: title, preamble, articles and duration rules.

    Its lines form the clause library: an article of a convention can be
    taken from any clause of any template.
    """

    _name = "health.convention.template"
    _description = "Convention Template"
    _inherit = ["health.input.mixin"]
    _order = "sequence, name"
    _health_max_lengths = {"signature_place": NAME_MAX_LENGTH}

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(CONVENTION_KINDS, default="territorial_partnership", required=True)
    title = fields.Char(help="Title of the conventions made from this template.")
    subject = fields.Text(help='What the convention relates to ("Relative à").')
    preamble = fields.Html()
    line_ids = fields.One2many("health.convention.template.line", "template_id", string="Clauses")
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
    signature_place = fields.Char()
    company_id = fields.Many2one("res.company", help="Leave empty to share the template.")

    @api.constrains(
        "duration_months",
        "tacit_renewal",
        "renewal_months",
        "max_renewals",
        "notice_months",
        "committee_cadence_months",
    )
    def _check_durations(self):
        for template in self:
            error = terms_error(template)
            if error:
                raise ValidationError(error)
