from odoo import fields, models

from ..checks import NAME_MAX_LENGTH
from ..selections import CONVENTION_KINDS


class HealthConventionTemplate(models.Model):
    """A model of convention: title, preamble, articles and duration rules.

    Its lines form the clause library: an article of a convention can be
    taken from any clause of any template.
    """

    _name = "health.convention.template"
    _description = "Convention Template"
    _inherit = ["health.convention.terms.mixin", "health.input.mixin"]
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
    signature_place = fields.Char()
    company_id = fields.Many2one("res.company", help="Leave empty to share the template.")
