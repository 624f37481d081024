from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

RECRUITMENT_RECORDS = (
    "lost_reason_other_territory",
    "lost_reason_personal",
    "lost_reason_no_offer",
    "lost_reason_spouse_job",
    "lost_reason_salaried",
    "lost_reason_no_answer",
    "utm_source_congress",
    "utm_source_faculty_visit",
    "utm_source_website",
    "utm_source_word_of_mouth",
    "utm_source_head_hunter",
    "utm_source_job_board",
    "utm_source_intern_evening",
)


def migrate(cr, version):
    """Territory visits were created private: the head of service and the
    officers who read the candidacy saw "Busy" and no territory. They follow
    the organiser's default privacy now, like the new ones.

    The lost reasons and sources of the candidacies (data not updated) are
    marked as such: only they are offered on candidacies."""
    cr.execute(
        SQL(
            "UPDATE calendar_event SET privacy = NULL WHERE health_is_visit AND privacy = 'private'"
        )
    )
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in RECRUITMENT_RECORDS:
        record = env.ref(f"health_recruitment.{xmlid}", raise_if_not_found=False)
        if record:
            record.health_is_recruitment = True
