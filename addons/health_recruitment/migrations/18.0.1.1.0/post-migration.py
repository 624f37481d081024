import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    """Give a programme officer to the candidacies that have none: since
    the global rule is gone, Odoo's "Personal Leads" rule would open them to
    every salesman."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    Lead = env["crm.lead"].with_context(active_test=False, tracking_disable=True)
    leads = Lead.search([("health_is_recruitment", "=", True), ("user_id", "=", False)])
    for team in leads.team_id:
        officer = Lead._health_default_officer(team)
        team_leads = leads.filtered(lambda lead, team=team: lead.team_id == team)
        if officer:
            team_leads.write({"user_id": officer.id})
        else:
            _logger.warning(
                "%s candidacies of the team %s have no programme officer and the "
                "team has no leader nor member: assign them.",
                len(team_leads),
                team.name,
            )
