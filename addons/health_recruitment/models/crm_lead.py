import unicodedata
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

PRACTICE_MODES = [
    ("msp", "Multi-professional health centre (MSP)"),
    ("cpts", "Within a CPTS"),
    ("group", "Group practice"),
    ("solo", "Solo practice"),
    ("mixed", "Mixed salaried / liberal"),
]
OUTCOMES = [
    ("practising", "Still practising in the territory"),
    ("left", "Left the territory"),
    ("stopped", "Stopped practising"),
]
# identity fields of a candidacy emptied by the anonymisation; the type,
# source, territories, semester, stage and outcome are kept for statistics
LEAD_IDENTITY_FIELDS = [
    "contact_name",
    "partner_name",
    "email_from",
    "email_cc",
    "phone",
    "function",
    "website",
    "street",
    "street2",
    "zip",
    "city",
    "description",
    "health_current_practice",
    "health_rpps",
]
# the candidacy's own values, merged as Odoo merges its own fields (the
# first non-empty value of the merged candidacies); the x2many fields are
# merged by _merge_dependences
MERGED_FIELDS = (
    "health_candidate_type",
    "health_semester_id",
    "health_faculty_id",
    "health_current_practice",
    "health_practice_mode",
    "health_availability_date",
    "health_installation_date",
    "health_installation_territory_id",
    "health_installation_practice_id",
    "health_outcome",
    "health_outcome_date",
)
# months after the installation date at which the officer checks in
CHECK_IN_MONTHS = (6, 12, 24)
# a value shared by more leads than this is not a sign of a duplicate
DUPLICATE_RELEVANCE_LIMIT = 20


