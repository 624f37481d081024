from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import UserError, ValidationError

OBSERVATORY_USER = "health_observatory.group_observatory_user"

PRACTICE_MODES = [
    ("liberal", "Liberal"),
    ("salaried", "Salaried"),
    ("mixed", "Mixed"),
]
PRACTICE_STRUCTURES = [
    ("solo", "Solo practice"),
    ("group", "Group practice"),
    ("msp", "Multi-professional health house (MSP)"),
    ("health_centre", "Health centre"),
]
# age bands and the age taken for the middle of each band
AGE_BANDS = [
    ("lt40", "Under 40"),
    ("40_49", "40 to 49"),
    ("50_59", "50 to 59"),
    ("60_64", "60 to 64"),
    ("65_plus", "65 and over"),
]
AGE_BAND_MIDDLE = {"lt40": 35, "40_49": 45, "50_59": 55, "60_64": 62, "65_plus": 67}
HANDOVER_INTENTIONS = [
    ("none", "No handover planned"),
    ("thinking", "Thinking about it"),
    ("looking", "Looking for a successor"),
    ("found", "Successor found"),
]
DATA_SOURCES = [
    ("declared", "Declared by the doctor"),
    ("order", "Departmental council of the Order"),
    ("cpts", "CPTS or health house"),
    ("estimate", "Estimated by the programme team"),
]
# the personal data of the observatory, erased together
PERSONAL_FIELDS = [
    "health_birth_year",
    "health_age_band",
    "health_declared_end_year",
    "health_handover_intention",
    "health_personal_data_source",
    "health_personal_data_date",
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    _health_checked_fields = {
        "name",
        "health_role_ids",
        "health_organization_type_id",
        "health_rpps",
        "health_territory_id",
        "health_internship_semester_ids",
        "health_practice_commune_id",
        "health_practice_mode",
        "health_practice_structure",
        "health_practising",
        "health_rpps_national_id",
        *PERSONAL_FIELDS,
    }

    health_practice_commune_id = fields.Many2one(
        "health.territory",
        string="Practice Commune",
        domain="[('territory_type', '=', 'commune')]",
        index="btree_not_null",
        ondelete="restrict",
        help="Commune where the GP practises (main site).",
    )
    health_practice_latitude = fields.Float(
        related="health_practice_commune_id.latitude", string="Practice Latitude"
    )
    health_practice_longitude = fields.Float(
        related="health_practice_commune_id.longitude", string="Practice Longitude"
    )
    health_practice_commune_name = fields.Char(
        related="health_practice_commune_id.name", string="Practice Commune Name"
    )
    health_practice_mode = fields.Selection(PRACTICE_MODES, string="Practice Mode")
    health_practice_structure = fields.Selection(PRACTICE_STRUCTURES, string="Practice Structure")
    health_practising = fields.Boolean(
        string="Practising in the Territory",
        copy=False,
        help="Counted in the observatory's roster. The RPPS import unticks it when the GP "
        "is no longer in the file, and records the departure.",
    )
    health_rpps_national_id = fields.Char(
        string="National RPPS Identification",
        copy=False,
        index="btree_not_null",
        help="'Identification nationale PP' of the Annuaire Santé: matches the GP across imports.",
    )
    health_is_msu = fields.Boolean(
        string="Internship Supervisor (MSU)",
        compute="_compute_health_is_msu",
        search="_search_health_is_msu",
    )
    health_movement_ids = fields.One2many(
        "health.observatory.movement", "partner_id", string="Arrivals and Departures"
    )
    # personal data collected for the public mission of foresight
    health_birth_year = fields.Integer(groups=OBSERVATORY_USER, copy=False)
    health_age_band = fields.Selection(AGE_BANDS, groups=OBSERVATORY_USER, copy=False)
    health_declared_end_year = fields.Integer(
        string="Declared End of Practice (Year)",
        groups=OBSERVATORY_USER,
        copy=False,
        help="Year in which the GP says they will stop practising.",
    )
    health_handover_intention = fields.Selection(
        HANDOVER_INTENTIONS, string="Handover Intention", groups=OBSERVATORY_USER, copy=False
    )
    health_personal_data_source = fields.Selection(
        DATA_SOURCES,
        string="Source of the Age and Intentions",
        groups=OBSERVATORY_USER,
        copy=False,
    )
    health_personal_data_date = fields.Date(
        string="Collected On",
        groups=OBSERVATORY_USER,
        copy=False,
        help="Date the age and intentions were collected: an age band is read at that date.",
    )
    health_expected_end_year = fields.Integer(
        string="Expected End of Practice (Year)",
        compute="_compute_health_expected_end_year",
        groups=OBSERVATORY_USER,
        help="Declared year, or the year the GP reaches the end-of-practice age set in the "
        "settings (from the year of birth, or from the age band).",
    )

    _sql_constraints = [
        (
            "health_rpps_national_id_unique",
            "unique(health_rpps_national_id)",
            "Another contact already has this national RPPS identification.",
        ),
    ]

    def _compute_health_is_msu(self):
        msu = self.env.ref("health_base.role_msu", raise_if_not_found=False)
        for partner in self:
            partner.health_is_msu = bool(msu) and msu in partner.health_role_ids

    def _search_health_is_msu(self, operator, value):
        positive = (operator == "=") == bool(value)
        domain = [("health_role_ids.code", "=", "msu")]
        return domain if positive else ["!", *domain]

    @api.depends(
        "health_birth_year",
        "health_age_band",
        "health_declared_end_year",
        "health_personal_data_date",
    )
    def _compute_health_expected_end_year(self):
        end_age = self._health_end_of_practice_age()
        this_year = fields.Date.context_today(self).year
        for partner in self:
            partner.health_expected_end_year = (
                partner._health_end_year_from(partner._health_personal_values(), end_age, this_year)
                or 0
            )

    def _health_personal_values(self):
        self.ensure_one()
        return {name: self[name] for name in PERSONAL_FIELDS}

    @api.model
    def _health_practising_gp_domain(self):
        """The GPs of the roster: practising GPs with a practice commune.
        Every count of the observatory (indicators, tiles, measures) reads
        them through this domain."""
        return [
            ("health_practising", "=", True),
            ("health_practice_commune_id", "!=", False),
            ("health_role_ids.code", "=", "gp"),
        ]

    @api.model
    def _health_end_of_practice_age(self):
        return tools.get_int_param(
            self.env, "health_observatory.end_of_practice_age", 67, minimum=50, maximum=90
        )

    @api.model
    def _health_birth_year_from(self, values, reference_year):
        """Year of birth, or estimated from the age band read when collected."""
        if values.get("health_birth_year"):
            return values["health_birth_year"]
        band = values.get("health_age_band")
        if not band:
            return None
        collected = values.get("health_personal_data_date")
        year = fields.Date.to_date(collected).year if collected else reference_year
        return year - AGE_BAND_MIDDLE[band]

    @api.model
    def _health_end_year_from(self, values, end_age, reference_year):
        """Declared end of practice, else the year the end-of-practice age is
        reached; None when nothing is known of the GP's age."""
        if values.get("health_declared_end_year"):
            return values["health_declared_end_year"]
        birth = self._health_birth_year_from(values, reference_year)
        return birth + end_age if birth else None

    @api.constrains("health_birth_year", "health_declared_end_year")
    def _check_health_observatory_years(self):
        this_year = fields.Date.context_today(self).year
        for partner in self.sudo():
            birth, end = partner.health_birth_year, partner.health_declared_end_year
            if birth and not 1920 <= birth <= this_year - 20:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the year of birth %(year)s is not plausible for a "
                        "practising doctor: enter a year between 1920 and %(last)s.",
                        name=partner.display_name,
                        year=birth,
                        last=this_year - 20,
                    )
                )
            if end and not (1950 <= end <= 2100 and (not birth or end > birth + 20)):
                raise ValidationError(
                    self.env._(
                        "%(name)s: the declared end of practice %(year)s is not plausible: "
                        "enter a four-digit year after the year of birth.",
                        name=partner.display_name,
                        year=end,
                    )
                )

    @api.constrains("health_practice_commune_id")
    def _check_health_practice_commune(self):
        for partner in self:
            commune = partner.health_practice_commune_id
            if commune and commune.territory_type != "commune":
                raise ValidationError(
                    self.env._(
                        "%(name)s: the practice place must be a commune, not %(territory)s.",
                        name=partner.display_name,
                        territory=commune.display_name,
                    )
                )

    # ---------------------------------------------------------------- GDPR
    def _prepare_health_observatory_erased_values(self):
        return dict.fromkeys(PERSONAL_FIELDS, False)

    def action_health_observatory_erase(self):
        """Erase the age and intentions of the GPs (right to erasure)."""
        if not self.env.user.has_group("health_observatory.group_observatory_manager"):
            raise UserError(
                self.env._("Only the observatory's administrators may erase personal data.")
            )
        self._health_observatory_erase()
        return True

    def _health_observatory_erase(self):
        self.sudo().write(self._prepare_health_observatory_erased_values())

    @api.model
    def _health_observatory_expired_domain(self, today=None):
        """GPs who left the territory longer ago than the retention period and
        still have personal data of the observatory."""
        today = today or fields.Date.context_today(self)
        years = tools.get_int_param(
            self.env, "health_observatory.retention_years", 2, minimum=1, maximum=50
        )
        limit = today - relativedelta(years=years)
        left = (
            self.env["health.observatory.movement"]
            .sudo()
            ._read_group(
                [("movement_type", "=", "departure")],
                groupby=["partner_id"],
                aggregates=["date:max"],
            )
        )
        partner_ids = [partner.id for partner, last in left if last <= limit]
        return [
            ("id", "in", partner_ids),
            ("health_practising", "=", False),
            "|",
            "|",
            ("health_birth_year", ">", 0),
            ("health_age_band", "!=", False),
            "|",
            ("health_declared_end_year", ">", 0),
            ("health_handover_intention", "!=", False),
        ]

    @api.model
    def _cron_health_observatory_erase_expired(self, today=None):
        partners = (
            self.sudo()
            .with_context(active_test=False)
            .search(self._health_observatory_expired_domain(today))
        )
        partners._health_observatory_erase()
        return partners
