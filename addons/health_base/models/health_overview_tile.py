from odoo import api, fields, models
from odoo.tools import format_amount, format_date

from ..tools import reference_date

SECTIONS = [
    ("semester", "This semester"),
    ("money", "Money"),
    ("conventions", "Conventions"),
    ("alerts", "Alerts"),
]
UNITS = [
    ("count", "Count"),
    ("money", "Amount"),
    ("percent", "Percentage"),
]


class HealthOverviewTile(models.Model):
    """A figure of the steering overview.

    Tiles are data records declared by each application (XML); their figure
    is computed when the page is read, with the rights of the reader, by the
    method ``_health_tile_<code>(today)`` that the application adds to this
    model.  The method returns a dict:

    - ``value``: the number;
    - ``display`` (optional): the text shown instead of the formatted value;
    - ``target`` (optional): what the value is compared to, for the progress bar;
    - ``subtitle`` (optional): one line under the figure;
    - ``alert`` (optional): show the tile as late / to act upon;
    - ``res_model`` and ``domain``: the records behind the number, opened by a
      click (``action_open``); ``views`` (optional) the view types to open,
      or ``action`` (optional) the XML id of the window action to open.

    health_base knows none of the applications: a tile shows only to the users
    of every group in ``group_ids`` (record rule).
    """

    _name = "health.overview.tile"
    _inherit = ["health.input.mixin"]
    _description = "Overview Tile"
    _order = "section_sequence, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="The tile's figure is computed by the method _health_tile_<code>.",
    )
    section = fields.Selection(
        SECTIONS, required=True, default="semester", group_expand="_read_group_section"
    )
    section_sequence = fields.Integer(compute="_compute_section_sequence", store=True)
    sequence = fields.Integer(default=10)
    unit = fields.Selection(UNITS, required=True, default="count")
    description = fields.Char(translate=True, help="What the figure counts, shown on the tile.")
    group_ids = fields.Many2many(
        "res.groups",
        "health_overview_tile_group_rel",
        "tile_id",
        "group_id",
        string="Groups",
        help="The tile shows to the users that have all these groups.",
    )
    active = fields.Boolean(default=True)
    value = fields.Float(compute="_compute_figure", digits=(16, 2))
    value_display = fields.Char(string="Figure", compute="_compute_figure")
    target = fields.Float(compute="_compute_figure", digits=(16, 2))
    target_display = fields.Char(compute="_compute_figure")
    progress = fields.Float(compute="_compute_figure")
    subtitle = fields.Char(compute="_compute_figure")
    is_alert = fields.Boolean(string="Alert", compute="_compute_figure")
    has_target = fields.Boolean(compute="_compute_figure")

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another overview tile already has this code."),
    ]

    @api.depends("section")
    def _compute_section_sequence(self):
        order = {key: index for index, (key, __) in enumerate(SECTIONS)}
        for tile in self:
            tile.section_sequence = order.get(tile.section, len(order))

    @api.model
    def _read_group_section(self, sections, domain):
        return [key for key, __ in SECTIONS]

    # ------------------------------------------------------------ figures
    def _health_figure(self, today):
        """The figure dict of the tile (see the class docstring)."""
        self.ensure_one()
        method = getattr(self, f"_health_tile_{self.code}", None)
        if method is None:
            return {"value": 0.0, "subtitle": self.env._("No figure for this tile.")}
        return method(today)

    def _health_format(self, value):
        self.ensure_one()
        if self.unit == "money":
            return format_amount(self.env, value or 0.0, self.env.company.currency_id)
        if self.unit == "percent":
            return f"{value or 0.0:.0f} %"
        return f"{value or 0:g}"

    @api.depends_context("date", "uid", "allowed_company_ids")
    def _compute_figure(self):
        today = reference_date(self)
        for tile in self:
            figure = tile._health_figure(today) if tile.id else {}
            value = figure.get("value") or 0.0
            target = figure.get("target") or 0.0
            tile.value = value
            tile.value_display = figure.get("display") or tile._health_format(value)
            tile.target = target
            tile.has_target = bool(target)
            tile.target_display = tile._health_format(target) if target else False
            tile.progress = min(100.0, 100.0 * tile.value / target) if target else 0.0
            tile.subtitle = figure.get("subtitle") or tile.description or False
            tile.is_alert = bool(figure.get("alert"))

    def action_open(self):
        """The records behind the figure."""
        self.ensure_one()
        figure = self._health_figure(reference_date(self))
        res_model = figure.get("res_model")
        if not res_model:
            return False
        if figure.get("action"):
            action = self.env["ir.actions.act_window"]._for_xml_id(figure["action"])
            action.update(name=self.name, domain=figure.get("domain") or [])
            return action
        views = figure.get("views") or ["list", "form"]
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": res_model,
            "domain": figure.get("domain") or [],
            "views": [(False, view) for view in views],
            "context": figure.get("context") or {"create": False},
            "target": "current",
        }

    # ------------------------------------------------------- helpers for apps
    @api.model
    def _health_rate(self, part, whole):
        """``part`` as a percentage of ``whole`` (0 when ``whole`` is 0)."""
        return 100.0 * part / whole if whole else 0.0

    @api.model
    def _health_installation_cost_parts(self, date_from, date_to):
        """What the programme spent on installations between the two dates,
        as a list of (label, amount): each application that spends adds its
        part (toolbox measures, grants, evenings...).  An extension hook."""
        return []

    # ------------------------------------------------------ health_base tiles
    def _health_tile_semester(self, today):
        """The current internship semester and how far it has run."""
        semester = self.env["health.internship.semester"].get_for_date(today)
        if not semester:
            return {"display": self.env._("No current semester"), "alert": True}
        length = (semester.date_end - semester.date_start).days + 1
        elapsed = (today - semester.date_start).days + 1
        return {
            "value": elapsed,
            "target": length,
            "display": semester.display_name,
            "subtitle": self.env._(
                "Day %(elapsed)s of %(length)s, until %(end)s",
                elapsed=elapsed,
                length=length,
                end=format_date(self.env, semester.date_end),
            ),
            "res_model": "health.internship.semester",
            "domain": [("id", "=", semester.id)],
        }
