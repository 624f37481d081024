from datetime import timedelta

from odoo import fields
from odoo.addons.health_base import tools
from odoo.tests import HttpCase, new_test_user, tagged

# the answer page is a plain page without Odoo's web client: the intern's
# browser reads it, checks the date and posts the form as the button does
ANSWER_JS = """
(async () => {
    const date = document.querySelector(".o_health_event_date").textContent.trim();
    const text = document.body.textContent;
    if (!/ à 19 h 00$/.test(date) || /\\d:\\d\\d:\\d\\d|\\+0\\d00/.test(text)) {
        console.error(`the date of the evening is not written in French: ${date}`);
        return;
    }
    const form = document.querySelector("form");
    form.querySelector("#companions").value = "1";
    form.querySelector("#photo_consent").checked = true;
    const response = await fetch(window.location.href, {method: "POST", body: new FormData(form)});
    const page = await response.text();
    if (response.ok && page.includes("o_health_accepted")) {
        console.log("test successful");
    } else {
        console.error(`the answer was not recorded: ${response.status}`);
    }
})();
"""


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """The organiser's evening, on the machine's clock (the browser's cannot
    be frozen): the evening of the next semester is generated and invited
    to, the intern answers through the link of her mail, and an evening
    held tonight (built from the current time) is checked in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        Territory = cls.env["health.territory"]
        dept = Territory.create(
            {"name": "Tour Département", "territory_type": "departement", "code": "2B"}
        )
        cls.epci = Territory.create(
            {
                "name": "CC des Collines du Tour",
                "territory_type": "epci",
                "code": "200000099",
                "parent_id": dept.id,
            }
        )
        commune = Territory.create(
            {
                "name": "Saint-Tour-des-Monts",
                "territory_type": "commune",
                "code": "2B190",
                "parent_id": cls.epci.id,
            }
        )
        # the persona: welcome evenings user only, French, in her territory
        cls.organiser = new_test_user(
            cls.env,
            login="he_tour_organiser",
            groups="base.group_user,health_events.group_health_events_user",
            name="Léa Tour",
            email="lea.tour@example.com",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        cls.organiser.partner_id.health_territory_id = cls.epci
        Event = cls.env["event.event"]
        cls.semester = Event._health_next_semester()
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        current = cls.env["health.internship.semester"].get_for_date(
            fields.Date.context_today(cls.organiser), create=True
        )
        cls.intern = cls.env["res.partner"].create(
            {
                "name": "Tour Interne Zoé",
                "email": "zoe.tour@example.com",
                "lang": "fr_FR",
                "health_role_ids": [(6, 0, cls.env.ref("health_base.role_intern").ids)],
                "health_territory_id": commune.id,
                "health_internship_semester_ids": [(6, 0, (cls.semester | current).ids)],
            }
        )
        # tonight's evening: it starts now and she registered for it
        cls.tonight = Event.create(
            {
                "name": "Soirée de ce soir du tour",
                "event_type_id": cls.env.ref("health_events.event_type_welcome_evening").id,
                "date_begin": now,
                "date_end": now + timedelta(hours=3),
                "date_tz": "Europe/Paris",
                "health_territory_id": cls.epci.id,
                "health_semester_id": current.id,
                "user_id": cls.organiser.id,
            }
        )
        cls.env["health.event.invitation"].create(
            {
                "event_id": cls.tonight.id,
                "partner_id": cls.intern.id,
                "category": tools.ROLE_INTERN,
            }
        ).action_register()

    def test_organiser_evening_tour(self):
        self.start_tour("/odoo", "health_events_organiser_invite_tour", login="he_tour_organiser")
        event = self.env["event.event"].search(
            [
                ("health_territory_id", "=", self.epci.id),
                ("health_semester_id", "=", self.semester.id),
            ]
        )
        self.assertEqual(event.user_id, self.organiser)
        invitation = event.health_invitation_ids
        self.assertEqual((invitation.partner_id, invitation.state), (self.intern, "invited"))

        # the intern answers from the link of her mail, without an account
        url = invitation._health_answer_url("accept")
        self.browser_js(
            url.removeprefix(event.get_base_url()),
            ANSWER_JS,
            ready="document.readyState === 'complete'",
        )
        self.assertEqual(invitation.state, "registered")
        self.assertEqual(invitation.registration_id.health_companion_count, 1)

        self.start_tour("/odoo", "health_events_checkin_tonight_tour", login="he_tour_organiser")
        registration = self.tonight.registration_ids
        self.assertEqual(registration.state, "done")
        self.assertTrue(registration.health_kit_received)
        self.assertEqual(invitation.registration_id.state, "open")
