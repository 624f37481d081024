from odoo import api, fields, models

from ..checks import is_record_id

RENEWAL_KINDS = [
    ("tacit", "Tacit"),
    ("express", "Express"),
]


class HealthConventionRenewal(models.Model):
    """One renewal of a convention: tacit (by the daily scheduled action) or
    express (by an amendment extending the end date)."""

    _name = "health.convention.renewal"
    _description = "Convention Renewal"
    _inherit = ["health.input.mixin"]
    _order = "convention_id, number desc, id desc"
    _rec_name = "convention_id"

    convention_id = fields.Many2one(
        "health.convention", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="convention_id.company_id", store=True, index=True)
    number = fields.Integer(
        string="Renewal No.", readonly=True, help="Renewals of the convention, in order."
    )
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
    decision = fields.Char(
        readonly=True, help="Decision renewing the convention expressly (e.g. a deliberation)."
    )
    amendment_id = fields.Many2one(
        "health.convention.amendment", readonly=True, index="btree_not_null"
    )

    @api.model_create_multi
    def create(self, vals_list):
        """Number the renewals per convention: 1, 2, 3… (one query for the batch)."""
        # the ids that are not a convention's are refused by the input check
        convention_ids = {
            vals["convention_id"] for vals in vals_list if is_record_id(vals.get("convention_id"))
        }
        last = dict(
            self.sudo()._read_group(
                [("convention_id", "in", list(convention_ids))], ["convention_id"], ["number:max"]
            )
        )
        last = {convention.id: number for convention, number in last.items()}
        for vals in vals_list:
            number = last.get(vals.get("convention_id"), 0) + 1
            last[vals.get("convention_id")] = number
            vals["number"] = number
        return super().create(vals_list)
