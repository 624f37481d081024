from datetime import datetime, timedelta

from odoo.addons.health_base import tools
from odoo.addons.health_base.tests.common import HealthBaseCommon
from odoo.tests import freeze_time, new_test_user


class FunnelCommon(HealthBaseCommon):
    """A welcome evening of a semester with four invited interns, and their
    candidacies at different stages."""

    @classmethod
    def _funnel_fixture(cls, semester, territory, evening_begin):
        """Four interns invited to the evening of ``semester`` in
        ``territory``: three registered, two came; the first came and got
        installed, the second came and has an installation project, the
        fourth did not answer but became a candidate anyway."""
        event = cls.env["event.event"].create(
            {
                "name": "Soirée d'accueil de test",
                "event_type_id": cls.env.ref("health_events.event_type_welcome_evening").id,
                "health_semester_id": semester.id,
                "health_territory_id": territory.id,
                "date_begin": evening_begin,
                "date_end": evening_begin + timedelta(hours=3),
            }
        )
        interns = cls.env["res.partner"].create(
            [
                {
                    "name": f"Interne Entonnoir {index}",
                    "health_role_ids": [(6, 0, cls.role_intern.ids)],
                }
                for index in range(4)
            ]
        )
        invitations = cls.env["health.event.invitation"].create(
            [
                {"event_id": event.id, "partner_id": partner.id, "category": tools.ROLE_INTERN}
                for partner in interns
            ]
        )
        invitations.write({"state": "invited"})
        invitations[:3]._health_register(now=evening_begin - timedelta(days=1))
        # attendances are recorded on the evening's day
        with freeze_time(evening_begin):
            invitations[:2].registration_id.action_health_mark_attended()
        team = cls.env.ref("health_recruitment.crm_team_recruitment")
        stages = {
            key: cls.env.ref(f"health_recruitment.crm_stage_{key}")
            for key in ("first_contact", "installation_project", "installed")
        }
        # attending may already have opened the candidacies (recruitment glue)
        Lead = cls.env["crm.lead"]
        existing = Lead.search(
            [("partner_id", "in", interns.ids), ("health_is_recruitment", "=", True)]
        )
        missing = (interns[:2] + interns[3:]) - existing.partner_id
        Lead.create(
            [
                {
                    "name": f"Candidature {partner.name}",
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "team_id": team.id,
                    "user_id": cls.env.user.id,
                    "health_candidate_type": tools.ROLE_INTERN,
                    "health_semester_id": semester.id,
                }
                for partner in missing
            ]
        )
        leads = Lead.search(
            [("partner_id", "in", interns.ids), ("health_is_recruitment", "=", True)]
        )
        leads = leads.sorted(lambda lead: interns.ids.index(lead.partner_id.id))
        leads[1].write(
            {"health_practice_mode": "msp", "stage_id": stages["installation_project"].id}
        )
        leads[0].write(
            {
                "health_installation_date": semester.date_start,
                "health_installation_territory_id": cls.commune_a1.id,
                "health_installation_practice_id": cls.env["res.partner"]
                .create({"name": "MSP de l'entonnoir", "is_company": True})
                .id,
                "health_practice_mode": "msp",
                "stage_id": stages["installed"].id,
            }
        )
        return event, invitations, leads

    @classmethod
    def _head_of_service(cls, login):
        groups = [
            "base.group_user",
            "health_base.group_health_manager",
            "health_recruitment.group_recruitment_manager",
            "health_events.group_health_events_manager",
        ]
        user = new_test_user(
            cls.env, login=login, groups=",".join(groups), name="Cheffe de service"
        )
        # the other applications of the suite, when they are installed
        for xmlid in (
            "health_grants.group_grant_manager",
            "health_conventions.group_convention_manager",
        ):
            group = cls.env.ref(xmlid, raise_if_not_found=False)
            if group:
                user.groups_id = [(4, group.id)]
        return user


def at_evening(semester):
    """18:00 UTC two weeks after the semester starts."""
    return datetime.combine(
        semester.date_start + timedelta(days=14), datetime.min.time()
    ) + timedelta(hours=18)
