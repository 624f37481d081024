from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HealthRecruitmentHouseholdLine(models.Model):
    """A need of the candidate's household: the spouse's job, a school or a
    childcare place for a child, housing for the family."""

    _name = "health.recruitment.household.line"
    _inherit = ["health.input.mixin"]
    _description = "Candidate Household Need"
    _order = "lead_id, sequence, id"

    lead_id = fields.Many2one(
        "crm.lead", string="Candidacy", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    member_type = fields.Selection(
        [
            ("spouse", "Spouse / partner"),
            ("child", "Child"),
            ("household", "Whole household"),
        ],
        string="Member",
        required=True,
        default="spouse",
    )
    member_name = fields.Char(string="First Name")
    child_age = fields.Integer(string="Age", help="Age of the child, in years.")
    need_type = fields.Selection(
        [
            ("spouse_job", "Spouse's job"),
            ("schooling", "Schooling"),
            ("childcare", "Childcare"),
            ("housing", "Housing"),
            ("other", "Other"),
        ],
        string="Need",
        required=True,
    )
    sector = fields.Char(
        help="For a spouse's job: the profession or sector looked for "
        "(e.g. nurse, teacher, engineering)."
    )
    description = fields.Text(string="Details")
    state = fields.Selection(
        [
            ("open", "To handle"),
            ("in_progress", "In progress"),
            ("met", "Met"),
            ("dropped", "Dropped"),
        ],
        string="Status",
        required=True,
        default="open",
    )
    user_id = fields.Many2one("res.users", string="Responsible")
    company_id = fields.Many2one(related="lead_id.company_id", store=True)

    @api.constrains("child_age")
    def _check_child_age(self):
        for line in self:
            if not 0 <= line.child_age <= 30:
                raise ValidationError(
                    self.env._(
                        "The age %(age)s of %(name)s is not possible: give the child's "
                        "age in years, between 0 and 30.",
                        age=line.child_age,
                        name=line.member_name or line.lead_id.display_name,
                    )
                )
