from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

OPPORTUNITY_TYPES = [
    ("takeover", "Practice to take over"),
    ("vacancy", "Vacancy in an MSP or health centre"),
    ("salaried", "Salaried or mixed post"),
    ("locum", "Long-term locum"),
]
PRACTICE_MODES = [
    ("msp", "Multi-professional health centre (MSP)"),
    ("health_centre", "Health centre (salaried)"),
    ("group", "Group practice"),
    ("solo", "Solo practice"),
    ("mixed", "Mixed salaried / liberal"),
]
STATES = [
    ("draft", "Draft"),
    ("published", "Published"),
    ("filled", "Filled"),
    ("withdrawn", "Withdrawn"),
]
# the transitions the officers may make; "filled" is also reached by itself
# when a candidacy linked to the opportunity is installed (glue addon)
TRANSITIONS = {
    "published": ("draft", "withdrawn"),
    "filled": ("published",),
    "withdrawn": ("draft", "published"),
    "draft": ("withdrawn", "filled"),
}


class HealthWebsiteOpportunity(models.Model):
    """A practice opportunity offered to doctors on the public site."""

    _name = "health.website.opportunity"
    _inherit = [
        "health.input.mixin",
        "mail.thread",
        "image.mixin",
        "website.seo.metadata",
    ]
    _description = "Practice Opportunity"
    _order = "state_sequence, start_date, id desc"

    name = fields.Char(string="Title", required=True, translate=True, tracking=True)
    opportunity_type = fields.Selection(
        OPPORTUNITY_TYPES, string="Type", required=True, default="takeover", tracking=True
    )
    territory_id = fields.Many2one(
        "health.territory",
        string="Commune",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('territory_type', '=', 'commune')]",
        tracking=True,
    )
    epci_id = fields.Many2one(
        "health.territory",
        string="Intercommunality",
        related="territory_id.parent_id",
        store=True,
        index="btree_not_null",
    )
    zoning = fields.Selection(related="territory_id.zoning", string="Zoning")
    practice_mode = fields.Selection(PRACTICE_MODES, string="Practice Mode", required=True)
    start_date = fields.Date(string="Start Date", help="When the doctor may start.")
    retirement_date = fields.Date(
        string="Planned Retirement",
        help="For a practice to take over: the date the retiring GP plans to stop.",
    )
    summary = fields.Char(translate=True, help="One sentence shown in the list of opportunities.")
    description = fields.Html(translate=True, sanitize=True)
    photo_ids = fields.One2many(
        "health.website.opportunity.image", "opportunity_id", string="Photos"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Contact Officer",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
        help="The programme officer who answers the applications. Never shown on the site.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        STATES, required=True, default="draft", readonly=True, copy=False, tracking=True
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    date_published = fields.Date(string="Published On", readonly=True, copy=False)
    website_url = fields.Char(string="Website URL", compute="_compute_website_url")
    active = fields.Boolean(default=True)

    _health_max_lengths = {"summary": 300}

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(STATES)}
        for opportunity in self:
            opportunity.state_sequence = order[opportunity.state]

    def _compute_website_url(self):
        for opportunity in self:
            opportunity.website_url = (
                f"/opportunites/{self.env['ir.http']._slug(opportunity)}"
                if opportunity.id
                else False
            )

    @api.constrains("territory_id")
    def _check_territory_id(self):
        for opportunity in self:
            if opportunity.territory_id.territory_type != "commune":
                raise ValidationError(
                    self.env._(
                        "%(name)s: an opportunity is located in a commune, not in "
                        "%(territory)s. Choose the commune of the practice.",
                        name=opportunity.name,
                        territory=opportunity.territory_id.display_name,
                    )
                )

    @api.constrains("opportunity_type", "retirement_date")
    def _check_retirement_date(self):
        for opportunity in self:
            if opportunity.retirement_date and opportunity.opportunity_type != "takeover":
                raise ValidationError(
                    self.env._(
                        "%(name)s: a planned retirement date only makes sense for a "
                        "practice to take over. Empty the date or change the type.",
                        name=opportunity.name,
                    )
                )

    # ------------------------------------------------------------ workflow
    def _health_move(self, state):
        """Move the opportunities to ``state``, refusing the transitions
        that are not allowed; one write for the batch."""
        refused = self.filtered(lambda opp: opp.state not in TRANSITIONS[state])
        if refused:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "These opportunities cannot become %(state)s from their current "
                    "status: %(names)s.",
                    state=labels[state],
                    names=", ".join(refused.mapped("display_name")),
                )
            )
        vals = {"state": state}
        if state == "published":
            vals["date_published"] = fields.Date.context_today(self)
        self.write(vals)
        return True

    def action_publish(self):
        missing = self.filtered(lambda opp: not opp.description or not opp.summary)
        if missing:
            raise UserError(
                self.env._(
                    "Write a summary and a description before publishing: %(names)s.",
                    names=", ".join(missing.mapped("display_name")),
                )
            )
        return self._health_move("published")

    def action_fill(self):
        return self._health_move("filled")

    def action_withdraw(self):
        return self._health_move("withdrawn")

    def action_draft(self):
        return self._health_move("draft")

    def action_view_on_website(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": self.website_url, "target": "self"}

    # ------------------------------------------------------------ website
    @api.model
    def _health_public_domain(self):
        return [("state", "=", "published")]

    def _health_zoning_aids(self):
        """The aids the zoning of the commune opens, as sentences for the site."""
        self.ensure_one()
        return self.territory_id._health_zoning_aids()
