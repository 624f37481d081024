from odoo.tests import tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestMeasures(RecruitmentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activity_type = cls.env.ref("health_recruitment.mail_activity_type_measure")
        cls.plan = cls.env["mail.activity.plan"].create(
            {
                "name": "Spouse job search",
                "res_model": "crm.lead",
                "template_ids": [
                    (
                        0,
                        0,
                        {
                            "activity_type_id": activity_type.id,
                            "summary": "Send the CV to the employers' network",
                            "delay_count": 7,
                            "delay_unit": "days",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "activity_type_id": activity_type.id,
                            "summary": "Call back the spouse",
                            "delay_count": 1,
                            "delay_unit": "months",
                        },
                    ),
                ],
            }
        )
        cls.measure.recruitment_activity_plan_id = cls.plan

    def _line(self, lead=None, **values):
        return (
            self.env["health.recruitment.measure.line"]
            .with_user(self.officer)
            .create(
                dict({"lead_id": (lead or self.lead).id, "measure_id": self.measure.id}, **values)
            )
        )

    def _plan_activities(self, lead):
        return lead.activity_ids.filtered(
            lambda a: a.summary in ("Send the CV to the employers' network", "Call back the spouse")
        )

    def test_accepting_a_measure_schedules_its_plan(self):
        line = self._line()
        self.assertFalse(self._plan_activities(self.lead))
        line.state = "accepted"
        activities = self._plan_activities(self.lead)
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.officer)
        # staying accepted does not schedule again
        line.write({"state": "accepted", "cost": 10})
        self.assertEqual(len(self._plan_activities(self.lead)), 2)

    def test_batch_acceptance(self):
        def prepare(size):
            leads = self.env["crm.lead"]
            for i in range(size):
                leads |= self._make_lead(
                    self.env["res.partner"].create({"name": f"Other {size} {i}"}),
                    user=self.officer,
                )
            lines = self.env["health.recruitment.measure.line"].with_user(self.officer)
            for lead in leads:
                lines |= self._line(lead)
            lines.invalidate_recordset()
            return lines

        def accept(lines):
            lines.write({"state": "accepted"})
            return lines

        self.assertQueryCountSame(prepare, accept, n=2)
        lines = accept(prepare(2))
        for lead in lines.lead_id:
            self.assertEqual(len(self._plan_activities(lead)), 2)

    def test_cost_of_the_candidacy(self):
        self._line(cost=1500, state="delivered")
        self._line(cost=800)
        self._line(cost=5000, state="declined")
        self.assertEqual(self.lead.health_measure_cost, 2300)

    def test_household_needs(self):
        line = (
            self.env["health.recruitment.household.line"]
            .with_user(self.officer)
            .create(
                {
                    "lead_id": self.lead.id,
                    "member_type": "spouse",
                    "member_name": "Thomas",
                    "need_type": "spouse_job",
                    "sector": "Nursing",
                }
            )
        )
        self.assertEqual(line.state, "open")
        self.assertEqual(self.lead.health_household_line_ids, line)

    def test_territory_visits(self):
        action = self.lead.with_user(self.officer).action_health_view_visits()
        event = (
            self.env["calendar.event"]
            .with_user(self.officer)
            .with_context(**action["context"])
            .create({"start": "2026-12-04 09:00:00", "stop": "2026-12-04 16:00:00"})
        )
        self.assertEqual(event.opportunity_id, self.lead)
        self.assertTrue(event.health_is_visit)
        self.assertIn(self.candidate, event.partner_ids)
        self.assertEqual(self.lead.health_visit_count, 1)
        # not forced private: the head of service, who is not an attendee,
        # reads the visit of a candidacy they may read (not "Busy")
        self.assertNotEqual(event.privacy, "private")
        self.lead.with_user(self.manager).check_access("read")
        values = event.with_user(self.manager).read(["name", "health_visit_territory_id"])[0]
        self.assertEqual(values["name"], action["context"]["default_name"])
        event.health_visit_territory_id = self.commune
        values = event.with_user(self.manager).read(["name", "health_visit_territory_id"])[0]
        self.assertEqual(values["health_visit_territory_id"][0], self.commune.id)
