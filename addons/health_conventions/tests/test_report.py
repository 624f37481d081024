import io
import logging
import re
from contextlib import contextmanager
from datetime import date
from unittest.mock import patch

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

# What Debian's wkhtmltopdf (built without patched Qt) writes on stderr for
# every report: Odoo logs it as a warning although the PDF is complete.
_BENIGN_WKHTMLTOPDF_NOTES = re.compile(
    r"The switch --[\w-]+, is not support using unpatched qt, and will be ignored\."
    r"|QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '[^']*'"
)


@contextmanager
def wkhtmltopdf_notes():
    """Keep wkhtmltopdf's stderr out of the log; yields what it reported
    besides the known notes of a build without patched Qt."""
    logger = logging.getLogger("odoo.addons.base.models.ir_actions_report")
    remaining = []

    def keep(record):
        message = record.getMessage()
        if not message.startswith("wkhtmltopdf:"):
            return True
        text = _BENIGN_WKHTMLTOPDF_NOTES.sub("", message.removeprefix("wkhtmltopdf:")).strip()
        if text:
            remaining.append(text)
        return False

    logger.addFilter(keep)
    try:
        yield remaining
    finally:
        logger.removeFilter(keep)


@tagged("post_install", "-at_install")
class TestReport(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        dept, epci = cls.env["res.partner"].create(
            [
                {"name": "Report Département", "is_company": True},
                {"name": "Report Communauté de communes", "is_company": True},
            ]
        )
        cls.convention = cls.env["health.convention"].create(
            {
                "title": "Report convention",
                "subject": "L'installation de médecins généralistes",
                "preamble": "<p>Report preamble</p>",
                "transmission_required": False,
                "signature_place": "Sornac",
                "party_ids": [
                    Command.create(
                        {
                            "partner_id": dept.id,
                            "role": "lead",
                            "signatory_name": "Mme Report",
                            "signatory_title": "La Présidente",
                            "act_ids": [
                                Command.create(
                                    {
                                        "act_type": "deliberation",
                                        "number": "00-006",
                                        "date": date(2015, 4, 2),
                                        "body": "departmental_council",
                                        "transmission_required": False,
                                    }
                                ),
                                Command.create(
                                    {
                                        "act_type": "deliberation",
                                        "number": "CP-2025-01",
                                        "date": date(2025, 1, 6),
                                        "body": "standing_committee",
                                        "transmission_required": False,
                                    }
                                ),
                            ],
                            "signature_date": date(2025, 1, 10),
                        }
                    ),
                    Command.create(
                        {
                            "partner_id": epci.id,
                            "signatory_name": "M. Report",
                            "signature_date": date(2025, 1, 14),
                        }
                    ),
                ],
                "article_ids": [
                    Command.create({"title": "Objet", "body": "<p>Report article text</p>"})
                ],
            }
        )

    def test_html_in_french_with_parties_and_articles(self):
        html, _format = self.env["ir.actions.report"]._render_qweb_html(
            "health_conventions.action_report_health_convention", self.convention.ids
        )
        html = html.decode()
        for text in (
            "Report Département",
            "Mme Report",
            "00-006",
            "CP-2025-01",
            "Report preamble",
            "Report article text",
            "Sornac",
        ):
            self.assertIn(text, html)
        if self.env["res.lang"]._lang_get("fr_FR"):
            self.assertIn("Entre les soussignés", html)

    def test_pdf_renders(self):
        # wkhtmltopdf fetches the report's styles from this test server
        self.env["ir.config_parameter"].set_param("report.url", self.base_url())
        Report = type(self.env["ir.actions.report"])
        with (
            wkhtmltopdf_notes() as notes,
            patch.object(
                Report, "_run_wkhtmltopdf", autospec=True, side_effect=Report._run_wkhtmltopdf
            ) as run,
        ):
            pdf, report_format = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(
                    "health_conventions.action_report_health_convention", self.convention.ids
                )
            )
        self.assertEqual(report_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertFalse(notes, "wkhtmltopdf reported a problem")
        # what wkhtmltopdf laid out: the convention in French
        html = "".join(str(body) for body in run.call_args.args[1])
        self.assertIn("Report Département", html)
        if self.env["res.lang"]._lang_get("fr_FR"):
            self.assertIn("Entre les soussignés", html)
        reader = PdfFileReader(io.BytesIO(pdf))
        self.assertEqual(len(reader.pages), 1)
        page = reader.pages[0]
        text = " ".join(page.extract_text().split())
        if text:
            for expected in ("Report Département", "Mme Report, La Présidente", "Sornac"):
                self.assertIn(expected, text)
            if self.env["res.lang"]._lang_get("fr_FR"):
                self.assertIn("Entre les soussignés", text)
        else:
            # Debian's wkhtmltopdf draws the web fonts of Odoo's layouts as
            # outlines (no text to extract): the page must then draw the
            # outlines of its 700 or so letters, one path or more each
            content = page.get_contents().get_data().decode("latin-1")
            outlines = len(re.findall(r"(?m) m$", content))
            self.assertGreater(outlines, 500, "the PDF has no text")


@tagged("post_install", "-at_install")
class TestTerritoryReportPdf(HttpCase):
    """The territory's annual report goes through wkhtmltopdf on A4 paper."""

    def test_pdf_renders(self):
        Territory = self.env["health.territory"]
        dept = Territory.create({"name": "Pdf Département", "territory_type": "departement"})
        epci = Territory.create(
            {
                "name": "CC Pdf Report",
                "territory_type": "epci",
                "code": "288888881",
                "parent_id": dept.id,
            }
        )
        Territory.create(
            {
                "name": "Pdf-sur-Sorne",
                "territory_type": "commune",
                "code": "88881",
                "parent_id": epci.id,
            }
        )
        report = self.env.ref("health_conventions.action_report_health_territory_annual")
        self.assertEqual(report.paperformat_id.format, "A4")
        self.env["ir.config_parameter"].set_param("report.url", self.base_url())
        Report = type(self.env["ir.actions.report"])
        with (
            wkhtmltopdf_notes() as notes,
            patch.object(
                Report, "_run_wkhtmltopdf", autospec=True, side_effect=Report._run_wkhtmltopdf
            ) as run,
        ):
            pdf, report_format = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True, lang="fr_FR")
                ._render_qweb_pdf(report.report_name, epci.ids, data={"year": 2025})
            )
        self.assertEqual(report_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertFalse(notes, "wkhtmltopdf reported a problem")
        html = "".join(str(body) for body in run.call_args.args[1])
        self.assertIn("Pdf-sur-Sorne", html)
        if self.env["res.lang"]._lang_get("fr_FR"):
            self.assertIn("Rapport annuel", html)
        self.assertGreaterEqual(len(PdfFileReader(io.BytesIO(pdf)).pages), 1)
