import re

from stdnum import luhn

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import email_normalize

# digits, spaces and the usual separators, with an optional leading "+"
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 .()/-]{3,30}$")


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "health.territory.mixin", "health.input.mixin"]

    # Odoo's own fields keep Odoo's behaviour but for a contact's name, which
    # gets a length limit; the suite's fields are all checked.
    _health_checked_fields = {
        "name",
        "health_role_ids",
        "health_organization_type_id",
        "health_rpps",
        "health_territory_id",
        "health_internship_semester_ids",
    }

    health_role_ids = fields.Many2many(
        "health.partner.role",
        string="Health Roles",
        help="Roles of the person in the health programme (GP, MSU, intern…).",
    )
    health_organization_type_id = fields.Many2one(
        "health.organization.type",
        string="Organisation Type",
        index="btree_not_null",
        ondelete="restrict",
    )
    health_rpps = fields.Char(
        string="RPPS Number",
        copy=False,
        index="btree_not_null",
        help="National 11-digit identifier of health professionals "
        "(Répertoire partagé des professionnels de santé).",
    )
    health_internship_semester_ids = fields.Many2many(
        "health.internship.semester",
        string="Internship Semesters",
        help="Semesters in which this intern is placed in the territory.",
    )
    is_health_professional = fields.Boolean(
        compute="_compute_is_health_professional",
        search="_search_is_health_professional",
        string="Health Professional",
    )

    _sql_constraints = [
        (
            "health_rpps_unique",
            "unique(health_rpps)",
            "Another contact already has this RPPS number.",
        ),
    ]

    @api.depends("health_role_ids")
    def _compute_is_health_professional(self):
        for partner in self:
            partner.is_health_professional = bool(partner.health_role_ids)

    def _search_is_health_professional(self, operator, value):
        positive = (operator == "=") == bool(value)
        return [("health_role_ids", "!=" if positive else "=", False)]

    # ------------------------------------------------------------------ RPPS
    @api.model
    def _health_normalize_rpps(self, value):
        return "".join(value.split()) if isinstance(value, str) else value

    @api.model
    def _health_rpps_error(self, value):
        """Why ``value`` is not a valid RPPS number, or None if it is."""
        if len(value) != 11 or not value.isdigit():
            return self.env._(
                "The RPPS number %(rpps)s must have exactly 11 digits "
                "(it has %(count)s characters).",
                rpps=value,
                count=len(value),
            )
        if not luhn.is_valid(value):
            return self.env._(
                "The RPPS number %(rpps)s is not valid: its last digit (check "
                "digit) should be %(digit)s. Check the number on the professional's "
                "card or in the public RPPS directory.",
                rpps=value,
                digit=luhn.calc_check_digit(value[:10]),
            )
        return None

    @api.constrains("email", "phone", "mobile", "health_role_ids", "health_organization_type_id")
    def _check_health_contact_details(self):
        """The professionals and organisations of the programme are written to
        and called: their e-mail and phone numbers must be usable."""
        for partner in self.filtered(lambda p: p.health_role_ids or p.health_organization_type_id):
            if partner.email and not email_normalize(partner.email):
                raise ValidationError(
                    self.env._(
                        "The e-mail address %(email)s of %(name)s is not valid "
                        "(expected something like name@example.fr).",
                        email=partner.email,
                        name=partner.display_name,
                    )
                )
            for number in (partner.phone, partner.mobile):
                if number and not PHONE_PATTERN.match(number.strip()):
                    raise ValidationError(
                        self.env._(
                            "The phone number %(phone)s of %(name)s is not valid: "
                            "use digits, spaces, dots or dashes, with an optional "
                            "leading + (e.g. 05 49 00 00 00 or +33 5 49 00 00 00).",
                            phone=number,
                            name=partner.display_name,
                        )
                    )

    @api.constrains("health_rpps")
    def _check_health_rpps(self):
        for partner in self.filtered("health_rpps"):
            error = self._health_rpps_error(partner.health_rpps)
            if error:
                raise ValidationError(error)

    def _health_check_rpps_free(self, numbers):
        """Refuse RPPS numbers given twice or already held by another contact.

        ``self`` holds the partners being written (empty on create); runs
        before the database is touched so that the user gets a clear error
        rather than a unique-constraint violation.
        """
        numbers = [number for number in numbers if number]
        if not numbers:
            return
        seen = set()
        for number in numbers:
            if number in seen:
                raise ValidationError(
                    self.env._(
                        "The RPPS number %(rpps)s is given to several contacts at "
                        "once: a person has only one RPPS number.",
                        rpps=number,
                    )
                )
            seen.add(number)
        holders = (
            self.with_context(active_test=False)
            .sudo()
            .search([("health_rpps", "in", numbers), ("id", "not in", self.ids)])
        )
        for holder in holders:
            raise ValidationError(
                self.env._(
                    "The RPPS number %(rpps)s is already used by %(name)s: "
                    "a person has only one RPPS number.",
                    rpps=holder.health_rpps,
                    name=holder.display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("health_rpps"):
                vals["health_rpps"] = self._health_normalize_rpps(vals["health_rpps"])
        self.browse()._health_check_rpps_free([vals.get("health_rpps") for vals in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("health_rpps"):
            vals["health_rpps"] = self._health_normalize_rpps(vals["health_rpps"])
            self._health_check_rpps_free([vals["health_rpps"]] * len(self))
        return super().write(vals)

    @api.model
    def _health_role_domain(self, code):
        """Domain of the partners holding the health role ``code``."""
        return [("health_role_ids.code", "=", code)]
