from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import DeskCommon


@tagged("post_install", "-at_install")
class TestAccess(DeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.requester = cls.env["res.partner"].create(
            {"name": "Rita Requester", "email": "rita@example.org"}
        )
        cls.requester_user = new_test_user(
            cls.env, login="hd_requester", groups="base.group_portal", partner_id=cls.requester.id
        )
        cls.ticket_a = cls._make(cls.cat_admin, cls.requester)
        cls.ticket_b = cls._make(cls.cat_housing, cls.env["res.partner"].create({"name": "Other"}))

    @classmethod
    def _make(cls, category, partner):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": f"Question {category.name}",
                "description": "<p>?</p>",
                "category_id": category.id,
                "partner_id": partner.id,
            }
        )

    def test_requester_sees_own_requests(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.requester_user)
        self.assertEqual(Ticket.search([]), self.ticket_a)
        with self.assertRaises(AccessError):
            self.ticket_b.with_user(self.requester_user).read(["name"])
        with self.assertRaises(AccessError):
            self.ticket_a.with_user(self.requester_user).write({"name": "Changed"})

    def test_portal_closing(self):
        """On the portal, a desk request is closed by its requester only."""
        self.assertTrue(self.ticket_a._health_desk_may_close_from_portal(self.requester_user))
        self.assertFalse(self.ticket_a._health_desk_may_close_from_portal(self.cpam_user))
        self.assertTrue(self.ticket_a._health_desk_may_close_from_portal(self.desk_officer))

    def test_partner_institution_sees_nothing_before_transfer(self):
        self.assertFalse(self.env["helpdesk.ticket"].with_user(self.cpam_user).search([]))

    def test_officers_see_their_desk(self):
        as_a = self.env["helpdesk.ticket"].with_user(self.desk_officer)
        self.assertIn(self.ticket_a, as_a.search([]))
        self.assertNotIn(self.ticket_b, as_a.search([]))
        with self.assertRaises(AccessError):
            self.ticket_b.with_user(self.desk_officer).read(["name"])
        manager = self.env["helpdesk.ticket"].with_user(self.desk_manager).search([])
        self.assertIn(self.ticket_a, manager)
        self.assertIn(self.ticket_b, manager)

    def test_plain_users_see_nothing(self):
        with self.assertRaises(AccessError):
            self.ticket_a.with_user(self.user_officer).read(["name"])
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].with_user(self.user_portal).create(
                {"name": "x", "description": "x"}
            )

    def test_categories_configured_by_managers(self):
        with self.assertRaises(AccessError):
            self.cat_admin.with_user(self.desk_officer).write({"health_target_days": 1})
        self.cat_admin.with_user(self.desk_manager).write({"health_target_days": 4})
        self.assertEqual(self.cat_admin.health_target_days, 4)

    def test_bad_input_officer(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.desk_officer)
        count = Ticket.search_count([])
        bad_values = [
            {"health_received_date": "31/12/2026"},
            {"health_territory_id": 999999999},
            {"health_territory_id": "abc"},
            {"health_requester_kind": "alien"},
            {"health_rpps": "1" * 10000},
            {"health_phone": "0" * 100},
            {"health_transfer_partner_id": 999999999},
        ]
        for values in bad_values:
            with self.subTest(values=list(values)), self.assertRaises(ValidationError):
                self._ticket(user=self.desk_officer, **values)
        self.assertEqual(Ticket.search_count([]), count)
        with self.assertRaises(ValidationError):
            self.ticket_a.with_user(self.desk_officer).write({"health_satisfaction": "10"})
        self.assertFalse(self.ticket_a.health_satisfaction)

    def test_bad_input_category(self):
        Category = self.env["helpdesk.ticket.category"].with_user(self.desk_manager)
        count = Category.search_count([])
        for values in (
            {"health_target_days": "abc"},
            {"health_target_days": -1},
            {"health_target_days": 1000},
            {"health_team_id": 999999999},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                Category.create(dict(values, name="Bad"))
        self.assertEqual(Category.search_count([]), count)
        with mute_logger("odoo.sql_db"):
            result = Category.load(["name", "health_target_days"], [["Imported", "five"]])
        self.assertFalse(result["ids"])
        self.assertEqual(Category.search_count([]), count)
