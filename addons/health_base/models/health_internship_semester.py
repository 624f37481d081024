import re
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import get_int_param, reference_date


class HealthInternshipSemester(models.Model):
    """An internship semester of general-practice interns.

    Placements start early November and early May: the November semester of
    year Y runs from November (Y) to April (Y+1), the May semester of Y from
    May to October (Y).  Dates are computed from year and season and may be
    adjusted by hand when the faculty shifts them.
    """

    _name = "health.internship.semester"
    _inherit = ["health.input.mixin"]
    _description = "Internship Semester"
    _rec_name = "code"
    _order = "date_start desc, id desc"

    # (month, day) each season starts on; an extension hook for faculties
    # whose semesters start on another day.
    _season_starts = {"may": (5, 2), "november": (11, 2)}

    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year)
    season = fields.Selection(
        [("november", "November"), ("may", "May")],
        required=True,
        default="november",
    )
    code = fields.Char(compute="_compute_code", store=True, index=True)
    date_start = fields.Date(
        string="Start",
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    date_end = fields.Date(
        string="End",
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    academic_year = fields.Char(compute="_compute_code", store=True)
    is_current = fields.Boolean(
        string="Current", compute="_compute_is_current", search="_search_is_current"
    )
    active = fields.Boolean(default=True)
    note = fields.Text()

    _sql_constraints = [
        (
            "year_season_unique",
            "unique(year, season)",
            "This internship semester already exists.",
        ),
        (
            "dates_order",
            "CHECK(date_end > date_start)",
            "An internship semester must end after it starts.",
        ),
    ]

    # ------------------------------------------------------------------ dates
    @api.model
    def _season_start_date(self, year, season):
        month, day = self._season_starts[season]
        return date(year, month, day)

    @api.model
    def get_next_key(self, year, season):
        """The (year, season) that follows the given one."""
        return (year, "november") if season == "may" else (year + 1, "may")

    @api.model
    def get_key_for_date(self, day):
        """The (year, season) of the semester that covers ``day``."""
        if day >= self._season_start_date(day.year, "november"):
            return day.year, "november"
        if day >= self._season_start_date(day.year, "may"):
            return day.year, "may"
        return day.year - 1, "november"

    @api.depends("year", "season")
    def _compute_code(self):
        for semester in self:
            year, season = semester.year, semester.season
            semester.code = f"{year}-{'11' if season == 'november' else '05'}"
            first = year if season == "november" else year - 1
            semester.academic_year = f"{first}-{first + 1}"

    @api.depends("year", "season")
    def _compute_dates(self):
        for semester in self:
            if not (semester.year and semester.season):
                continue
            if not 1 <= semester.year <= 9998:
                continue  # refused by _check_year
            start = self._season_start_date(semester.year, semester.season)
            following = self._season_start_date(*self.get_next_key(semester.year, semester.season))
            semester.date_start = start
            semester.date_end = following - timedelta(days=1)

    @api.depends("date_start", "date_end")
    @api.depends_context("date")
    def _compute_is_current(self):
        today = reference_date(self)
        for semester in self:
            semester.is_current = bool(
                semester.date_start and semester.date_start <= today <= semester.date_end
            )

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on 'Current'."))
        today = reference_date(self)
        domain = [("date_start", "<=", today), ("date_end", ">=", today)]
        if (operator == "=") == value:
            return domain
        return ["|", ("date_start", ">", today), ("date_end", "<", today)]

    def _compute_display_name(self):
        for semester in self:
            if semester.season == "november" and semester.year:
                semester.display_name = self.env._("November %(year)s semester", year=semester.year)
            elif semester.season == "may" and semester.year:
                semester.display_name = self.env._("May %(year)s semester", year=semester.year)
            else:
                semester.display_name = semester.code or ""

    @api.constrains("year")
    def _check_year(self):
        for semester in self:
            if not 2000 <= semester.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "The year of an internship semester must lie between 2000 "
                        "and 2100 (got %(year)s).",
                        year=semester.year,
                    )
                )

    # Words that name a season in a search, in English and French.
    _season_words = {"nov": "november", "may": "may", "mai": "may"}

    @api.model
    def _search_display_name(self, operator, value):
        """Find "novembre 2025", "May 2026", "2025-11" or "2025"."""
        if (
            operator not in ("ilike", "=ilike", "=")
            or not isinstance(value, str)
            or re.fullmatch(r"\s*\d{4}-\d{2}\s*", value)  # a code: 2025-11
        ):
            return super()._search_display_name(operator, value)
        text = value.lower()
        years = [int(year) for year in re.findall(r"\b(\d{4})\b", text)]
        seasons = {season for word, season in self._season_words.items() if word in text}
        domain = [("code", operator, value)]
        if years or seasons:
            parsed = []
            if years:
                parsed.append(("year", "in", years))
            if seasons:
                parsed.append(("season", "in", sorted(seasons)))
            domain = ["|", *domain, "&", *parsed] if len(parsed) == 2 else ["|", *domain, *parsed]
        return domain

    # ---------------------------------------------------------- look-ups
    @api.model
    def get_for_date(self, day=None, create=False):
        """The semester covering ``day`` (the reference date by default).

        With ``create``, a missing semester is created: semesters are
        reference data that follow the calendar, so any user of the suite
        may cause the one they need to exist.
        """
        day = fields.Date.to_date(day) if day else reference_date(self)
        semester = self.search([("date_start", "<=", day), ("date_end", ">=", day)], limit=1)
        if semester or not create:
            return semester
        return self._get_or_create_key(*self.get_key_for_date(day))

    @api.model
    def get_next(self, day=None, create=False):
        """The semester after the one covering ``day`` (the reference date by
        default), created when missing and ``create`` is set."""
        day = fields.Date.to_date(day) if day else reference_date(self)
        year, season = self.get_next_key(*self.get_key_for_date(day))
        semester = self.with_context(active_test=False).search(
            [("year", "=", year), ("season", "=", season)], limit=1
        )
        if semester or not create:
            return semester
        return self._get_or_create_key(year, season)

    @api.model
    def _get_or_create_key(self, year, season):
        Semester = self.with_context(active_test=False)
        semester = Semester.search([("year", "=", year), ("season", "=", season)], limit=1)
        if not semester:
            semester = Semester.sudo().create({"year": year, "season": season})
        return semester.with_env(self.env)

    # ---------------------------------------------------------- scheduled
    @api.model
    def _get_lookahead(self):
        return get_int_param(self.env, "health_base.semester_lookahead", 2, minimum=0, maximum=20)

    @api.model
    def _cron_create_upcoming_semesters(self, day=None):
        """Make sure the current semester and the next ones exist.

        How many semesters ahead is the system parameter
        ``health_base.semester_lookahead`` (2 by default: one year).
        Returns the semesters created.
        """
        day = fields.Date.to_date(day) if day else reference_date(self)
        keys = [self.get_key_for_date(day)]
        for _i in range(self._get_lookahead()):
            keys.append(self.get_next_key(*keys[-1]))
        existing = {
            (semester.year, semester.season)
            for semester in self.with_context(active_test=False).search(
                [("year", "in", sorted({year for year, _season in keys}))]
            )
        }
        missing = [key for key in keys if key not in existing]
        return self.create([{"year": year, "season": season} for year, season in missing])
