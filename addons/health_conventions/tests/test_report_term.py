from datetime import date

from odoo.tests import tagged

from .common import HealthConventionsCommon

REPORT = "health_conventions.action_report_health_convention"


@tagged("post_install", "-at_install")
class TestReportTerm(HealthConventionsCommon):
    """What the printed convention says of its term, its title and its layout
    (checked on the HTML the PDF is made of)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.french = bool(cls.env["res.lang"]._lang_get("fr_FR"))

    def _html(self, convention, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        return Report._render_qweb_html(REPORT, convention.ids)[0].decode()

    def _require_french(self):
        if not self.french:
            self.skipTest("French is not installed in this database")

    def test_term_of_seed_000_in_french(self):
        """Three years from the last signature, renewable tacitly (seed 000, art. 5)."""
        self._require_french()
        convention = self._make_convention(
            signed=(date(2025, 1, 10), date(2025, 1, 14)),
            duration_months=36,
            tacit_renewal=True,
            renewal_months=12,
            max_renewals=2,
            notice_months=3,
        )
        html = self._html(convention, user=self.user_conventions)
        self.assertIn("Durée", html)
        for text in (
            "La présente convention prend effet le 14 janvier 2025, date de sa signature "
            "par la dernière des parties.",
            "Elle est conclue pour 3 ans, jusqu'au 13 janvier 2028.",
            "Elle est renouvelée tacitement, chaque fois pour un an, 2 fois au plus.",
            "moyennant un préavis de 3 mois avant la fin de la période en cours.",
        ):
            self.assertIn(text, html.replace("&#39;", "'"))

    def test_term_of_seed_002_in_french(self):
        """One year from the signature by both parties, two months' notice (seed 002)."""
        self._require_french()
        convention = self._make_convention(
            signed=(date(2025, 12, 8), date(2025, 12, 15)), duration_months=12, notice_months=2
        )
        html = self._html(convention).replace("&#39;", "'")
        for text in (
            "prend effet le 15 décembre 2025",
            "Elle est conclue pour un an, jusqu'au 14 décembre 2026.",
            "Elle n'est pas renouvelée tacitement",
            "Chaque partie peut y mettre fin par lettre recommandée avec accusé de "
            "réception, moyennant un préavis de 2 mois.",
        ):
            self.assertIn(text, html)

    def test_term_before_signature_and_after_renewals(self):
        convention = self._make_convention(
            signed=(None, None),
            tacit_renewal=True,
            renewal_months=12,
            notice_months=2,
        )
        sentences = convention.with_context(lang="en_US")._get_report_term_sentences()
        self.assertEqual(
            sentences[0],
            "This convention takes effect on the date of its signature by the last of the parties.",
        )
        self.assertEqual(sentences[1], "It is concluded for one year.")
        convention.party_ids[0].signature_date = date(2025, 1, 10)
        convention.party_ids[1].signature_date = date(2025, 1, 14)
        convention.action_sign()
        convention.action_put_in_force()
        convention._renew_or_expire(date(2026, 1, 20))
        self.assertEqual(convention.date_end, date(2027, 1, 13))
        english = convention.with_context(lang="en_US")
        sentences = english._get_report_term_sentences()
        self.assertEqual(
            sentences[-1],
            "Renewals and amendments so far: 1; the current period ends on "
            f"{english._format_report_date(date(2027, 1, 13))}. Last day to give notice: "
            f"{english._format_report_date(date(2026, 11, 14))}.",
        )
        self.assertIn(
            "13 janvier 2027" if self.french else "13 January 2027", self._html(convention)
        )

    def test_subtitle_is_the_conventions_own(self):
        """The subtitle used to be the subject copied from the template."""
        self.template.subject = "The template's general subject"
        convention = self._make_convention(
            template_id=self.template.id, title="Our own partnership with the EPCI"
        )
        self.assertEqual(convention.subject, "The template's general subject")
        html = self._html(convention)
        self.assertIn("Our own partnership with the EPCI", html)
        self.assertNotIn("The template&#39;s general subject", html)
        self.assertNotIn("The template's general subject", html)
        convention.subject = "Supporting the interns of the Monts de Sorne"
        self.assertIn("Supporting the interns of the Monts de Sorne", self._html(convention))

    def test_a4_with_the_collectivite_header(self):
        company = self.env.company
        company.write(
            {
                "paperformat_id": self.env.ref("base.paperformat_us").id,
                "street": "1 place du Conseil départemental",
                "zip": "99000",
                "city": "Sornac",
            }
        )
        report = self.env.ref(REPORT)
        self.assertEqual(report.get_paperformat(), self.env.ref("base.paperformat_euro"))
        self.assertEqual(report.get_paperformat().format, "A4")
        html = self._html(self._make_convention())
        header = html[html.index('class="header') : html.index('class="article')]
        self.assertIn(f"o_company_{company.id}_layout", header)
        if company.is_company_details_empty:
            # the company's address block: its name and address
            for text in (company.name, "1 place du Conseil départemental", "Sornac"):
                self.assertIn(text, header)
        else:
            self.assertIn(str(company.company_details), header)
        if company.logo:
            self.assertIn('alt="Logo"', header)
