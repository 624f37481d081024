"""Benchmark rows of health_events."""

import threading

from tests.bench.harness import Scenario, scenario

# The baseline's template: the invitation's body (same fields, same layout)
# rendered on Odoo's own registrations.
BASELINE_BODY = """
<div style="margin: 0; padding: 0; font-size: 14px;">
<p>Hello <t t-out="object.partner_id.name or ''">Dr Roux</t>,</p>
<p>We are pleased to invite you to the
<strong t-out="object.event_id.name or ''">evening</strong>, on
<t t-out="format_datetime(object.event_id.date_begin, tz=object.event_id.date_tz,
                          dt_format='long') or ''">date</t>
<t t-if="object.event_id.address_id">at
<t t-out="object.event_id.address_id.contact_address or ''">place</t></t>.</p>
<p>Will you come? Answer with one click:</p>
<p><a t-att-href="'%s/event/%s/accept' % (object.event_id.get_base_url(), object.id)">Yes</a>
<a t-att-href="'%s/event/%s/decline' % (object.event_id.get_base_url(), object.id)">No</a></p>
<p t-if="object.event_id.user_id.name">— <t t-out="object.event_id.user_id.name or ''">me</t></p>
</div>
"""


@scenario(
    "events: invite N interns (mail queue) and register them",
    module="health_events",
    baseline_label="register N attendees, each mailed a template",
    sizes=(100, 1000),
)
class InviteAndRegisterInterns(Scenario):
    """The suite: N invitations created, their template rendered and queued
    (mail.mail), then N registrations.  Odoo core doing the same work: N
    registrations of an event whose mail scheduler sends a template to each
    new attendee (Odoo runs it at registration: event.mail ``after_sub``,
    rendered in mass mode and queued), on the same partners."""

    def setup(self, env, n):
        Territory = env["health.territory"]
        dept = Territory.create(
            {"name": "Bench Département", "territory_type": "departement", "code": "2B"}
        )
        communes = Territory.create(
            [
                {
                    "name": f"Bench commune {i}",
                    "territory_type": "commune",
                    "code": f"2B{i:03d}",
                    "parent_id": dept.id,
                }
                for i in range(20)
            ]
        )
        Semester = env["health.internship.semester"]
        semester = Semester.search([("year", "=", 2035), ("season", "=", "november")])
        semester = semester or Semester.create({"year": 2035, "season": "november"})
        event = env["event.event"]._health_generate_welcome_evening(dept, semester=semester)
        event.seats_limited = False
        intern_role = env.ref("health_base.role_intern")
        partners = env["res.partner"].create(
            [
                {
                    "name": f"Bench intern {i}",
                    "email": f"bench.intern.{i}@example.com",
                    "health_role_ids": [(6, 0, intern_role.ids)],
                    "health_territory_id": communes[i % len(communes)].id,
                    "health_internship_semester_ids": [(6, 0, semester.ids)],
                }
                for i in range(n)
            ]
        )
        template = env["mail.template"].create(
            {
                "name": "Bench invitation",
                "model_id": env["ir.model"]._get_id("event.registration"),
                "subject": "Invitation: {{ object.event_id.name }}",
                "email_from": "{{ (object.event_id.organizer_id.email_formatted or "
                "object.event_id.company_id.email_formatted or user.email_formatted) }}",
                "partner_to": "{{ object.partner_id.id }}",
                "lang": "{{ object.partner_id.lang }}",
                "auto_delete": True,
                "body_html": BASELINE_BODY,
            }
        )
        plain_event = env["event.event"].create(
            {
                "name": "Bench plain event",
                "date_begin": event.date_begin,
                "date_end": event.date_end,
                "user_id": event.user_id.id,
                "event_mail_ids": [
                    (5, 0, 0),
                    (
                        0,
                        0,
                        {
                            "interval_type": "after_sub",
                            "interval_unit": "now",
                            "template_ref": f"mail.template,{template.id}",
                        },
                    ),
                ],
            }
        )
        return {"event": event.id, "plain_event": plain_event.id, "partners": partners.ids}

    def run(self, env, n, data):
        event = env["event.event"].browse(data["event"])
        event.action_health_invite()
        event.health_invitation_ids.action_register()

    def baseline(self, env, n, data):
        # Odoo's scheduler commits after each batch of mails outside of tests:
        # measured as in tests, so that the measure can be rolled back
        thread = threading.current_thread()
        testing = getattr(thread, "testing", False)
        thread.testing = True
        try:
            registrations = env["event.registration"].create(
                [{"event_id": data["plain_event"], "partner_id": pid} for pid in data["partners"]]
            )
        finally:
            thread.testing = testing
        # the scheduler ran at registration: every attendee has a queued mail
        sent = env["event.mail.registration"].search_count(
            [("registration_id", "in", registrations.ids), ("mail_sent", "=", True)]
        )
        assert sent == n, f"{sent} mails sent by the scheduler for {n} registrations"
