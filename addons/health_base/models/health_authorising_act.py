from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from ..tools import ACT_TYPES, DELIBERATION_BODIES


class HealthAuthorisingAct(models.Model):
    """The act that authorises a step of the programme: a deliberation of an
    assembly, a decision or an order (arrêté) of its executive.

    A party signs a convention under one or more deliberations, an
    amendment or a renewal is approved by a deliberation, a grant is awarded
    by a decision. The act records who adopted it, when, under which number,
    for what object, and its transmission to the Préfecture (contrôle de
    légalité) which makes it enforceable.
    """

    _name = "health.authorising.act"
    _description = "Authorising Act"
    _inherit = ["mail.thread", "health.prefecture.transmission.mixin", "health.input.mixin"]
    _order = "date desc, id desc"
    _health_max_lengths = {"number": 64, "act_identifier": 64}

    act_type = fields.Selection(
        ACT_TYPES, string="Type", required=True, default="deliberation", tracking=True
    )
    body = fields.Selection(
        DELIBERATION_BODIES,
        string="Adopted by",
        help="The assembly or board that adopted the deliberation.",
    )
    number = fields.Char(required=True, tracking=True, index="trigram")
    date = fields.Date(required=True, tracking=True, index=True)
    subject = fields.Text(string="Object", help="What the act decides.")
    partner_id = fields.Many2one(
        "res.partner",
        string="Authority",
        index=True,
        tracking=True,
        help="The local authority or body that adopted the act.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)

    @api.depends("act_type", "number", "date")
    @api.depends_context("lang")
    def _compute_display_name(self):
        labels = dict(self._fields["act_type"]._description_selection(self.env))
        for act in self:
            if not act.number:
                act.display_name = labels.get(act.act_type, "")
                continue
            act.display_name = self.env._(
                "%(type)s No. %(number)s of %(date)s",
                type=labels.get(act.act_type, ""),
                number=act.number,
                date=format_date(self.env, act.date) if act.date else "?",
            )

    @api.model
    def _search_display_name(self, operator, value):
        if operator in ("ilike", "=ilike", "like", "=") and isinstance(value, str):
            return ["|", ("number", operator, value), ("subject", operator, value)]
        return super()._search_display_name(operator, value)

    @api.constrains("number", "date", "partner_id", "act_type")
    def _check_unique_number(self):
        """One act per authority, type, number and date."""
        acts = self.filtered(lambda act: act.number and act.date)
        if not acts:
            return
        groups = self.with_context(active_test=False)._read_group(
            [("number", "in", acts.mapped("number"))],
            ["partner_id", "act_type", "number", "date:day"],
            ["__count"],
        )
        for partner, act_type, number, day, count in groups:
            if count > 1 and any(
                act.partner_id == partner
                and act.act_type == act_type
                and act.number == number
                and act.date == day
                for act in acts
            ):
                raise ValidationError(
                    self.env._(
                        "The act No. %(number)s of %(date)s is already recorded for "
                        "%(authority)s: select it instead of recording it again.",
                        number=number,
                        date=format_date(self.env, day),
                        authority=partner.display_name or self.env._("this authority"),
                    )
                )

    @api.constrains("date", "transmission_date")
    def _check_transmitted_after_adoption(self):
        for act in self:
            if act.date and act.transmission_date and act.transmission_date < act.date:
                raise ValidationError(
                    self.env._(
                        "%(act)s: an act cannot be sent to the Préfecture before it is "
                        "adopted; set a transmission date on or after %(date)s.",
                        act=act.display_name,
                        date=format_date(self.env, act.date),
                    )
                )
