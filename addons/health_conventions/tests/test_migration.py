import importlib.util
from datetime import date

from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import HealthConventionsCommon


def _load(script):
    path = file_path(f"health_conventions/migrations/18.0.2.0.0/{script}.py")
    spec = importlib.util.spec_from_file_location(f"health_conventions_{script}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pre_migrate = _load("pre-migrate")
post_migrate = _load("post-migrate")


@tagged("post_install", "-at_install")
class TestMigration(HealthConventionsCommon):
    """The upgrade from 18.0.1 turns the deliberation columns into acts."""

    def _add_old_columns(self):
        cr = self.env.cr
        cr.execute(
            """
            ALTER TABLE health_convention_party
                ADD COLUMN deliberation_number varchar, ADD COLUMN deliberation_date date,
                ADD COLUMN deliberation_body varchar, ADD COLUMN transmission_required boolean,
                ADD COLUMN act_identifier varchar, ADD COLUMN transmission_date date,
                ADD COLUMN acknowledgement_date date, ADD COLUMN enforceable_date date;
            ALTER TABLE health_convention_amendment
                ADD COLUMN deliberation_number varchar, ADD COLUMN deliberation_date date,
                ADD COLUMN deliberation_body varchar;
            ALTER TABLE health_convention_renewal ADD COLUMN decision varchar;
            """
        )

    def test_acts_from_the_old_columns(self):
        first = self._make_convention(tacit_renewal=True)
        second = self._make_convention()
        amendment = self.env["health.convention.amendment"].create(
            {"convention_id": first.id, "subject": "Old amendment"}
        )
        first.action_sign()
        first.action_put_in_force()
        self.env["health.convention"]._cron_process_terms(date(2026, 3, 10))
        self.env.flush_all()
        self._add_old_columns()
        cr = self.env.cr
        # the Département signed both conventions under the same deliberation
        cr.execute(
            """
            UPDATE health_convention_party
               SET deliberation_number = 'CP-2025-02', deliberation_date = '2025-02-03',
                   deliberation_body = 'standing_committee', transmission_required = TRUE,
                   act_identifier = '099-229900019-20250203-CP2025_02-DE',
                   transmission_date = '2025-02-05', acknowledgement_date = '2025-02-05',
                   enforceable_date = '2025-02-06'
             WHERE partner_id = %s AND convention_id IN %s
            """,
            [self.org_dept.id, (first.id, second.id)],
        )
        cr.execute(
            "UPDATE health_convention_amendment SET deliberation_number = 'CP-2025-09' "
            "WHERE id = %s",
            [amendment.id],
        )
        cr.execute(
            "UPDATE health_convention_renewal SET decision = 'Tacit, noted by CP-2026-03' "
            "WHERE convention_id = %s",
            [first.id],
        )
        self.env.invalidate_all()
        acts = self.env["health.authorising.act"].search_count([])
        post_migrate.migrate(cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(self.env["health.authorising.act"].search_count([]), acts + 3)
        dept_act = first.party_ids[0].act_ids
        self.assertEqual(second.party_ids[0].act_ids, dept_act, "one act for both parties")
        self.assertEqual(
            (dept_act.number, dept_act.date, dept_act.body, dept_act.partner_id),
            ("CP-2025-02", date(2025, 2, 3), "standing_committee", self.org_dept),
        )
        self.assertEqual(dept_act.enforceable_date, date(2025, 2, 6))
        self.assertFalse(first.party_ids[1].act_ids)
        self.assertEqual(amendment.act_id.number, "CP-2025-09")
        self.assertEqual(amendment.act_id.date, amendment.create_date.date())
        renewal = first.renewal_ids
        self.assertEqual(len(renewal), 1)
        self.assertEqual(
            (renewal.act_id.act_type, renewal.act_id.number, renewal.act_id.date),
            ("decision", "Tacit, noted by CP-2026-03", date(2026, 3, 10)),
        )
        # run twice, nothing more
        post_migrate.migrate(cr, "18.0.1.0.0")
        self.assertEqual(self.env["health.authorising.act"].search_count([]), acts + 3)

    def test_reminded_deadlines_and_renewal_numbers(self):
        convention = self._make_convention(tacit_renewal=True, notice_months=2)
        convention.action_sign()
        convention.action_put_in_force()
        Convention = self.env["health.convention"]
        Convention._cron_process_terms(date(2026, 3, 10))
        Convention._cron_process_terms(date(2027, 3, 10))
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            """
            ALTER TABLE health_convention DROP COLUMN notice_reminded_deadline;
            DROP INDEX IF EXISTS health_convention_renewal_convention_id_number_uniq;
            UPDATE health_convention SET notice_reminder_done = TRUE WHERE id = %s;
            UPDATE health_convention_renewal SET number = 1 WHERE convention_id = %s;
            """,
            [convention.id, convention.id],
        )
        pre_migrate.migrate(cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(convention.notice_reminded_deadline, convention.notice_deadline)
        self.assertEqual(sorted(convention.renewal_ids.mapped("number")), [1, 2])
