"""The mails of the evenings write their date as people read it.

The templates are not updated by an upgrade (``noupdate``): the expression
that printed the date with its seconds and UTC offset is replaced by the
evening's date label in every language of their body, keeping the rest of
the text as the organisers may have customised it.
"""

import logging

_logger = logging.getLogger(__name__)

OLD = "format_datetime(object.event_id.date_begin, tz=object.event_id.date_tz, dt_format='long')"
NEW = "object.event_id._health_date_label()"
TEMPLATES = (
    "mail_template_invitation",
    "mail_template_reminder",
    "mail_template_waiting_list_confirmed",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE mail_template tmpl
           SET body_html = replace(tmpl.body_html::text, %s, %s)::jsonb
          FROM ir_model_data imd
         WHERE imd.module = 'health_events'
           AND imd.model = 'mail.template'
           AND imd.name IN %s
           AND imd.res_id = tmpl.id
           AND strpos(tmpl.body_html::text, %s) > 0
        """,
        (OLD, NEW, TEMPLATES, OLD),
    )
    _logger.info("%s mail template(s) of the evenings now write the date label", cr.rowcount)
