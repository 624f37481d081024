from datetime import date, timedelta
from xmlrpc.client import Fault

from odoo import Command, fields
from odoo.tests import HttpCase, get_db_name, new_test_user, tagged
from odoo.tools import mute_logger

from ..dates import period_end


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="hc_tour_officer",
            groups="base.group_user,health_conventions.group_convention_user",
            name="Tour Officer",
            lang="fr_FR",
        )
        cls.env["res.partner"].create(
            [
                {"name": "Tour Département", "is_company": True},
                {"name": "Tour Communauté de communes", "is_company": True},
            ]
        )
        cls.act = cls.env["health.authorising.act"].create(
            {
                "act_type": "deliberation",
                "number": "TOUR-03-005",
                "date": date(2019, 2, 14),
                "body": "departmental_council",
                "transmission_required": False,
            }
        )
        cls.env["health.convention.template"].create(
            {
                "name": "Tour template",
                "title": "Tour convention",
                "duration_months": 12,
                "notice_months": 2,
                "line_ids": [
                    Command.create({"title": "Objet", "body": "<p>Objet de la convention</p>"}),
                    Command.create({"title": "Durée", "body": "<p>Un an</p>"}),
                ],
            }
        )

    def test_convention_tour(self):
        """The programme officer (the persona's groups) takes a convention from
        its parties to in force and prints it; dates are relative to today
        (the browser's clock cannot be frozen)."""
        self.start_tour("/odoo", "health_conventions_tour", login="hc_tour_officer")
        today = fields.Date.context_today(self.officer)
        convention = self.env["health.convention"].search([("title", "=", "Tour convention")])
        self.assertEqual(convention.state, "in_force")
        self.assertEqual(convention.effective_date_mode, "enforceable")
        self.assertEqual(convention.article_ids.mapped("title"), ["Objet", "Durée"])
        self.assertEqual(len(convention.party_ids), 2)
        self.assertEqual(convention.party_ids[0].act_ids, self.act)
        self.assertEqual(convention.date_signed, today - timedelta(days=15))
        # enforceable on the acknowledgement, after the last signature
        self.assertEqual(convention.acknowledgement_date, today - timedelta(days=10))
        self.assertEqual(convention.enforceable_date, today - timedelta(days=10))
        self.assertEqual(convention.date_start, today - timedelta(days=10))
        self.assertEqual(convention.date_end, period_end(today - timedelta(days=10), 12))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "health_conventions.action_report_health_convention", convention.ids
            )[0]
            .decode()
        )
        self.assertIn("Durée", html)
        self.assertIn("Elle est conclue pour un an", html)

    @mute_logger("odoo.http")  # the server logs each refused call as a warning
    def test_xmlrpc_bad_input_is_refused_clearly(self):
        """An external tool creating conventions gets the same clear messages."""
        with self.assertRaises(Fault) as caught:
            self.xmlrpc_object.execute(
                get_db_name(),
                self.officer.id,
                "hc_tour_officer",
                "health.convention",
                "create",
                {"title": "RPC convention", "duration_months": 0},
            )
        self.assertIn("the duration must be at least one month", caught.exception.faultString)
        # a template that does not exist: a sentence, not a foreign-key error
        with self.assertRaises(Fault) as caught:
            self.xmlrpc_object.execute(
                get_db_name(),
                self.officer.id,
                "hc_tour_officer",
                "health.convention",
                "create",
                {"title": "RPC convention", "template_id": 999999999},
            )
        self.assertEqual(caught.exception.faultCode, 2, "a warning, not an application error")
        self.assertIn(
            "Template (template_id): there is no Convention Template with the id 999999999",
            caught.exception.faultString,
        )
        self.assertNotIn("Traceback", caught.exception.faultString)
        self.assertFalse(self.env["health.convention"].search([("title", "=", "RPC convention")]))


@tagged("post_install", "-at_install")
class TestTerritoryReportUi(HttpCase):
    def test_territory_annual_report_tour(self):
        """The programme officer attaches a territory's annual report to its
        committee's meeting from the territory's form (the meeting's date is
        relative to today: the browser's clock cannot be frozen)."""
        new_test_user(
            self.env,
            login="hc_report_officer",
            groups="base.group_user,health_conventions.group_convention_user",
            name="Report Officer",
            lang="fr_FR",
        )
        territory = self.env["health.territory"].create(
            {"name": "Territoire tour", "territory_type": "departement"}
        )
        start = fields.Datetime.now() + timedelta(days=10)
        meeting = self.env["calendar.event"].create(
            {
                "name": "Comité territorial tour",
                "start": start,
                "stop": start + timedelta(hours=2),
            }
        )
        self.start_tour(
            f"/odoo/action-health_base.health_territory_action/{territory.id}",
            "health_territory_annual_report_tour",
            login="hc_report_officer",
        )
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "calendar.event"), ("res_id", "=", meeting.id)]
        )
        self.assertEqual(
            sorted(attachments.mapped("mimetype")),
            [
                "application/pdf",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ],
        )
        self.assertEqual(meeting.health_territory_id, territory)
        self.assertIn(f"Rapport annuel {start.year - 1}", meeting.health_minutes)
