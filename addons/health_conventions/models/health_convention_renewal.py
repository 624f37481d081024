from odoo import fields, models

RENEWAL_KINDS = [
    ("tacit", "Tacit"),
    ("express", "Express"),
]


class HealthConventionRenewal(models.Model):
    """One renewal of a convention: tacit (by the daily scheduled action) or
    express (by an amendment extending the end date)."""

    _name = "health.convention.renewal"
    _description = "Convention Renewal"
    _inherit = ["health.numbered.mixin", "health.input.mixin"]
    _order = "convention_id, number desc, id desc"
    _rec_name = "convention_id"
    _health_number_parent = "convention_id"

    convention_id = fields.Many2one(
        "health.convention", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="convention_id.company_id", store=True, index=True)
    number = fields.Integer(string="Renewal No.", help="Renewals of the convention, in order.")
    kind = fields.Selection(
        RENEWAL_KINDS,
        required=True,
        default="express",
        readonly=True,
        help="Tacit: renewed at term by the daily scheduled action. Express: extended "
        "by an amendment or a decision.",
    )
    previous_date_end = fields.Date(string="Previous end date", readonly=True)
    date_start = fields.Date(string="New start date", readonly=True)
    date_end = fields.Date(string="New end date", readonly=True)
    date = fields.Date(
        string="Recorded on", required=True, readonly=True, default=fields.Date.context_today
    )
    user_id = fields.Many2one(
        "res.users", string="Recorded by", readonly=True, default=lambda self: self.env.user
    )
    act_id = fields.Many2one(
        "health.authorising.act",
        string="Authorising act",
        readonly=True,
        ondelete="restrict",
        index="btree_not_null",
        help="Act renewing the convention expressly (e.g. a deliberation).",
    )
    amendment_id = fields.Many2one(
        "health.convention.amendment", readonly=True, index="btree_not_null"
    )
