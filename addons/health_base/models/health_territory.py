import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Expected shape of the official code of each level: INSEE code of the
# département (2 digits, 2A/2B, 97x overseas), SIREN of the EPCI (9 digits),
# INSEE code of the commune (5 characters).
CODE_PATTERNS = {
    "departement": re.compile(r"^(\d{2}|2[AB]|97\d)$"),
    "epci": re.compile(r"^\d{9}$"),
    "commune": re.compile(r"^(\d{5}|2[AB]\d{3})$"),
}
# Which level may hold which: a commune belongs to an EPCI (or directly to
# its département), an EPCI to a département, a département to nothing.
ALLOWED_PARENTS = {
    "departement": (),
    "epci": ("departement",),
    "commune": ("epci", "departement"),
}


class HealthTerritory(models.Model):
    """A territory of the programme: département → EPCI → commune."""

    _name = "health.territory"
    _inherit = ["health.input.mixin"]
    _description = "Territory"
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"
    _rec_names_search = ["complete_name", "code"]
    _order = "complete_name"

    name = fields.Char(required=True)
    complete_name = fields.Char(compute="_compute_complete_name", recursive=True, store=True)
    code = fields.Char(
        string="Official Code",
        help="INSEE code of a département or commune, SIREN number of an EPCI.",
    )
    territory_type = fields.Selection(
        [
            ("departement", "Département"),
            ("epci", "Intercommunality (EPCI)"),
            ("commune", "Commune"),
        ],
        string="Level",
        required=True,
        default="commune",
    )
    parent_id = fields.Many2one(
        "health.territory",
        string="Part of",
        index=True,
        ondelete="restrict",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("health.territory", "parent_id", string="Contains")
    zoning = fields.Selection(
        [
            ("zip", "Priority intervention zone (ZIP)"),
            ("zac", "Complementary action zone (ZAC)"),
            ("none", "Not zoned"),
        ],
        default="none",
        required=True,
        help="Under-served zoning decided by the ARS: ZIP areas are the most "
        "under-served and open the largest installation aids.",
    )
    # overlays that add to the ZIP/ZAC zoning rather than replace it: a
    # commune in ZIP may also hold a priority neighbourhood or be rural
    zoning_qpv = fields.Boolean(
        string="Priority Neighbourhood (QPV)",
        help="The territory holds a quartier prioritaire de la politique de la ville: "
        "practising there opens specific aids and tax exemptions.",
    )
    zoning_frr = fields.Boolean(
        string="Rural Revitalisation (FRR)",
        help="France Ruralités Revitalisation (formerly ZRR): tax exemptions for a "
        "practitioner settling in the commune.",
    )
    population = fields.Integer()
    latitude = fields.Float(
        digits=(10, 7),
        help="Latitude of the territory's centre (WGS 84, decimal degrees): "
        "places it on the suite's maps without any geocoding service.",
    )
    longitude = fields.Float(
        digits=(10, 7),
        help="Longitude of the territory's centre (WGS 84, decimal degrees).",
    )
    active = fields.Boolean(default=True)
    partner_count = fields.Integer(string="Contacts", compute="_compute_partner_count")

    _sql_constraints = [
        (
            "code_unique",
            "unique(territory_type, code)",
            "Another territory of the same level already has this official code.",
        ),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for territory in self:
            if territory.parent_id:
                territory.complete_name = f"{territory.parent_id.complete_name} / {territory.name}"
            else:
                territory.complete_name = territory.name

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("health_territory_id", "child_of", self.ids)],
                groupby=["health_territory_id"],
                aggregates=["__count"],
            )
        )
        for territory in self:
            territory.partner_count = sum(
                count
                for area, count in counts.items()
                if str(territory.id) in area.parent_path.split("/")
            )

    @api.constrains("parent_id", "territory_type")
    def _check_parent_id(self):
        # cycles are refused by the parent store itself ("Recursion Detected")
        for territory in self:
            allowed = ALLOWED_PARENTS[territory.territory_type]
            parent = territory.parent_id
            if parent and parent.territory_type not in allowed:
                raise ValidationError(
                    self.env._(
                        "%(territory)s is a %(level)s: it cannot be part of "
                        "%(parent)s, which is a %(parent_level)s.",
                        territory=territory.name,
                        level=territory._level_label(),
                        parent=parent.name,
                        parent_level=parent._level_label(),
                    )
                )
            wrong_child = territory.child_ids.filtered(
                lambda child, level=territory.territory_type: level
                not in ALLOWED_PARENTS[child.territory_type]
            )[:1]
            if wrong_child:
                raise ValidationError(
                    self.env._(
                        "%(territory)s cannot be a %(level)s: it contains %(child)s, "
                        "which is a %(child_level)s.",
                        territory=territory.name,
                        level=territory._level_label(),
                        child=wrong_child.name,
                        child_level=wrong_child._level_label(),
                    )
                )
            if not parent and allowed:
                raise ValidationError(
                    self.env._(
                        "%(territory)s is a %(level)s: say which territory it is part of.",
                        territory=territory.name,
                        level=territory._level_label(),
                    )
                )

    @api.constrains("latitude", "longitude")
    def _check_coordinates(self):
        for territory in self:
            if not (-90 <= territory.latitude <= 90 and -180 <= territory.longitude <= 180):
                raise ValidationError(
                    self.env._(
                        "The coordinates of %(territory)s are out of range: the latitude "
                        "must lie between -90 and 90 and the longitude between -180 and 180.",
                        territory=territory.name,
                    )
                )

    @api.constrains("code", "territory_type")
    def _check_code(self):
        messages = {
            "departement": self.env._("two digits, 2A/2B or 97x (INSEE code of the département)"),
            "epci": self.env._("nine digits (SIREN number of the EPCI)"),
            "commune": self.env._("five characters (INSEE code of the commune)"),
        }
        for territory in self.filtered("code"):
            if not CODE_PATTERNS[territory.territory_type].match(territory.code):
                raise ValidationError(
                    self.env._(
                        "The official code %(code)s of %(territory)s is not valid: "
                        "expected %(expected)s.",
                        code=territory.code,
                        territory=territory.name,
                        expected=messages[territory.territory_type],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if isinstance(vals.get("code"), str):
                vals["code"] = vals["code"].strip().upper()
        return super().create(vals_list)

    def write(self, vals):
        if isinstance(vals.get("code"), str):
            vals["code"] = vals["code"].strip().upper()
        return super().write(vals)

    def _level_label(self):
        self.ensure_one()
        return dict(self._fields["territory_type"]._description_selection(self.env))[
            self.territory_type
        ]

    def action_view_partners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_base.res_partner_action_health"
        )
        action["domain"] = [("health_territory_id", "child_of", self.id)]
        action["context"] = {}
        return action
