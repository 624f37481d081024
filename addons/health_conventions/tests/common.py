from contextlib import contextmanager
from datetime import date

from odoo import Command
from odoo.addons.health_base.tests.common import HealthBaseCommon, QueryCountMixin
from odoo.tests import new_test_user


class HealthConventionsCommon(HealthBaseCommon, QueryCountMixin):
    """health_base's users and territories, plus the conventions' users per
    role, organisations and a small template.

    - ``user_officer`` (health_base): the suite, not the conventions;
    - ``user_conventions``: *Conventions / User*, the programme officer who
      prepares and follows the conventions (the least-privileged writer);
    - ``user_conventions_manager``: *Conventions / Manager* (templates,
      deletion).

    Records are created here rather than taken from the demo data so that
    the tests also run on a database without demo data.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_conventions = new_test_user(
            cls.env,
            login="hc_officer",
            groups="base.group_user,health_conventions.group_convention_user",
            name="Convention Officer",
            lang="en_US",
        )
        cls.user_conventions_manager = new_test_user(
            cls.env,
            login="hc_manager",
            groups="base.group_user,health_conventions.group_convention_manager",
            name="Convention Manager",
        )
        Partner = cls.env["res.partner"]
        cls.org_dept, cls.org_epci, cls.org_ars = Partner.create(
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
            "user_id": cls.user_conventions.id,
            "duration_months": 12,
            "transmission_required": False,
            "party_ids": [
                Command.create(cls._party_vals(cls.org_dept, first, role="lead")),
                Command.create(cls._party_vals(cls.org_epci, second)),
            ],
            **vals,
        }
        return env["health.convention"].create(values)

    @classmethod
    def _make_act(cls, env=None, number="CP-2025-01", day=date(2025, 2, 20), **vals):
        """A deliberation (no transmission required)."""
        return (env or cls.env)["health.authorising.act"].create(
            {
                "act_type": "deliberation",
                "number": number,
                "date": day,
                "body": "standing_committee",
                "transmission_required": False,
                **vals,
            }
        )

    @contextmanager
    def assertRaisesText(self, exception, text):
        """assertRaises (which rolls back what the failed call wrote) and the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))
