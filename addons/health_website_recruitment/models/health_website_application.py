from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.tools import plaintext2html

# a child of this age or more needs a school, a younger one childcare
SCHOOL_AGE = 3


class HealthWebsiteApplication(models.AbstractModel):
    """Applications of the public site land in the recruitment pipeline."""

    _inherit = "health.website.application"

    @api.model
    def _health_accepts_applications(self):
        return True

    # ------------------------------------------------------------ hook
    @api.model
    def _health_submit(self, values):
        """Create or update the candidacy of the person who applied; return it.

        Runs as superuser (the visitor has no rights): the values were
        checked by ``_health_parse``."""
        return self.sudo()._health_submit_as_superuser(values)

    @api.model
    def _health_submit_as_superuser(self, values):
        partner = self.env["res.partner"]._health_website_match_partner(values)
        if partner:
            self._health_update_partner(partner, values)
        else:
            partner = self.env["res.partner"].create(self._prepare_partner_values(values))
        partner.write(self._prepare_consent_values(values))
        Lead = self.env["crm.lead"]
        lead = Lead.search(
            [("partner_id", "=", partner.id), *Lead._health_open_candidacy_domain()],
            order="id desc",
            limit=1,
        )
        if lead:
            lead.write(self._prepare_lead_update_values(lead, values))
        else:
            lead = Lead.create(self._prepare_lead_values(partner, values))
        self._health_add_lines(lead, values)
        lead.message_post(
            body=self._health_application_note(values),
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        self._health_send_acknowledgement(lead)
        return lead

    # ------------------------------------------------------------ partner
    @api.model
    def _health_lang(self, values):
        lang = values.get("lang") or self.env.lang
        return lang if lang and self.env["res.lang"]._get_data(code=lang) else False

    @api.model
    def _prepare_partner_values(self, values):
        vals = {
            "name": values["name"],
            "email": values["email"],
            "phone": values.get("phone") or False,
            "health_rpps": values.get("rpps") or False,
            "health_birthdate": values.get("birthdate") or False,
        }
        lang = self._health_lang(values)
        if lang:
            vals["lang"] = lang
        return vals

    @api.model
    def _health_update_partner(self, partner, values):
        """Complete a known contact with what it lacks; never overwrite what
        the officers recorded with what a web form says."""
        vals = {}
        for field_name, key in (
            ("phone", "phone"),
            ("health_rpps", "rpps"),
            ("health_birthdate", "birthdate"),
            ("email", "email"),
        ):
            if values.get(key) and not partner[field_name]:
                vals[field_name] = values[key]
        if vals:
            partner.write(vals)

    @api.model
    def _prepare_consent_values(self, values):
        return {
            "health_consent_date": fields.Date.context_today(self),
            "health_consent_channel": "form",
            "health_consent_text": values["consent_text"],
        }

    # ------------------------------------------------------------ candidacy
    @api.model
    def _health_team(self):
        team = self.env.ref("health_recruitment.crm_team_recruitment", raise_if_not_found=False)
        if not team or not team.active:
            team = self.env["crm.team"].search([("health_is_recruitment", "=", True)], limit=1)
        return team

    @api.model
    def _health_officer(self, team, opportunity):
        """The opportunity's contact officer when they belong to the team,
        else the team's default officer, else the opportunity's contact
        officer, else the administrator: an application from the site is
        never lost because the team has no leader or member yet."""
        officer = opportunity.user_id
        if officer and (officer == team.user_id or officer in team.member_ids):
            return officer
        return (
            self.env["crm.lead"]._health_default_officer(team)
            or officer
            or self.env.ref("base.user_admin")
        )

    @api.model
    def _health_utm(self, values):
        """UTM records named in the link the visitor followed; only existing
        ones (a visitor never creates campaigns), else the site as source."""
        result = {}
        for key, model, field_name in (
            ("utm_campaign", "utm.campaign", "campaign_id"),
            ("utm_source", "utm.source", "source_id"),
            ("utm_medium", "utm.medium", "medium_id"),
        ):
            name = values.get(key)
            record = name and self.env[model].search([("name", "=ilike", name)], limit=1)
            if record:
                result[field_name] = record.id
        if "source_id" not in result:
            source = self.env.ref("health_recruitment.utm_source_website", False)
            result["source_id"] = source.id if source else False
        if "medium_id" not in result:
            result["medium_id"] = self.env.ref("utm.utm_medium_website").id
        return result

    @api.model
    def _health_practice_mode(self, opportunity):
        modes = dict(self.env["crm.lead"]._fields["health_practice_mode"].selection)
        return opportunity.practice_mode if opportunity.practice_mode in modes else False

    @api.model
    def _prepare_lead_values(self, partner, values):
        opportunity = self.env["health.website.opportunity"].browse(values.get("opportunity_id"))
        team = self._health_team()
        title = opportunity.name or self.env._("Online application")
        territories = set(values.get("territory_ids") or []) | set(opportunity.territory_id.ids)
        return {
            "name": f"{values['name']} – {title}",
            "type": "opportunity",
            "team_id": team.id,
            "user_id": self._health_officer(team, opportunity).id,
            # name, e-mail and phone come from the contact (Odoo's computes)
            "partner_id": partner.id,
            "health_candidate_type": values["candidate_type"],
            "health_semester_id": values.get("semester_id") or False,
            "health_target_territory_ids": [Command.set(sorted(territories))],
            "health_website_opportunity_ids": [Command.set(opportunity.ids)],
            "health_practice_mode": self._health_practice_mode(opportunity),
            "health_website_applied_on": fields.Datetime.now(),
            "description": plaintext2html(values["message"]) if values.get("message") else False,
            **self._health_utm(values),
        }

    @api.model
    def _prepare_lead_update_values(self, lead, values):
        """A known candidate applies again: add to their candidacy, keep its
        first source (the campaign of this application is in the note)."""
        opportunity = self.env["health.website.opportunity"].browse(values.get("opportunity_id"))
        territories = set(values.get("territory_ids") or []) | set(opportunity.territory_id.ids)
        vals = {
            "health_target_territory_ids": [Command.link(tid) for tid in sorted(territories)],
            "health_website_opportunity_ids": [Command.link(oid) for oid in opportunity.ids],
            "health_website_applied_on": fields.Datetime.now(),
        }
        if not lead.health_candidate_type:
            vals["health_candidate_type"] = values["candidate_type"]
        if values.get("semester_id") and not lead.health_semester_id:
            vals["health_semester_id"] = values["semester_id"]
        utm = self._health_utm(values)
        if not lead.campaign_id and utm.get("campaign_id"):
            vals["campaign_id"] = utm["campaign_id"]
        return vals

    @api.model
    def _health_add_lines(self, lead, values):
        """The measures asked for (those not yet on the candidacy) and the
        household's needs, in one create per model."""
        known = lead.health_measure_line_ids.measure_id.ids
        note = self.env._("Asked for on the website")
        self.env["health.recruitment.measure.line"].create(
            [
                {
                    "lead_id": lead.id,
                    "measure_id": mid,
                    "state": "proposed",
                    "note": note,
                    "user_id": lead.user_id.id,
                }
                for mid in values.get("measure_ids") or []
                if mid not in known
            ]
        )
        household = []
        if values.get("spouse_job"):
            household.append(
                {"member_type": "spouse", "need_type": "spouse_job", "sector": values["spouse_job"]}
            )
        for age in values.get("children_ages") or []:
            household.append(
                {
                    "member_type": "child",
                    "child_age": age,
                    "need_type": "schooling" if age >= SCHOOL_AGE else "childcare",
                }
            )
        if values.get("housing"):
            household.append({"member_type": "household", "need_type": "housing"})
        self.env["health.recruitment.household.line"].create(
            [{**vals, "lead_id": lead.id, "user_id": lead.user_id.id} for vals in household]
        )

    @api.model
    def _health_application_note(self, values):
        opportunity = self.env["health.website.opportunity"].browse(values.get("opportunity_id"))
        lines = [
            self.env._("Application sent from the public website."),
            self.env._("Opportunity: %(name)s", name=opportunity.name)
            if opportunity
            else self.env._("General application (no opportunity)."),
        ]
        utm = [
            f"{key}={values[key]}"
            for key in ("utm_source", "utm_medium", "utm_campaign")
            if values.get(key)
        ]
        if utm:
            lines.append(self.env._("Link followed: %(utm)s", utm=", ".join(utm)))
        lines.append(self.env._("Consent given: %(text)s", text=values["consent_text"]))
        lines.append(
            self.env._(
                "Contact given: %(email)s %(phone)s",
                email=values["email"],
                phone=values.get("phone") or "",
            )
        )
        if values.get("message"):
            lines.append(self.env._("Message: %(message)s", message=values["message"]))
        return Markup("<br/>").join(escape(line) for line in lines)

    @api.model
    def _health_send_acknowledgement(self, lead):
        template = self.env.ref(
            "health_website_recruitment.mail_template_application_ack", raise_if_not_found=False
        )
        if template and lead.partner_id.email:
            template.send_mail(lead.id, force_send=False)
