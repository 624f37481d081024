import hashlib
import hmac
import re
import time
from datetime import date

from odoo import api, fields, models
from odoo.addons.health_base import tools
from odoo.tools import email_normalize

# the names of the form's inputs, shared by the templates and the parser
HONEYPOT_FIELD = "website_confirm"
PHONE_PATTERN = re.compile(r"^[0-9+(). -]{6,32}$")
MAX_LENGTHS = {"name": 128, "email": 128, "spouse_job": 128, "message": 5000}


class HealthWebsiteApplication(models.AbstractModel):
    """An application sent from the public site: its reading, checks and
    spam protection. Where it lands is a hook (``_health_submit``): the
    recruitment glue addon turns it into a candidacy of the pipeline."""

    _name = "health.website.application"
    _description = "Website Application"

    # the choices of the form (no table: the labels get their translations)
    candidate_type = fields.Selection(tools.CANDIDATE_TYPES, string="Candidate Type")

    # ------------------------------------------------------------ hooks
    @api.model
    def _health_accepts_applications(self):
        """Whether the site shows the application forms (an addon that
        records them says so)."""
        return False

    @api.model
    def _health_submit(self, values):
        """Record the checked ``values`` of an application; return the record."""
        return False

    # ------------------------------------------------------------ texts
    @api.model
    def _health_consent_text(self):
        return self.env._(
            "I agree that the health service of the territory keeps the data of this "
            "form to follow my installation project and contacts me about it. The data "
            "is kept for three years after the last contact; I can ask to read, correct "
            "or erase it at any time by writing to the service."
        )

    # ------------------------------------------------------------ spam protection
    @api.model
    def _health_form_token(self, timestamp=None):
        """A signed token holding the time the form was shown."""
        timestamp = int(timestamp if timestamp is not None else time.time())
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret", "")
        signature = hmac.new(secret.encode(), str(timestamp).encode(), hashlib.sha256)
        return f"{timestamp}.{signature.hexdigest()[:32]}"

    @api.model
    def _health_token_age(self, token, now=None):
        """Seconds since the form of ``token`` was shown, None if forged."""
        try:
            timestamp = int(str(token).split(".", 1)[0])
        except ValueError:
            return None
        if not hmac.compare_digest(self._health_form_token(timestamp), str(token)):
            return None
        return (now if now is not None else time.time()) - timestamp

    @api.model
    def _health_spam_error(self, params, address, now=None):
        """Why the form looks sent by a robot, or False.

        No external service: a field hidden to people (robots fill it), a
        signed time token (a person takes a few seconds, a replayed form is
        refused after a day) and a limit of forms per address and hour."""
        min_seconds = tools.get_int_param(self.env, "health_website.form_min_seconds", 3, minimum=0)
        hourly_limit = tools.get_int_param(
            self.env, "health_website.form_hourly_limit", 5, minimum=1
        )
        if params.get(HONEYPOT_FIELD):
            return self.env._("The form could not be sent. Please try again.")
        age = self._health_token_age(params.get("form_token", ""), now=now)
        if age is None or age > 86400:
            return self.env._("The form has expired. Reload the page and fill it in again.")
        if age < min_seconds:
            return self.env._(
                "The form was sent too quickly. Wait a few seconds and send it again."
            )
        Submission = self.env["health.website.submission"]
        if Submission._count_recent(address) >= hourly_limit:
            return self.env._(
                "Too many forms were sent from your connection in the last hour. "
                "Please try again later or write to the health service."
            )
        return False

    # ------------------------------------------------------------ reading
    @api.model
    def _health_ids(self, raw):
        """Positive ints of a list of raw values, None if one is not."""
        ids = []
        for value in raw or []:
            if not str(value).isdigit() or not int(value):
                return None
            ids.append(int(value))
        return ids

    @api.model
    def _health_parse(self, params):
        """Read the raw ``params`` of the form (strings, lists of strings).

        Return ``(values, errors)``: the checked values, and the messages per
        input; nothing is written here."""
        errors = {}
        get = lambda key: (params.get(key) or "").strip()  # noqa: E731
        values = {
            "name": get("name"),
            "email": get("email"),
            "phone": get("phone"),
            "spouse_job": get("spouse_job"),
            "message": get("message"),
            "housing": bool(params.get("housing")),
            "utm_campaign": get("utm_campaign")[:100],
            "utm_source": get("utm_source")[:100],
            "utm_medium": get("utm_medium")[:100],
            # the language of the page is the candidate's
            "lang": self.env.context.get("lang"),
        }
        for key, limit in MAX_LENGTHS.items():
            if len(values[key]) > limit:
                errors[key] = self.env._(
                    "This text is too long: %(limit)s characters at most.", limit=limit
                )
        if not values["name"]:
            errors["name"] = self.env._("Give your first and last name.")
        if not values["email"]:
            errors["email"] = self.env._("Give your e-mail address.")
        elif "email" not in errors and not email_normalize(values["email"]):
            errors["email"] = self.env._(
                "This e-mail address is not valid: write it as name@example.fr."
            )
        if values["phone"] and not PHONE_PATTERN.match(values["phone"]):
            errors["phone"] = self.env._(
                "This phone number is not valid: digits, spaces and + only."
            )
        self._health_parse_identity(params, values, errors)
        self._health_parse_choices(params, values, errors)
        self._health_parse_children(params, values, errors)
        if not params.get("consent"):
            errors["consent"] = self.env._(
                "Tick the box to agree that we keep your data: without it we cannot "
                "record your application."
            )
        else:
            values["consent_text"] = self._health_consent_text()
        return values, errors

    @api.model
    def _health_parse_identity(self, params, values, errors):
        Partner = self.env["res.partner"]
        rpps = (params.get("rpps") or "").strip()
        values["rpps"] = False
        if rpps:
            rpps = Partner._health_normalize_rpps(rpps)
            error = Partner._health_rpps_error(rpps)
            if error:
                errors["rpps"] = error
            else:
                values["rpps"] = rpps
        birthdate = (params.get("birthdate") or "").strip()
        values["birthdate"] = False
        if birthdate:
            try:
                day = date.fromisoformat(birthdate)
            except ValueError:
                day = None
            if not day or not date(1900, 1, 1) <= day < fields.Date.context_today(self):
                errors["birthdate"] = self.env._(
                    "This birth date is not valid: choose a date in the past."
                )
            else:
                values["birthdate"] = day

    @api.model
    def _health_parse_choices(self, params, values, errors):
        candidate_type = params.get("candidate_type")
        if candidate_type not in dict(tools.CANDIDATE_TYPES):
            errors["candidate_type"] = self.env._("Choose what describes you best.")
        values["candidate_type"] = candidate_type
        checks = {
            "semester_id": ("health.internship.semester", []),
            "opportunity_id": (
                "health.website.opportunity",
                self.env["health.website.opportunity"]._health_public_domain(),
            ),
        }
        for key, (model, domain) in checks.items():
            raw = params.get(key)
            ids = self._health_ids([raw] if raw else [])
            found = ids and self.env[model].sudo().search([*domain, ("id", "in", ids)])
            if ids is None or (ids and not found):
                errors[key] = self.env._("This choice is not available: choose another one.")
            values[key] = found.id if found else False
        multi = {
            "territory_ids": (
                "health.territory",
                [("territory_type", "in", ("epci", "commune"))],
            ),
            "measure_ids": ("health.toolbox.measure", []),
        }
        for key, (model, domain) in multi.items():
            ids = self._health_ids(params.get(key))
            found = self.env[model].sudo().search([*domain, ("id", "in", ids or [])])
            if ids is None or len(found) != len(set(ids)):
                errors[key] = self.env._("This choice is not available: choose another one.")
            values[key] = found.ids

    @api.model
    def _health_parse_children(self, params, values, errors):
        raw = (params.get("children_ages") or "").strip()
        values["children_ages"] = []
        if not raw:
            return
        parts = [part.strip() for part in re.split(r"[,;/ ]+", raw) if part.strip()]
        if len(parts) > 12 or not all(p.isdigit() and int(p) <= 30 for p in parts):
            errors["children_ages"] = self.env._(
                "Write the ages of the children in years, separated by commas (e.g. 3, 7)."
            )
            return
        values["children_ages"] = [int(p) for p in parts]

    # ------------------------------------------------------------ whole flow
    @api.model
    def _health_process(self, params, address, now=None):
        """Check and record an application sent from ``address``.

        Return ``(record, values, errors)``; nothing is written when there
        are errors (the spam check counts only the forms it lets through)."""
        spam = self._health_spam_error(params, address, now=now)
        if spam:
            return False, {}, {"form": spam}
        values, errors = self._health_parse(params)
        if errors:
            return False, values, errors
        record = self._health_submit(values)
        self.env["health.website.submission"]._record(address)
        return record, values, {}
