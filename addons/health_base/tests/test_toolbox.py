from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import HealthBaseCommon


@tagged("post_install", "-at_install")
class TestToolbox(HealthBaseCommon):
    def test_presence_medicale_64_measures_are_loaded(self):
        measures = self.env["health.toolbox.measure"].search(
            [("program_name", "=", "Présence médicale 64")]
        )
        self.assertEqual(
            measures.mapped("code"), ["FA1", "FA2", "FA3", "FA4", "FA5", "FA8", "FA10"]
        )
        fa4 = self.env.ref("health_base.toolbox_measure_fa4")
        self.assertEqual(fa4.name, "Accompagnement du conjoint dans sa recherche d'emploi")
        self.assertEqual(fa4.axis_id.code, "PM64-A1")

    def test_plan_sante_79_levers_are_loaded(self):
        axes = self.env["health.toolbox.axis"].search([("program_name", "=", "Plan Santé 79")])
        self.assertEqual(len(axes), 4)
        self.assertTrue(all(axis.measure_count for axis in axes))
        housing = self.env["health.toolbox.measure"].search(
            [("description", "ilike", "logement pour les stagiaires")]
        )
        self.assertEqual(len(housing), 1)
        self.assertIn(self.env.ref("health_base.org_type_departement"), housing.pilot_type_ids)

    def test_search_by_code_or_title(self):
        Measure = self.env["health.toolbox.measure"]
        self.assertEqual(
            Measure.name_search("FA10")[0][0], self.env.ref("health_base.toolbox_measure_fa10").id
        )
        self.assertIn(
            self.env.ref("health_base.toolbox_measure_fa3").id,
            [mid for mid, _name in Measure.name_search("famille")],
        )
        self.assertEqual(
            self.env.ref("health_base.toolbox_measure_fa1").display_name,
            "FA1 – Démarchage des étudiants en médecine générale",
        )

    def test_code_is_unique(self):
        axis = self.env.ref("health_base.toolbox_axis_pm64_1")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["health.toolbox.measure"].create(
                {"code": "FA1", "name": "Duplicate", "axis_id": axis.id}
            )

    def test_axis_measure_count_in_one_query(self):
        axes = self.env["health.toolbox.axis"].search([])
        axes.invalidate_recordset(["measure_count"])
        with self.assertQueryCount(1):
            total = sum(axes.mapped("measure_count"))
        self.assertEqual(total, self.env["health.toolbox.measure"].search_count([]))