def normalize_name(name):
    """Lower-case words of ``name`` without accents, titles or punctuation,
    sorted so that "Marie DUPONT" and "Dupont, Marie" give the same key."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    words = [w for w in text.lower().split() if w not in ("dr", "docteur", "pr")]
    return " ".join(sorted(words))


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "health.input.mixin"]

    # Odoo's fields keep Odoo's behaviour; the suite's are checked
    _health_checked_fields = {
        *MERGED_FIELDS,
        "health_target_territory_ids",
        "health_household_line_ids",
        "health_measure_line_ids",
        "health_rpps",
        "health_furthest_stage_id",
        "health_anonymized",
    }

    health_is_recruitment = fields.Boolean(
        related="team_id.health_is_recruitment", store=True, string="Candidacy"
    )
    health_candidate_type = fields.Selection(
        tools.CANDIDATE_TYPES, string="Candidate Type", tracking=True, index=True
    )
    health_semester_id = fields.Many2one(
        "health.internship.semester",
        string="Internship Semester",
        index="btree_not_null",
        help="Semester of the internship during which the candidate was met.",
    )
    health_faculty_id = fields.Many2one(
        "res.partner",
        string="Faculty",
        domain="[('is_company', '=', True)]",
        help="Faculty of the student or intern.",
    )
    health_current_practice = fields.Char(
        string="Current Practice", help="Where and how the candidate practises today."
    )
    health_target_territory_ids = fields.Many2many(
        "health.territory",
        "crm_lead_health_target_territory_rel",
        "lead_id",
        "territory_id",
        string="Target Territories",
        help="EPCI and communes where the candidate would consider settling.",
    )
    health_practice_mode = fields.Selection(
        PRACTICE_MODES, string="Preferred Practice Mode", tracking=True
    )
    health_availability_date = fields.Date(string="Available From")
    health_installation_date = fields.Date(string="Installation Date", tracking=True)
    health_installation_territory_id = fields.Many2one(
        "health.territory",
        string="Installation Commune",
        domain="[('territory_type', '=', 'commune')]",
        index="btree_not_null",
        tracking=True,
    )
    health_installation_practice_id = fields.Many2one(
        "res.partner",
        string="Installation Practice",
        help="The practice, MSP or health centre the doctor joined or opened.",
        tracking=True,
    )
    health_is_installed = fields.Boolean(related="stage_id.is_won", store=True, string="Installed")
    health_is_open = fields.Boolean(
        string="Open",
        compute="_compute_health_is_open",
        store=True,
        help="Neither lost (archived) nor installed.",
    )
    health_outcome = fields.Selection(
        OUTCOMES,
        string="Outcome",
        tracking=True,
        help="Where the doctor stands at the last check-in after installation.",
    )
    health_outcome_date = fields.Date(string="Outcome Checked On")
    health_household_line_ids = fields.One2many(
        "health.recruitment.household.line", "lead_id", string="Household Needs"
    )
    health_measure_line_ids = fields.One2many(
        "health.recruitment.measure.line", "lead_id", string="Toolbox Measures"
    )
    health_measure_cost = fields.Monetary(
        string="Measures Cost",
        currency_field="company_currency",
        compute="_compute_health_measure_cost",
        store=True,
        help="Cost of the toolbox measures mobilised for the candidate "
        "(declined measures excluded).",
    )
    health_visit_count = fields.Integer(
        string="Territory Visits", compute="_compute_health_visit_count"
    )
    health_rpps = fields.Char(
        string="RPPS Number",
        compute="_compute_health_rpps",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="RPPS number of the candidate: the contact's, or the one given "
        "before the contact is created.",
    )
    health_identity_key = fields.Char(
        compute="_compute_health_identity_key",
        store=True,
        index="btree_not_null",
        string="Identity Key",
        help="Normalised name and birth date, used to find duplicates.",
    )
    health_furthest_stage_id = fields.Many2one(
        "crm.stage",
        string="Furthest Stage",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The furthest stage the candidacy reached, even if it went back since (funnel).",
    )
    health_anonymized = fields.Boolean(string="Anonymised", copy=False, readonly=True)

    # ---------------------------------------------------------------- computes
    @api.depends("active", "stage_id.is_won")
    def _compute_health_is_open(self):
        """The one definition of an open candidacy (see
        _health_open_candidacy_domain for searches)."""
        for lead in self:
            lead.health_is_open = lead.active and not lead.stage_id.is_won

    @api.model
    def _health_open_candidacy_domain(self):
        """Domain of the open candidacies: neither lost nor installed."""
        return [("health_is_recruitment", "=", True), ("health_is_open", "=", True)]

    @api.model
    def _health_installed_domain(self, date_from, date_to):
        """Domain of the candidacies installed between the two dates (the
        installations the cost per installation is divided by)."""
        return [
            ("health_is_recruitment", "=", True),
            ("type", "=", "opportunity"),
            ("health_is_installed", "=", True),
            ("health_installation_date", ">=", date_from),
            ("health_installation_date", "<=", date_to),
        ]

    @api.depends("health_measure_line_ids.cost", "health_measure_line_ids.state")
    def _compute_health_measure_cost(self):
        for lead in self:
            lead.health_measure_cost = sum(
                line.cost for line in lead.health_measure_line_ids if line.state != "declined"
            )

    def _compute_health_visit_count(self):
        counts = dict(
            self.env["calendar.event"]._read_group(
                [("opportunity_id", "in", self.ids), ("health_is_visit", "=", True)],
                ["opportunity_id"],
                ["__count"],
            )
        )
        for lead in self:
            lead.health_visit_count = counts.get(lead._origin, 0)

    @api.depends("partner_id.health_rpps")
    def _compute_health_rpps(self):
        for lead in self:
            if lead.partner_id.health_rpps:
                lead.health_rpps = lead.partner_id.health_rpps

    @api.depends("partner_id.name", "partner_id.health_birthdate", "contact_name")
    def _compute_health_identity_key(self):
        for lead in self:
            partner = lead.partner_id.sudo()
            name = normalize_name(partner.name or lead.contact_name)
            birthdate = partner.health_birthdate
            lead.health_identity_key = f"{name}|{birthdate}" if name and birthdate else False

    # ---------------------------------------------------------------- checks
    @api.constrains("health_rpps")
    def _check_health_rpps(self):
        Partner = self.env["res.partner"]
        for lead in self.filtered("health_rpps"):
            error = Partner._health_rpps_error(lead.health_rpps)
            if error:
                raise ValidationError(error)

    @api.constrains("health_installation_date", "health_outcome_date")
    def _check_health_outcome_date(self):
        for lead in self:
            if (
                lead.health_outcome_date
                and lead.health_installation_date
                and lead.health_outcome_date < lead.health_installation_date
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s: the outcome was checked on %(outcome)s, before the "
                        "installation on %(installation)s. Correct one of the two dates.",
                        name=lead.display_name,
                        outcome=lead.health_outcome_date,
                        installation=lead.health_installation_date,
                    )
                )

    @api.constrains("health_installation_territory_id")
    def _check_health_installation_territory(self):
        for lead in self:
            territory = lead.health_installation_territory_id
            if territory and territory.territory_type != "commune":
                raise ValidationError(
                    self.env._(
                        "%(name)s: the installation place must be a commune, not %(territory)s.",
                        name=lead.display_name,
                        territory=territory.display_name,
                    )
                )

    @api.constrains("user_id", "team_id")
    def _check_health_officer(self):
        """A candidacy always has a programme officer: Odoo's "Personal
        Leads" rule lets every salesman, recruitment users included, read
        the unassigned leads, whatever their team."""
        unassigned = self.filtered(lambda lead: lead.health_is_recruitment and not lead.user_id)
        if unassigned:
            raise ValidationError(
                self.env._(
                    "A candidacy needs a programme officer: choose one for %(names)s.",
                    names=", ".join(unassigned.mapped("display_name")),
                )
            )

    @api.model
    def _health_default_officer(self, team):
        """The officer of a new candidacy of ``team`` created without one:
        the team leader, else its creator if a member of the team, else the
        first member, else its creator (an internal user)."""
        team = team.sudo()
        user = self.env.user
        if team.user_id:
            return team.user_id
        if user in team.member_ids:
            return user
        if team.member_ids:
            return team.member_ids[0]
        if not user.share and not user._is_superuser():
            return user
        return self.env["res.users"]

    @api.model
    def _health_fill_officer(self, vals_list):
        """Give a programme officer to the new candidacies created without one."""
        Team = self.env["crm.team"]
        for vals in vals_list:
            user_id = (
                vals["user_id"]
                if "user_id" in vals
                else self.env.context.get("default_user_id", self.env.uid)
            )
            if user_id:
                continue
            team = Team.browse(vals.get("team_id") or self.env.context.get("default_team_id"))
            if team.sudo().health_is_recruitment:
                vals["user_id"] = self._health_default_officer(team).id

    # ---------------------------------------------------------------- RPPS
    @api.model
    def _health_normalize_rpps_vals(self, vals):
        if vals.get("health_rpps") and isinstance(vals["health_rpps"], str):
            vals["health_rpps"] = self.env["res.partner"]._health_normalize_rpps(
                vals["health_rpps"]
            )

    @api.model
    def _health_check_contact_rpps(self, pairs):
        """Refuse to link a candidacy and a contact holding another RPPS number.

        ``pairs`` lists (contact, RPPS of the candidacy). An RPPS number
        identifies a person: two different numbers mean the wrong contact or
        a typing error, which only the user can tell apart."""
        for partner, rpps in pairs:
            if partner and rpps and partner.health_rpps and partner.health_rpps != rpps:
                raise UserError(
                    self.env._(
                        "The RPPS number %(rpps)s of the candidacy differs from the "
                        "number %(partner_rpps)s of the contact %(name)s. Correct the "
                        "candidacy's number, or choose the right contact.",
                        rpps=rpps,
                        partner_rpps=partner.health_rpps,
                        name=partner.display_name,
                    )
                )

    def _health_pass_rpps_to_contacts(self):
        """Give the contacts without an RPPS number the one of their
        candidacy (entered before the contact existed)."""
        leads = self.filtered(
            lambda lead: lead.health_rpps and lead.partner_id and not lead.partner_id.health_rpps
        )
        for rpps, partner in {lead.health_rpps: lead.partner_id for lead in leads}.items():
            partner.health_rpps = rpps

    def _prepare_customer_values(self, partner_name, is_company=False, parent_id=False):
        values = super()._prepare_customer_values(
            partner_name, is_company=is_company, parent_id=parent_id
        )
        if not is_company and self.health_rpps:
            values["health_rpps"] = self.health_rpps
        return values

    # ---------------------------------------------------------------- stages
    def _stage_find(self, team_id=False, domain=None, order="sequence, id", limit=1):
        """A recruitment team uses its own stages only, not the shared ones."""
        teams = self.team_id | self.env["crm.team"].browse(team_id or [])
        if teams and all(teams.mapped("health_is_recruitment")):
            search_domain = [("team_id", "in", teams.ids), *(domain or [])]
            return self.env["crm.stage"].search(search_domain, order=order, limit=limit)
        return super()._stage_find(team_id=team_id, domain=domain, order=order, limit=limit)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        team_id = self._context.get("default_team_id")
        if team_id and self.env["crm.team"].browse(team_id).health_is_recruitment:
            search_domain = ["|", ("id", "in", stages.ids), ("team_id", "=", team_id)]
            return stages.browse(stages.sudo()._search(search_domain, order=stages._order))
        return super()._read_group_stage_ids(stages, domain)

    def _health_missing_fields(self, stage, vals):
        """Labels of the fields ``stage`` requires that would stay empty on
        each lead of ``self`` once ``vals`` is written: {lead: [labels]}."""
        required = stage.sudo()._health_required_fields()
        missing = {}
        if not required:
            return missing
        for lead in self:
            labels = [
                self._fields[name]._description_string(self.env)
                for name in required
                if name in self._fields and not (vals[name] if name in vals else lead[name])
            ]
            if labels:
                missing[lead] = labels
        return missing

    def _health_check_stage_requirements(self, vals):
        stage = self.env["crm.stage"].browse(vals.get("stage_id"))
        if not stage:
            return
        missing = self._health_missing_fields(stage, vals)
        if missing:
            details = "\n".join(
                f"- {lead.display_name or lead.contact_name or ''}: {', '.join(labels)}"
                for lead, labels in missing.items()
            )
            raise UserError(
                self.env._(
                    "The stage %(stage)s requires fields that are still empty:\n%(details)s",
                    stage=stage.display_name,
                    details=details,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        Partner = self.env["res.partner"]
        for vals in vals_list:
            self._health_normalize_rpps_vals(vals)
        self._health_check_values(vals_list)
        self._health_check_contact_rpps(
            [
                (Partner.browse(vals.get("partner_id")), vals.get("health_rpps"))
                for vals in vals_list
            ]
        )
        self._health_fill_officer(vals_list)
        leads = super().create(vals_list)
        leads._health_reach_stage()
        leads._health_pass_rpps_to_contacts()
        for stage in leads.stage_id:
            leads.filtered(
                lambda lead, stage=stage: lead.stage_id == stage
            )._health_check_stage_requirements({"stage_id": stage.id})
        leads._health_touch_last_contact()
        leads._health_sync_partner_roles()
        installed = leads.filtered(lambda lead: lead.health_is_recruitment and lead.stage_id.is_won)
        installed._health_schedule_check_ins()
        return leads

    def write(self, vals):
        self._health_normalize_rpps_vals(vals)
        if "partner_id" in vals or "health_rpps" in vals:
            self._health_check_values([vals])
            partner = self.env["res.partner"].browse(vals.get("partner_id"))
            self._health_check_contact_rpps(
                [
                    (
                        partner if "partner_id" in vals else lead.partner_id,
                        vals.get("health_rpps", lead.health_rpps),
                    )
                    for lead in self
                ]
            )
        newly_installed = self.browse()
        if vals.get("stage_id"):
            moving = self.filtered(lambda lead: lead.stage_id.id != vals["stage_id"])
            moving._health_check_stage_requirements(vals)
            if self.env["crm.stage"].browse(vals["stage_id"]).is_won:
                newly_installed = moving.filtered(
                    lambda lead: lead.health_is_recruitment and not lead.stage_id.is_won
                )
        res = super().write(vals)
        if "stage_id" in vals:
            self._health_reach_stage()
        if "partner_id" in vals or "health_candidate_type" in vals:
            self._health_sync_partner_roles()
        newly_installed._health_schedule_check_ins()
        if "partner_id" in vals or "health_rpps" in vals:
            self._health_pass_rpps_to_contacts()
        return res

    def _health_reach_stage(self):
        """Keep the furthest stage reached: a candidacy that moves forward
        records its new stage; one that goes back keeps the stage it reached
        (the funnel counts it there). One write per stage for the batch."""
        ahead = self.filtered(
            lambda lead: lead.stage_id
            and (
                not lead.health_furthest_stage_id
                or lead.stage_id.sequence > lead.health_furthest_stage_id.sequence
            )
        )
        for stage in ahead.stage_id:
            ahead.filtered(lambda lead, stage=stage: lead.stage_id == stage).write(
                {"health_furthest_stage_id": stage.id}
            )

    def _health_sync_partner_roles(self):
        """Give the candidates the health role of their candidate type
        (one write per role for the whole batch)."""
        leads = self.filtered(lambda lead: lead.partner_id and lead.health_candidate_type)
        if not leads:
            return
        roles = self.env["health.partner.role"].search(
            [("code", "in", list(set(leads.mapped("health_candidate_type"))))]
        )
        for role in roles:
            partners = leads.filtered(
                lambda lead, role=role: lead.health_candidate_type == role.code
            ).partner_id.filtered(lambda partner, role=role: role not in partner.health_role_ids)
            if partners:
                partners.write({"health_role_ids": [Command.link(role.id)]})

    def _health_touch_last_contact(self):
        """Start the retention clock of new candidates: their last contact is
        the day their first candidacy is recorded."""
        partners = (
            self.filtered("health_is_recruitment")
            .partner_id.sudo()
            .filtered(lambda partner: not partner.health_last_contact_date)
        )
        if partners:
            partners.health_last_contact_date = tools.reference_date(self)

    def _message_post_after_hook(self, message, msg_vals):
        """A message written by the candidate restarts their retention clock."""
        res = super()._message_post_after_hook(message, msg_vals)
        author = message.author_id
        if author and self.health_is_recruitment and author in self.partner_id:
            author.sudo().health_last_contact_date = tools.reference_date(self)
        return res

    # ---------------------------------------------------------------- check-ins
    def _prepare_check_in_activity_values(self, months):
        self.ensure_one()
        base = self.health_installation_date or tools.reference_date(self)
        return {
            "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
            "res_id": self.id,
            "activity_type_id": self.env.ref("health_recruitment.mail_activity_type_check_in").id,
            "summary": self.env._("Check-in %(months)s months after installation", months=months),
            "user_id": (self.user_id or self.env.user).id,
            "date_deadline": base + relativedelta(months=months),
        }

    def _health_schedule_check_ins(self):
        """Schedule the check-ins after installation (6, 12, 24 months)."""
        vals_list = [
            lead._prepare_check_in_activity_values(months)
            for lead in self
            for months in CHECK_IN_MONTHS
        ]
        self._health_create_activities(vals_list)

    @api.model
    def _health_create_activities(self, vals_list):
        """Create activities on candidacies in one batch.

        The assignees are subscribed first, once per lead and user: several
        activities of one batch on the same lead and user would otherwise
        subscribe the same follower twice.
        """
        if not vals_list:
            return self.env["mail.activity"]
        lead_ids_by_user = defaultdict(set)
        for vals in vals_list:
            lead_ids_by_user[vals["user_id"]].add(vals["res_id"])
        Lead = self.sudo()
        for user_id, lead_ids in lead_ids_by_user.items():
            partner = self.env["res.users"].sudo().browse(user_id).partner_id
            Lead.browse(sorted(lead_ids)).message_subscribe(partner_ids=partner.ids)
        return self.env["mail.activity"].sudo().create(vals_list)

    # ---------------------------------------------------------------- duplicates
    @api.depends(
        "email_domain_criterion",
        "email_normalized",
        "partner_id",
        "phone_sanitized",
        "health_rpps",
        "health_identity_key",
        "health_is_recruitment",
    )
    def _compute_potential_lead_duplicates(self):
        recruitment = self.filtered("health_is_recruitment")
        res = super(CrmLead, self - recruitment)._compute_potential_lead_duplicates()
        duplicates = recruitment._health_find_duplicates()
        for lead in recruitment:
            found = duplicates.get(lead._origin.id or lead.id, self.browse())
            lead.duplicate_lead_ids = found + lead
            lead.duplicate_lead_count = len(found)
        return res

    @api.model
    def _health_duplicate_criteria(self):
        """Fields whose equal values make two candidacies duplicates: RPPS,
        normalised name with birth date, phone and exact email (never the
        email domain, shared by a whole faculty or hospital)."""
        return ["health_rpps", "health_identity_key", "phone_sanitized", "email_normalized"]

    def _health_find_duplicates(self):
        """Duplicates of each lead of ``self`` among the candidacies, with
        one search for the whole batch: {lead id: leads}."""
        criteria = self._health_duplicate_criteria()
        values = {fname: {v for v in self.mapped(fname) if v} for fname in criteria}
        domains = [[(fname, "in", list(vals))] for fname, vals in values.items() if vals]
        if not domains:
            return {}
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        candidates = Lead.search(
            expression.AND([[("health_is_recruitment", "=", True)], expression.OR(domains)])
        )
        index = {fname: defaultdict(set) for fname in criteria}
        for candidate in candidates:
            for fname in criteria:
                if candidate[fname]:
                    index[fname][candidate[fname]].add(candidate.id)
        episodes = {candidate.id: candidate for candidate in candidates}
        result = {}
        for lead in self:
            lead_id = lead._origin.id or lead.id
            found = set()
            for fname in criteria:
                matches = index[fname].get(lead[fname]) if lead[fname] else None
                if matches and len(matches) <= DUPLICATE_RELEVANCE_LIMIT:
                    found |= matches
            found.discard(lead_id)
            found = {
                other_id
                for other_id in found
                if not lead._health_is_other_episode(episodes[other_id])
            }
            result[lead_id] = self.browse(sorted(found))
        return result

    def _health_is_other_episode(self, other):
        """Whether ``other`` is another episode of the same person rather than
        a duplicate: same contact, and one of the two candidacies is closed
        (lost or installed). Two open candidacies of one person are duplicates."""
        self.ensure_one()
        if not self.partner_id or self.partner_id != other.partner_id:
            return False
        return not (self.health_is_open and other.health_is_open)

    def _get_lead_duplicates(self, partner=None, email=None, include_lost=False):
        duplicates = super()._get_lead_duplicates(
            partner=partner, email=email, include_lost=include_lost
        )
        if len(self) != 1 or not self.health_is_recruitment:
            return duplicates
        found = self._health_find_duplicates().get(self.id, self.browse())
        if not include_lost:
            found = found.filtered("health_is_open")
        return duplicates | found.with_context(active_test=False)

    def _merge_get_fields(self):
        return [*super()._merge_get_fields(), *MERGED_FIELDS]

    def _merge_dependences(self, opportunities):
        res = super()._merge_dependences(opportunities)
        # the merge is allowed by the rights on the leads: a sales user
        # without the recruitment groups merges leads without these lines
        lead_domain = [("lead_id", "in", opportunities.ids)]
        for model in ("health.recruitment.household.line", "health.recruitment.measure.line"):
            self.env[model].sudo().search(lead_domain).write({"lead_id": self.id})
        self.health_target_territory_ids |= opportunities.health_target_territory_ids
        return res

    # ---------------------------------------------------------------- GDPR
    def _prepare_health_anonymized_values(self):
        values = dict.fromkeys(LEAD_IDENTITY_FIELDS, False)
        values.update({"name": self.env._("Anonymised candidacy"), "health_anonymized": True})
        return values

    def _health_anonymize(self, partners):
        """Remove the identity from the candidacies of ``partners`` in batch;
        keep type, source, territories, semester, stage and outcome."""
        leads = self.sudo().with_context(active_test=False, tracking_disable=True)
        if not leads:
            return
        leads.write(leads._prepare_health_anonymized_values())
        # searches rather than one2many reads: one query for the whole batch
        lead_domain = [("lead_id", "in", leads.ids)]
        self.env["health.recruitment.household.line"].sudo().search(lead_domain).unlink()
        self.env["health.recruitment.measure.line"].sudo().search(
            [*lead_domain, ("note", "!=", False)]
        ).write({"note": False})
        self.env["mail.activity"].sudo().search(
            [("res_model", "=", "crm.lead"), ("res_id", "in", leads.ids)]
        ).unlink()
        events = (
            self.env["calendar.event"]
            .sudo()
            .with_context(active_test=False)
            .search([("opportunity_id", "in", leads.ids)])
        )
        if events:
            events.write(
                {
                    "name": self.env._("Anonymised visit"),
                    "description": False,
                    "partner_ids": [Command.unlink(pid) for pid in partners.ids],
                }
            )
        self.env["mail.message"].sudo().search(
            [("model", "=", "crm.lead"), ("res_id", "in", leads.ids)]
        ).unlink()
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", "crm.lead"), ("res_id", "in", leads.ids)]
        ).unlink()

    # ---------------------------------------------------------------- stages
    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """A pipeline of candidacies shows the stages of the user's recruitment
        teams, not Odoo's shared sales stages nor other teams' (empty columns);
        the sales pipelines keep Odoo's columns."""
        teams = self._health_pipeline_recruitment_teams(stages)
        if teams is None:
            return super()._read_group_stage_ids(stages, domain)
        stage_ids = stages.sudo()._search(
            ["|", ("id", "in", stages.ids), ("team_id", "in", teams.ids)], order=stages._order
        )
        return stages.browse(stage_ids)

    @api.model
    def _health_pipeline_recruitment_teams(self, stages):
        """The recruitment teams whose stages a pipeline grouped by ``stages``
        shows, or None for a sales pipeline: the default team of the context
        or, without one, the stages shown all belong to recruitment teams (or
        none is shown and the user belongs to recruitment teams only)."""
        if not self.env.user.has_group("health_recruitment.group_recruitment_user"):
            return None  # a sales user: Odoo's pipeline, no extra query
        Team = self.env["crm.team"].sudo()
        default_team = Team.browse(self.env.context.get("default_team_id")).exists()
        uid = self.env.uid
        user_teams = Team.search(["|", ("member_ids", "in", [uid]), ("user_id", "=", uid)])
        recruitment_teams = user_teams.filtered("health_is_recruitment")
        if default_team:
            if not default_team.health_is_recruitment:
                return None
        elif stages:
            if not all(stage.team_id.health_is_recruitment for stage in stages.sudo()):
                return None
        elif not recruitment_teams or recruitment_teams != user_teams:
            return None
        return recruitment_teams or default_team

    # ---------------------------------------------------------------- actions
    def action_health_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "health_recruitment.calendar_event_action_health_visit"
        )
        action["domain"] = [("opportunity_id", "=", self.id), ("health_is_visit", "=", True)]
        action["context"] = {
            "default_opportunity_id": self.id,
            "default_health_is_visit": True,
            "default_partner_ids": self.partner_id.ids,
            "default_name": self.env._("Territory visit: %(name)s", name=self.name),
        }
        return action

    @api.model
    def _health_pipeline_export_domain(self):
        return [("health_is_recruitment", "=", True), ("type", "=", "opportunity")]

    @api.model
    def action_health_export_pipeline(self):
        """The candidacies the user may read (lost and installed included) as
        a spreadsheet for the steering committee; record rules apply, so a
        user exports the candidacies of their teams."""
        if not self.env.user.has_group("health_recruitment.group_recruitment_user"):
            raise AccessError(self.env._("Only recruitment users may export the pipeline."))
        leads = self.with_context(active_test=False).search(self._health_pipeline_export_domain())
        content = self.env["health.recruitment.pipeline.xlsx"]._pipeline_content(leads)
        return self.env["health.xlsx.export"]._xlsx_download(content, "pipeline.xlsx")
