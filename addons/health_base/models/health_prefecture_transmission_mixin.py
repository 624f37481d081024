from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from ..tools import act_identifier_ok


class HealthPrefectureTransmissionMixin(models.AbstractModel):
    """Transmission of an act to the Préfecture (contrôle de légalité).

    The act is sent to the Préfecture, which acknowledges its receipt; it is
    enforceable ("exécutoire") from the enforceable date.
    """

    _name = "health.prefecture.transmission.mixin"
    _description = "Préfecture Transmission"

    transmission_required = fields.Boolean(
        default=True,
        help="The act must be sent to the Préfecture (contrôle de légalité) "
        "before it can be applied.",
    )
    act_identifier = fields.Char(
        help="Identifier of the act given by the transmission platform, "
        "e.g. 099-229900019-20251218-CP2025_12_04-DE.",
    )
    transmission_date = fields.Date(help="Date the act was sent to the Préfecture.")
    acknowledgement_date = fields.Date(help="Date of the Préfecture's acknowledgement of receipt.")
    enforceable_date = fields.Date(help="Date from which the act is enforceable.")

    @api.constrains("transmission_date", "acknowledgement_date", "enforceable_date")
    def _check_transmission_dates(self):
        for record in self:
            sent = record.transmission_date
            if record.acknowledgement_date and (not sent or record.acknowledgement_date < sent):
                raise ValidationError(
                    self.env._(
                        "%(act)s: the Préfecture cannot acknowledge an act before it "
                        "is sent; set the transmission date first, on or before the "
                        "acknowledgement date.",
                        act=record.display_name,
                    )
                )
            if record.enforceable_date and (not sent or record.enforceable_date < sent):
                raise ValidationError(
                    self.env._(
                        "%(act)s: an act cannot be enforceable before it is sent to "
                        "the Préfecture.",
                        act=record.display_name,
                    )
                )
            received = record.acknowledgement_date
            if record.enforceable_date and received and record.enforceable_date < received:
                raise ValidationError(
                    self.env._(
                        "%(act)s: an act becomes enforceable once the Préfecture has "
                        "received it; set the enforceable date on or after the "
                        "acknowledgement date (%(date)s).",
                        act=record.display_name,
                        date=format_date(self.env, received),
                    )
                )

    @api.constrains("act_identifier")
    def _check_act_identifier(self):
        for record in self:
            if record.act_identifier and not act_identifier_ok(record.act_identifier):
                raise ValidationError(
                    self.env._(
                        "%(act)s: the act identifier %(identifier)s does not follow the "
                        "format of the transmission platform: department, SIREN, date "
                        "of the act (YYYYMMDD), number of the act (letters, digits, _) "
                        "and nature, separated by hyphens, e.g. "
                        "099-229900019-20251218-CP2025_12_04-DE.",
                        act=record.display_name,
                        identifier=record.act_identifier,
                    )
                )

    def _is_enforceable(self, day):
        self.ensure_one()
        return not self.transmission_required or bool(
            self.enforceable_date and self.enforceable_date <= day
        )

    def _check_enforceable(self, day):
        """Refuse to apply an act that must be transmitted and is not enforceable yet."""
        for record in self:
            if record._is_enforceable(day):
                continue
            if not record.enforceable_date:
                raise UserError(
                    self.env._(
                        "%(act)s must be transmitted to the Préfecture first: record "
                        "the act identifier, the transmission date and the date it "
                        "became enforceable.",
                        act=record.display_name,
                    )
                )
            raise UserError(
                self.env._(
                    "%(act)s is enforceable only from %(date)s.",
                    act=record.display_name,
                    date=format_date(self.env, record.enforceable_date),
                )
            )
