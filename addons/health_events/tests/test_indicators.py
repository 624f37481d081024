from odoo.addons.health_base import tools
from odoo.addons.health_base.tests.common import read_xlsx
from odoo.tests import tagged

from .common import HealthEventsCommon


@tagged("post_install", "-at_install")
class TestIndicators(HealthEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event, registrations = cls._generate_attended()
        registrations[0].action_health_give_kit()
        cls.event.health_invitation_ids.filtered(
            lambda inv: inv.category == tools.ROLE_MSU
        ).action_decline()
        cls.Report = cls.env["health.event.indicator.report"]

    def _report_totals(self, event):
        fnames = self.Report._health_event_totals()
        [values] = self.Report.with_user(self.user_events)._read_group(
            [("event_id", "=", event.id)], [], [f"{name}:sum" for name in fnames]
        )
        return dict(zip(fnames.values(), values, strict=True))

    def _event_totals(self, event):
        event = event.with_user(self.user_events)
        event.invalidate_recordset()
        return {fname: event[fname] for fname in self.Report._health_event_totals().values()}

    def test_event_counts(self):
        self.assertEqual(
            self._event_totals(self.event),
            {
                "health_invitation_count": 4,
                "health_invited_count": 4,
                "health_declined_count": 1,
                "health_registered_count": 3,
                "health_waiting_count": 0,
                "health_attended_count": 2,
                "health_no_show_count": 0,
                # two attendees, one companion
                "health_participant_count": 3,
                "health_kit_given_count": 1,
            },
        )
        self.assertEqual(self._report_totals(self.event), self._event_totals(self.event))

    def test_archived_registration_counts_nowhere(self):
        """As Odoo's seats: an archived registration counts neither in the
        evening's form nor in the report (the report used to count it)."""
        registration = self.event.health_invitation_ids.registration_id.filtered(
            lambda reg: reg.state == "open"
        )
        self.assertEqual(len(registration), 1)
        registration.active = False
        self.assertEqual(self._event_totals(self.event)["health_registered_count"], 2)
        self.assertEqual(self._report_totals(self.event), self._event_totals(self.event))

    def test_cancelled_registration_is_not_registered(self):
        walk_in = self.env["event.registration"].create(
            {"event_id": self.event.id, "name": "Walk-in guest"}
        )
        self.assertEqual(self._event_totals(self.event)["health_registered_count"], 4)
        walk_in.action_cancel()
        self.assertEqual(self._event_totals(self.event)["health_registered_count"], 3)
        self.assertEqual(self._report_totals(self.event), self._event_totals(self.event))

    def test_indicator_report_funnel(self):
        self.env.flush_all()
        Report = self.Report.with_user(self.user_events)
        rows = Report._read_group(
            [("event_id", "=", self.event.id)],
            ["category"],
            ["invited:sum", "registered:sum", "attended:sum", "declined:sum", "participants:sum"],
        )
        data = {category: values for category, *values in rows}
        self.assertEqual(data[tools.ROLE_INTERN], [3, 3, 2, 0, 3])
        self.assertEqual(data[tools.ROLE_MSU], [1, 0, 0, 1, 0])
        by_year = Report._read_group(
            [("territory_id", "=", self.epci_a.id)], ["year"], ["attended:sum"]
        )
        self.assertEqual(by_year, [("2027", 2)])

    def test_walk_in_counts_as_attended(self):
        walk_in = self.env["event.registration"].create(
            {"event_id": self.event.id, "name": "Walk-in guest"}
        )
        with self._on_evening_day(self.event):
            walk_in.action_health_mark_attended()
        rows = self.Report.search([("event_id", "=", self.event.id), ("category", "=", "walk_in")])
        self.assertEqual(rows.mapped("attended"), [1])
        self.assertEqual(self._event_totals(self.event)["health_attended_count"], 3)

    def test_counts_in_one_query_whatever_the_number_of_evenings(self):
        def prepare(size):
            semesters = [self._semester(2040 + i, "may") for i in range(size)]
            return self.env["event.event"].browse(
                self._generate(semester=semester).id for semester in semesters
            )

        def run(events):
            events.with_user(self.user_events).mapped("health_registered_count")

        self._count_queries(run, prepare(1))  # the caches are filled before
        self.assertQueryCountSame(prepare, run, n=2)

    def test_xlsx_export(self):
        other = self._generate(semester=self.sem_2026_11)
        events = (self.event | other).with_user(self.user_events)
        action = events.action_health_export_indicators()
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertEqual(attachment.create_uid, self.user_events)
        [rows] = read_xlsx(attachment.raw).values()
        header = rows[0]
        self.assertEqual(header[:2], ["Evening", "Internship semester"])
        column = {title: index for index, title in enumerate(header)}
        # sorted by date: the November 2026 evening first
        self.assertEqual(rows[1][column["Number Invited"]], 0)
        evening = rows[2]
        self.assertEqual(evening[column["Evening"]], self.event.name)
        self.assertEqual(evening[column["Territory"]], "Test Département / CC Alpha")
        self.assertEqual(
            [
                evening[column[title]]
                for title in (
                    "Number Invited",
                    "Number Registered",
                    "Number Declined",
                    "Number Present",
                    "Number of No-shows",
                    "Participants",
                    "Kits given",
                )
            ],
            [4, 3, 1, 2, 0, 3, 1],
        )
