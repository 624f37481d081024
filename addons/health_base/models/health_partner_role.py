from odoo import api, fields, models


class HealthPartnerRole(models.Model):
    """A role a person plays in the health programme (GP, MSU, intern…).

    A person can hold several roles at once (an MSU is also a GP) and over
    time (an intern later comes back as a locum, then settles as a GP).
    """

    _name = "health.partner.role"
    _inherit = ["health.input.mixin"]
    _description = "Health Role"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical code used by the suite's addons (e.g. 'intern').",
    )
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "A health role with this code already exists."),
    ]

    @api.model
    def get_by_code(self, code):
        """The role of code ``code`` (see ``health_base.tools.ROLE_*``), archived
        or not; an empty recordset for an unknown code."""
        return self.with_context(active_test=False).search([("code", "=", code)], limit=1)

    @api.model
    def get_by_codes(self, codes):
        """The roles of the given codes, in one query."""
        return self.with_context(active_test=False).search([("code", "in", list(codes))])
