import hashlib
import hmac


def keyed_hash(env, value):
    """A keyed hash of ``value`` (e.g. a sender's network address), keyed by
    the database's secret: equal values give equal hashes, so requests can be
    counted per sender, but the value cannot be found back by hashing every
    candidate (as a plain hash of an IPv4 address would allow)."""
    secret = env["ir.config_parameter"].sudo().get_param("database.secret", "")
    return hmac.new(secret.encode(), (value or "").encode(), hashlib.sha256).hexdigest()
