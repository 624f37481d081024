from contextlib import contextmanager
from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class HealthConventionsCommon(TransactionCase):
    """Users of each role, organisations and a small template.

    Records are created here rather than taken from the demo data so that
    the tests also run on a database without demo data.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.user_health = new_test_user(
            cls.env,
            login="hc_health_user",
            groups="base.group_user,health_base.group_health_user",
            name="Suite User",
        )
        cls.user_officer = new_test_user(
            cls.env,
            login="hc_officer",
            groups="base.group_user,health_conventions.group_convention_user",
            name="Convention Officer",
            lang="en_US",
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="hc_manager",
            groups="base.group_user,health_conventions.group_convention_manager",
            name="Convention Manager",
        )
        Partner = cls.env["res.partner"]
        cls.dept, cls.epci, cls.ars = Partner.create(
            [
                {"name": "Test Département", "is_company": True},
                {"name": "Test Communauté de communes", "is_company": True},
                {"name": "Test ARS", "is_company": True},
            ]
        )
        cls.representative = Partner.create({"name": "Dr Test Representative"})
        cls.template = cls.env["health.convention.template"].create(
            {
                "name": "Test template",
                "title": "Test convention",
                "kind": "msu_support",
                "preamble": "<p>Test preamble</p>",
                "duration_months": 12,
                "notice_months": 2,
                "line_ids": [
                    Command.create(
                        {"sequence": 1, "title": "Object", "body": "<p>Object text</p>"}
                    ),
                    Command.create({"sequence": 2, "title": "Duration", "body": "<p>One year</p>"}),
                ],
            }
        )

    @classmethod
    def _party_vals(cls, partner, signed=None, role="cosignatory", **extra):
        return {
            "partner_id": partner.id,
            "role": role,
            "signatory_name": f"Signatory of {partner.name}",
            "signatory_title": "President",
            "signature_date": signed,
            **extra,
        }

    @classmethod
    def _make_convention(cls, env=None, signed=(date(2025, 3, 1), date(2025, 3, 10)), **vals):
        """A convention with two signing parties (and their signature dates)."""
        env = env or cls.env
        first, second = signed
        values = {
            "title": "Test partnership",
            "user_id": cls.user_officer.id,
            "duration_months": 12,
            "transmission_required": False,
            "party_ids": [
                Command.create(cls._party_vals(cls.dept, first, role="lead")),
                Command.create(cls._party_vals(cls.epci, second)),
            ],
            **vals,
        }
        return env["health.convention"].create(values)

    @contextmanager
    def assertRaisesText(self, exception, text):
        """assertRaises (which rolls back what the failed call wrote) and the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))
