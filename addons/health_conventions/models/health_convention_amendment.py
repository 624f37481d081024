from odoo import api, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from ..checks import REFERENCE_MAX_LENGTH, date_range_error, deliberation_error

# what an amendment in force has applied to its convention
APPLIED_FIELDS = ("convention_id", "new_date_end", "new_amount")


class HealthConventionAmendment(models.Model):
    """An amendment ("avenant") to a convention, numbered per convention.

    It has its own authorising act (deliberation), signature and Préfecture transmission; when
    put in force it changes the convention's end date, amount and articles,
    and keeps the previous values as the history of the terms.
    """

    _name = "health.convention.amendment"
    _description = "Convention Amendment"
    _inherit = [
        "mail.thread",
        "health.prefecture.transmission.mixin",
        "health.numbered.mixin",
        "health.input.mixin",
    ]
    _order = "convention_id, number"
    _health_max_lengths = {"act_identifier": REFERENCE_MAX_LENGTH}
    _health_number_parent = "convention_id"

    convention_id = fields.Many2one(
        "health.convention", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="convention_id.company_id", store=True)
    currency_id = fields.Many2one(related="convention_id.currency_id")
    name = fields.Char(compute="_compute_name")
    subject = fields.Text(required=True, help="What the amendment changes, and why.")
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("in_force", "In force")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    act_id = fields.Many2one(
        "health.authorising.act",
        string="Authorising act",
        ondelete="restrict",
        index="btree_not_null",
        help="Deliberation or decision that authorises the signature of the amendment.",
    )
    signature_date = fields.Date(tracking=True)
    date_applied = fields.Date(string="In force since", readonly=True, copy=False)
    new_date_end = fields.Date(string="New end date")
    new_amount = fields.Monetary(string="New amount", currency_field="currency_id")
    line_ids = fields.One2many(
        "health.convention.amendment.line", "amendment_id", string="Article changes"
    )
    previous_date_end = fields.Date(readonly=True, copy=False)
    previous_amount = fields.Monetary(readonly=True, copy=False, currency_field="currency_id")

    @api.depends("number")
    def _compute_name(self):
        for amendment in self:
            amendment.name = self.env._("Amendment No. %(number)s", number=amendment.number or "")

    def write(self, vals):
        locked = [fname for fname in APPLIED_FIELDS if fname in vals]
        in_force = self.filtered(lambda amendment: amendment.state == "in_force")
        if locked and in_force:
            raise UserError(
                self.env._(
                    "%(amendment)s is in force: what it changes can no longer be "
                    "edited; record a new amendment.",
                    amendment=in_force[0].display_name,
                )
            )
        return super().write(vals)

    @api.constrains("new_date_end")
    def _check_new_date_end(self):
        for amendment in self:
            error = date_range_error(amendment, ["new_date_end"])
            if error:
                raise ValidationError(error)
            start = amendment.convention_id.date_start
            if amendment.new_date_end and start and amendment.new_date_end < start:
                raise ValidationError(
                    self.env._(
                        "%(amendment)s: the new end date cannot be before the "
                        "convention's effective date.",
                        amendment=amendment.display_name,
                    )
                )

    @api.constrains("new_amount")
    def _check_new_amount(self):
        for amendment in self:
            if amendment.new_amount < 0:
                raise ValidationError(
                    self.env._(
                        "%(amendment)s: the new amount cannot be negative; enter the new "
                        "total amount, or 0 to keep the current one.",
                        amendment=amendment.display_name,
                    )
                )

    @api.constrains("act_id", "signature_date", "transmission_date")
    def _check_deliberation_dates(self):
        for amendment in self:
            error = deliberation_error(
                amendment, amendment.act_id, amendment.signature_date, amendment.transmission_date
            )
            if error:
                raise ValidationError(error)
            signed = amendment.convention_id.date_signed
            if amendment.signature_date and signed and amendment.signature_date < signed:
                raise ValidationError(
                    self.env._(
                        "%(amendment)s: an amendment is signed after the convention it "
                        "amends (last signature on %(date)s); correct the signature date.",
                        amendment=amendment.display_name,
                        date=format_date(self.env, signed),
                    )
                )

    def action_sign(self):
        for amendment in self:
            if amendment.state != "draft":
                raise UserError(self.env._("Only draft amendments can be signed."))
            if not amendment.signature_date:
                raise UserError(
                    self.env._(
                        "%(amendment)s: enter the signature date first.",
                        amendment=amendment.display_name,
                    )
                )
        self.write({"state": "signed"})

    def action_put_in_force(self):
        """Apply the amendment's changes to the convention."""
        if any(amendment.state != "signed" for amendment in self):
            raise UserError(self.env._("Only signed amendments can be put in force."))
        if any(a.convention_id.state not in ("signed", "in_force") for a in self):
            raise UserError(self.env._("Amendments apply to signed or in-force conventions only."))
        today = tools.reference_date(self)
        self._check_enforceable(today)
        for amendment in self.sorted("number"):
            amendment._apply(today)

    def _prepare_convention_vals(self):
        """Values the amendment writes on its convention (extension hook)."""
        self.ensure_one()
        vals = {}
        # the new end date applies through the amendment in force (see the
        # convention's end date)
        if self.new_amount:
            vals["amount"] = self.new_amount
        return vals

    def _apply(self, today):
        self.ensure_one()
        convention = self.convention_id
        previous_end = convention.date_end
        self.write(
            {
                "state": "in_force",
                "date_applied": today,
                "previous_date_end": previous_end,
                "previous_amount": convention.amount,
            }
        )
        self.line_ids._apply()
        vals = self._prepare_convention_vals()
        if vals:
            convention.write(vals)
        if self.new_date_end and previous_end and self.new_date_end > previous_end:
            self.env["health.convention.renewal"].sudo().create(
                convention._prepare_renewal_line_vals(
                    previous_end, self.new_date_end, "express", today, amendment_id=self.id
                )
            )
        changes = []
        if self.new_date_end:
            changes.append(
                self.env._("end date %(date)s", date=format_date(self.env, self.new_date_end))
            )
        if self.line_ids:
            changes.append(self.env._("%(count)s article(s) changed", count=len(self.line_ids)))
        if self.new_amount:
            changes.append(self.env._("new amount"))
        convention.message_post(
            body=self.env._(
                "%(amendment)s in force: %(changes)s.",
                amendment=self.name,
                changes=", ".join(changes) or self.env._("no change of terms"),
            )
        )
        convention._replace_moved_deadline_activities(today)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_force(self):
        if any(amendment.state == "in_force" for amendment in self):
            raise UserError(self.env._("An amendment in force cannot be deleted."))
