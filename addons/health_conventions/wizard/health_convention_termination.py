from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from ..dates import period_end


class HealthConventionTermination(models.TransientModel):
    """Terminate a convention: date, reason, requesting party, registered
    letter; checks the notice period was respected."""

    _name = "health.convention.termination"
    _description = "Terminate a Convention"
    _inherit = ["health.input.mixin"]

    convention_id = fields.Many2one("health.convention", required=True, ondelete="cascade")
    notice_months = fields.Integer(related="convention_id.notice_months")
    termination_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="Last day the convention applies.",
    )
    reason = fields.Text(required=True)
    party_id = fields.Many2one(
        "health.convention.party",
        string="Requested by",
        required=True,
        domain="[('convention_id', '=', convention_id)]",
    )
    letter_date = fields.Date(
        string="Registered letter date",
        help="Date of the registered letter with acknowledgement of receipt.",
    )
    earliest_date = fields.Date(string="Earliest end with notice", compute="_compute_notice")
    notice_respected = fields.Boolean(compute="_compute_notice")
    accept_short_notice = fields.Boolean(
        string="Terminate anyway",
        help="The parties agree to end the convention without the full notice.",
    )

    @api.depends("letter_date", "notice_months", "termination_date")
    def _compute_notice(self):
        for wizard in self:
            months = wizard.notice_months
            if not months:
                wizard.earliest_date = wizard.letter_date
                wizard.notice_respected = True
                continue
            wizard.earliest_date = period_end(wizard.letter_date, months)
            wizard.notice_respected = bool(
                wizard.earliest_date
                and wizard.termination_date
                and wizard.termination_date >= wizard.earliest_date
            )

    @api.constrains("termination_date", "letter_date", "convention_id")
    def _check_dates(self):
        for wizard in self:
            end, start = wizard.termination_date, wizard.convention_id.date_start
            if wizard.letter_date and end and end < wizard.letter_date:
                raise ValidationError(
                    self.env._("The termination date cannot be before the registered letter.")
                )
            if start and end and end < start:
                raise ValidationError(
                    self.env._(
                        "%(convention)s takes effect on %(start)s: enter a termination "
                        "date on or after that day.",
                        convention=wizard.convention_id.display_name,
                        start=format_date(self.env, start),
                    )
                )

    def _prepare_termination_vals(self):
        self.ensure_one()
        return {
            "termination_date": self.termination_date,
            "termination_reason": self.reason,
            "termination_party_id": self.party_id.id,
            "termination_letter_date": self.letter_date,
            "termination_notice_respected": self.notice_respected,
        }

    def action_confirm(self):
        self.ensure_one()
        convention = self.convention_id
        if convention.state not in ("signed", "in_force"):
            raise UserError(self.env._("Only signed or in-force conventions can be terminated."))
        if self.notice_months and not self.letter_date:
            raise UserError(
                self.env._(
                    "This convention requires %(months)s months' notice by registered "
                    "letter: enter the date of the letter.",
                    months=self.notice_months,
                )
            )
        if not self.notice_respected and not self.accept_short_notice:
            raise UserError(
                self.env._(
                    "The notice of %(months)s months is not respected: with a letter "
                    "dated %(letter)s, the convention can end on %(earliest)s at the "
                    "earliest. Change the date, or tick 'Terminate anyway' if the "
                    "parties agree.",
                    months=self.notice_months,
                    letter=format_date(self.env, self.letter_date),
                    earliest=format_date(self.env, self.earliest_date),
                )
            )
        convention._terminate(self._prepare_termination_vals())
        return {"type": "ir.actions.act_window_close"}
