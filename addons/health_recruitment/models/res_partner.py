import logging
from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import AccessError, UserError, ValidationError

_logger = logging.getLogger(__name__)

RECRUITMENT_GROUP = "health_recruitment.group_recruitment_user"
MANAGER_GROUP = "health_recruitment.group_recruitment_manager"
# personal data of a candidate: stored field (recruitment managers) -> the
# field of the forms, readable by the users who follow one of the candidacies
CANDIDATE_DATA_FIELDS = {
    "health_birthdate": "health_candidate_birthdate",
    "health_consent_date": "health_candidate_consent_date",
    "health_consent_channel": "health_candidate_consent_channel",
    "health_consent_text": "health_candidate_consent_text",
    "health_last_contact_date": "health_candidate_last_contact_date",
}
CONSENT_CHANNELS = [
    ("form", "Web or paper form"),
    ("email", "Email"),
    ("phone", "Phone call"),
    ("meeting", "In person"),
    ("event", "At an event"),
]
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
    _name = "res.partner"
    _inherit = "res.partner"

    # this addon's fields; health_base's own add up with them
    _health_checked_fields = {
        *CANDIDATE_DATA_FIELDS,
        *CANDIDATE_DATA_FIELDS.values(),
        "health_anonymized",
    }

    # The stored personal data of the candidates: recruitment managers (and
    # the anonymisation, duplicates and retention, as superuser) only. The
    # other recruitment users go through the health_candidate_* fields.
    # copy=False: a duplicated contact does not inherit a person's personal
    # data (and users who may not read it can still duplicate the contact).
    health_birthdate = fields.Date(
        string="Birth Date (all candidates)", groups=MANAGER_GROUP, copy=False
    )
    health_consent_date = fields.Date(
        string="Consent Date (all candidates)",
        groups=MANAGER_GROUP,
        copy=False,
        help="Date on which the person agreed that the programme keeps their data.",
    )
    health_consent_channel = fields.Selection(
        CONSENT_CHANNELS,
        string="Consent Channel (all candidates)",
        groups=MANAGER_GROUP,
        copy=False,
    )
    health_consent_text = fields.Text(
        string="Consent Text (all candidates)",
        groups=MANAGER_GROUP,
        copy=False,
        help="The wording the person agreed to.",
    )
    health_last_contact_date = fields.Date(
        string="Last Contact (all candidates)",
        groups=MANAGER_GROUP,
        copy=False,
        help="Last time the person got in touch. The retention period of a "
        "candidate's data runs from this date.",
    )
    health_candidate_data_access = fields.Boolean(
        string="Candidate Data Readable",
        compute="_compute_health_candidate_data",
        groups=RECRUITMENT_GROUP,
        help="Whether you may read and change the birth date, last contact and "
        "consent of this person: you follow one of their candidacies.",
    )
    health_candidate_birthdate = fields.Date(
        string="Birth Date",
        compute="_compute_health_candidate_data",
        inverse="_inverse_health_candidate_data",
        search="_search_health_candidate_birthdate",
        groups=RECRUITMENT_GROUP,
    )
    health_candidate_consent_date = fields.Date(
        string="Consent Date",
        compute="_compute_health_candidate_data",
        inverse="_inverse_health_candidate_data",
        search="_search_health_candidate_consent_date",
        groups=RECRUITMENT_GROUP,
        help="Date on which the person agreed that the programme keeps their data.",
    )
    health_candidate_consent_channel = fields.Selection(
        CONSENT_CHANNELS,
        string="Consent Channel",
        compute="_compute_health_candidate_data",
        inverse="_inverse_health_candidate_data",
        groups=RECRUITMENT_GROUP,
    )
    health_candidate_consent_text = fields.Text(
        string="Consent Text",
        compute="_compute_health_candidate_data",
        inverse="_inverse_health_candidate_data",
        groups=RECRUITMENT_GROUP,
        help="The wording the person agreed to.",
    )
    health_candidate_last_contact_date = fields.Date(
        string="Last Contact",
        compute="_compute_health_candidate_data",
        inverse="_inverse_health_candidate_data",
        search="_search_health_candidate_last_contact_date",
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

    # ------------------------------------------------------- candidate data
    def _health_candidate_data_readable(self):
        """The partners of ``self`` whose personal data the current user may
        read and change: all for a recruitment manager, otherwise those of
        which the user can read a candidacy (record rules apply). A contact
        nobody follows yet is open to the user who created it, so that an
        officer can record a new candidate before the first candidacy."""
        if self.env.su or self.env.user.has_group(MANAGER_GROUP):
            return self
        followed = self._origin._health_followed_candidates()
        return self.filtered(lambda partner: not partner._origin or partner._origin in followed)

    def _health_followed_candidates(self):
        """The partners of ``self`` (saved records) the current user follows,
        with one query (two when some are followed by nobody)."""
        if not self:
            return self
        Lead = self.env["crm.lead"].with_context(active_test=False)
        domain = [("health_is_recruitment", "=", True)]
        followed = self.browse(
            partner.id
            for [partner] in Lead._read_group(
                [*domain, ("partner_id", "in", self.ids)], ["partner_id"]
            )
        )
        others = self - followed
        if others:
            candidates = self.browse(
                partner.id
                for [partner] in Lead.sudo()._read_group(
                    [*domain, ("partner_id", "in", others.ids)], ["partner_id"]
                )
            )
            followed |= (others - candidates).filtered(
                lambda partner: partner.sudo().create_uid == self.env.user
            )
        return followed

    @api.depends_context("uid")
    def _compute_health_candidate_data(self):
        readable = self._health_candidate_data_readable()
        for partner in self:
            allowed = partner in readable
            stored = partner.sudo()
            partner.health_candidate_data_access = allowed
            for stored_name, name in CANDIDATE_DATA_FIELDS.items():
                partner[name] = stored[stored_name] if allowed else False

    def _inverse_health_candidate_data(self):
        refused = self - self._health_candidate_data_readable()
        if refused:
            raise AccessError(
                self.env._(
                    "You may change the birth date, last contact and consent of a "
                    "candidate only if you follow one of their candidacies: %(names)s",
                    names=", ".join(refused.mapped("display_name")),
                )
            )
        ids_by_values = defaultdict(list)
        for partner in self:
            values = {stored: partner[name] for stored, name in CANDIDATE_DATA_FIELDS.items()}
            ids_by_values[tuple(values.items())].append(partner.id)
        for values, ids in ids_by_values.items():
            self.browse(ids).sudo().write(dict(values))

    @api.model
    def _health_search_candidate_data(self, stored_name, operator, value):
        """Domain of the partners the user follows whose stored value matches."""
        matching = (
            self.sudo().with_context(active_test=False)._search([(stored_name, operator, value)])
        )
        if self.env.su or self.env.user.has_group(MANAGER_GROUP):
            return [("id", "in", matching)]
        return [("id", "in", matching), ("health_candidacy_ids", "any", [])]

    def _search_health_candidate_birthdate(self, operator, value):
        return self._health_search_candidate_data("health_birthdate", operator, value)

    def _search_health_candidate_consent_date(self, operator, value):
        return self._health_search_candidate_data("health_consent_date", operator, value)

    def _search_health_candidate_last_contact_date(self, operator, value):
        return self._health_search_candidate_data("health_last_contact_date", operator, value)

    # ------------------------------------------------------- checks
    @api.constrains("health_birthdate", "health_consent_date", "health_last_contact_date")
    def _check_health_candidate_dates(self):
        today = fields.Date.context_today(self)
        for partner in self.sudo():
            birthdate = partner.health_birthdate
            if not birthdate:
                continue
            if not date(1900, 1, 1) <= birthdate < today:
                raise ValidationError(
                    self.env._(
                        "The birth date %(date)s of %(name)s is not possible: it must be "
                        "in the past (and after 1900).",
                        date=birthdate,
                        name=partner.display_name,
                    )
                )
            for day in (partner.health_consent_date, partner.health_last_contact_date):
                if day and day < birthdate:
                    raise ValidationError(
                        self.env._(
                            "%(name)s: the date %(date)s of the consent or last contact "
                            "comes before the birth date %(birthdate)s. Correct one of them.",
                            name=partner.display_name,
                            date=day,
                            birthdate=birthdate,
                        )
                    )

    @api.depends_context("uid")
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
        """Retention periods in years: (prospect, after an unsuccessful
        candidacy); at least one year, whatever the system parameters say."""
        return (
            tools.get_int_param(
                self.env, "health_recruitment.retention_prospect_years", 3, minimum=1
            ),
            tools.get_int_param(self.env, "health_recruitment.retention_lost_years", 2, minimum=1),
        )

    @api.model
    def _health_expired_candidates_domain(self, today=None):
        """Partners whose candidacies never led to an installation and whose
        last contact is older than the retention period."""
        today = today or tools.reference_date(self)
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
                self.env["crm.lead"]._health_open_candidacy_domain(),
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

    def action_health_anonymize_wizard(self):
        """The confirmation dialog of the anonymisation of these candidates:
        it says what is erased and what is kept (it cannot be undone)."""
        self._health_check_anonymizable()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "health_recruitment.health_recruitment_anonymize_wizard_action"
        )
        action["context"] = {
            "active_model": "res.partner",
            "active_ids": self.ids,
            "default_partner_ids": self.ids,
        }
        return action

    def _health_check_anonymizable(self):
        """Refuse the users who are not recruitment managers and the contacts
        that are not candidates (organisations, users, already anonymised)."""
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

    def action_health_anonymize(self):
        """Anonymise these candidates now (a person's request to be forgotten)."""
        self._health_check_anonymizable()
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
