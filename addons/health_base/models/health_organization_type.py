from odoo import fields, models


class HealthOrganizationType(models.Model):
    """Kind of organisation met in territorial health programmes.

    Département, EPCI, commune, ARS, CPAM, CDOM, university, MSP, CPTS,
    hospital…  Used on organisations (companies) and as pilots of toolbox
    measures.
    """

    _name = "health.organization.type"
    _inherit = ["health.input.mixin"]
    _description = "Health Organisation Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_unique",
            "unique(code)",
            "An organisation type with this code already exists.",
        ),
    ]
