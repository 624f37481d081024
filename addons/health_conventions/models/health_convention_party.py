from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..checks import NAME_MAX_LENGTH, deliberation_error
from .health_convention import LOCKED_STATES, _same_value

# what makes the last signature, hence the effective date
SIGNING_FIELDS = ("convention_id", "role", "is_signatory", "signature_date")

PARTY_ROLES = [
    ("lead", "Lead partner"),
    ("cosignatory", "Co-signatory"),
    ("associated", "Associated partner"),
]


class HealthConventionParty(models.Model):
    """A party to a convention: the organisation, who signs for it and the
    acts (deliberations of its assembly, decisions) that authorise the
    signature, with their transmission to the Préfecture."""

    _name = "health.convention.party"
    _description = "Convention Party"
    _inherit = ["health.input.mixin"]
    _order = "convention_id, sequence, id"
    _health_max_lengths = {"signatory_name": NAME_MAX_LENGTH}

    convention_id = fields.Many2one(
        "health.convention", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="convention_id.company_id", store=True)
    convention_state = fields.Selection(related="convention_id.state", string="Convention status")
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner", string="Organisation", required=True, ondelete="restrict"
    )
    role = fields.Selection(PARTY_ROLES, default="cosignatory", required=True)
    is_signatory = fields.Boolean(
        string="Signs",
        compute="_compute_is_signatory",
        store=True,
        readonly=False,
        help="The party signs the convention (associated partners usually do not).",
    )
    signatory_name = fields.Char(help="Who signs for the organisation, e.g. Mme Claire Siret.")
    signatory_title = fields.Char(
        help="Capacity of the signatory, e.g. Président du Conseil départemental."
    )
    representative_id = fields.Many2one(
        "res.partner",
        help="Person who represents the organisation at the steering committees.",
    )
    act_ids = fields.Many2many(
        "health.authorising.act",
        "health_convention_party_act_rel",
        "party_id",
        "act_id",
        string="Authorising acts",
        help="Deliberations or decisions that authorise the organisation to sign "
        "(several when the organisation acts under several of them).",
    )
    signature_date = fields.Date()

    @api.model_create_multi
    def create(self, vals_list):
        parties = super().create(vals_list)
        parties.filtered("is_signatory")._check_terms_unlocked()
        return parties

    def write(self, vals):
        signing = [
            fname
            for fname in SIGNING_FIELDS
            if fname in vals and any(not _same_value(party[fname], vals[fname]) for party in self)
        ]
        if signing:
            self._check_terms_unlocked(signing)
        result = super().write(vals)
        if "convention_id" in signing:
            self._check_terms_unlocked(signing)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        self.filtered("is_signatory")._check_terms_unlocked()

    def _check_terms_unlocked(self, field_names=("signature_date",)):
        """The signing parties and their signature dates make the effective
        date: they change only while the convention is not signed."""
        locked = self.convention_id.filtered(lambda c: c.state in LOCKED_STATES)
        if locked:
            locked[0]._raise_terms_locked(
                [self._health_field_label(self._fields[fname]) for fname in field_names]
            )

    @api.depends("role")
    def _compute_is_signatory(self):
        for party in self:
            party.is_signatory = party.role != "associated"

    @api.depends("partner_id", "convention_id")
    def _compute_display_name(self):
        for party in self:
            party.display_name = party.partner_id.display_name or ""

    @api.constrains("act_ids", "signature_date")
    def _check_deliberation_dates(self):
        for party in self:
            error = deliberation_error(party, party.act_ids, party.signature_date)
            if error:
                raise ValidationError(error)
