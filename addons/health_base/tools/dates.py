from odoo import fields


def reference_date(env_or_record):
    """The day the suite reasons about: the ``date`` key of the context when
    given (tests, scheduled jobs run for a given day), else today in the
    user's time zone."""
    env = getattr(env_or_record, "env", env_or_record)
    given = env.context.get("date")
    if given:
        return fields.Date.to_date(given)
    return fields.Date.context_today(env["res.users"].browse(env.uid))
