import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

RECRUITMENT_GROUP = "health_recruitment.group_recruitment_user"
# identity fields of a partner emptied by the anonymisation
PARTNER_IDENTITY_FIELDS = [
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "website",
    "function",
    "comment",
    "vat",
    "ref",
    "health_rpps",
    "health_birthdate",
    "health_consent_date",
    "health_consent_channel",
    "health_consent_text",
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    health_birthdate = fields.Date(string="Birth Date", groups=RECRUITMENT_GROUP)
    health_consent_date = fields.Date(
        string="Consent Date",
        groups=RECRUITMENT_GROUP,
        help="Date on which the person agreed that the programme keeps their data.",
    )
    health_consent_channel = fields.Selection(
        [
            ("form", "Web or paper form"),
            ("email", "Email"),
            ("phone", "Phone call"),
            ("meeting", "In person"),
            ("event", "At an event"),
        ],
        string="Consent Channel",
        groups=RECRUITMENT_GROUP,
    )
    health_consent_text = fields.Text(
        string="Consent Text",
        groups=RECRUITMENT_GROUP,
        help="The wording the person agreed to.",
    )
    health_last_contact_date = fields.Date(
        string="Last Contact",
        groups=RECRUITMENT_GROUP,
        help="Last time the person got in touch. The retention period of a "
        "candidate's data runs from this date.",
    )
    health_anonymized = fields.Boolean(string="Anonymised", copy=False, readonly=True)
    health_candidacy_ids = fields.One2many(
        "crm.lead",
        "partner_id",
        string="Candidacies",
        domain=[("health_is_recruitment", "=", True)],
        context={"active_test": False},
        groups=RECRUITMENT_GROUP,
    )
    health_candidacy_count = fields.Integer(
        string="Candidacy Count",
        compute="_compute_health_candidacy_count",
        groups=RECRUITMENT_GROUP,
    )

    def _compute_health_candidacy_count(self):
        counts = dict(
            self.env["crm.lead"]
            .with_context(active_test=False)
            ._read_group(
                [("partner_id", "in", self.ids), ("health_is_recruitment", "=", True)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.health_candidacy_count = counts.get(partner._origin, 0)

    def action_health_view_candidacies(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "health_recruitment.crm_lead_action_health_pipeline"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {
            "active_test": False,
            "default_partner_id": self.id,
            "default_type": "opportunity",
        }
        action["view_mode"] = "list,kanban,form"
        action["views"] = [(False, "list"), (False, "kanban"), (False, "form")]
        return action

    # ---------------------------------------------------------------- GDPR
    @api.model
    def _health_retention_years(self):
        """Retention periods in years: (prospect, after an unsuccessful candidacy)."""
        get_param = self.env["ir.config_parameter"].sudo().get_param
        return (
            int(get_param("health_recruitment.retention_prospect_years", 3)),
            int(get_param("health_recruitment.retention_lost_years", 2)),
        )

    @api.model
    def _health_expired_candidates_domain(self, today=None):
        """Partners whose candidacies never led to an installation and whose
        last contact is older than the retention period."""
        today = today or fields.Date.context_today(self)
        prospect_years, lost_years = self._health_retention_years()
        prospect_limit = today - relativedelta(years=prospect_years)
        lost_limit = today - relativedelta(years=lost_years)
        candidacy = [("health_is_recruitment", "=", True)]
        return [
            ("health_anonymized", "=", False),
            # never the contacts of users or organisations
            ("is_company", "=", False),
            ("user_ids", "=", False),
            ("health_candidacy_ids", "any", candidacy),
            ("health_candidacy_ids", "not any", [*candidacy, ("health_is_installed", "=", True)]),
            "|",
            ("health_last_contact_date", "<", lost_limit),
            ("health_last_contact_date", "=", False),
            "|",
            ("health_last_contact_date", "<", prospect_limit),
            (
                "health_candidacy_ids",
                "not any",
                [*candidacy, ("active", "=", True), ("health_is_installed", "=", False)],
            ),
        ]

    @api.model
    def _cron_health_anonymize_expired(self, limit=1000):
        partners = (
            self.sudo()
            .with_context(active_test=False)
            .search(self._health_expired_candidates_domain(), limit=limit)
        )
        partners._health_anonymize()
        _logger.info("Anonymised %s expired candidates", len(partners))
        return partners

    def action_health_anonymize(self):
        """Anonymise these candidates now (a person's request to be forgotten)."""
        if not self.env.user.has_group("health_recruitment.group_recruitment_manager"):
            raise UserError(self.env._("Only recruitment managers may anonymise candidates."))
        refused = self.filtered(
            lambda partner: partner.is_company
            or partner.sudo().user_ids
            or partner.health_anonymized
        )
        if refused:
            raise UserError(
                self.env._(
                    "These contacts cannot be anonymised (organisations, users or "
                    "already anonymised): %(names)s",
                    names=", ".join(refused.mapped("display_name")),
                )
            )
        self._health_anonymize()
        return True

    def _prepare_health_anonymized_values(self):
        values = dict.fromkeys(PARTNER_IDENTITY_FIELDS, False)
        values.update(
            {
                "name": self.env._("Anonymised candidate"),
                "health_anonymized": True,
                "active": False,
            }
        )
        return values

    def _health_anonymize(self):
        """Remove the identity of the partners and of their candidacies, keep
        the statistics (type, source, territories, semester, stage, outcome)."""
        if not self:
            return
        partners = self.sudo().with_context(active_test=False, tracking_disable=True)
        leads = partners.health_candidacy_ids
        partners.write(self._prepare_health_anonymized_values())
        leads._health_anonymize(partners)
        self.env["mail.message"].sudo().search(
            [("model", "=", "res.partner"), ("res_id", "in", partners.ids)]
        ).unlink()
        # the files of the partners, images included (fields stored as attachments)
        self.env["ir.attachment"].sudo().search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                "|",
                ("res_field", "=", False),
                ("res_field", "!=", False),
            ]
        ).unlink()
        partners.invalidate_recordset()
