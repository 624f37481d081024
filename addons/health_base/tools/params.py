"""Typed reading of system parameters (``ir.config_parameter``).

A missing or malformed value gives the default, and the result is kept
within the given bounds, so a typo in Settings > Technical never breaks a
scheduled job.
"""

import logging

_logger = logging.getLogger(__name__)

_TRUE = {"1", "true", "yes", "on", "y", "t"}
_FALSE = {"0", "false", "no", "off", "n", "f", ""}


def _raw(env, key):
    return env["ir.config_parameter"].sudo().get_param(key)


def _clamp(value, minimum, maximum):
    if minimum is not None and value < minimum:
        return minimum
    if maximum is not None and value > maximum:
        return maximum
    return value


def _typed(env, key, default, cast, minimum, maximum):
    raw = _raw(env, key)
    if raw in (None, False):
        return default
    try:
        value = cast(str(raw).strip())
    except ValueError:
        _logger.info("System parameter %s=%r is not a number: using %r", key, raw, default)
        return default
    return _clamp(value, minimum, maximum)


def get_int_param(env, key, default, minimum=None, maximum=None):
    """The integer value of system parameter ``key``."""
    return _typed(env, key, default, int, minimum, maximum)


def get_float_param(env, key, default, minimum=None, maximum=None):
    """The decimal value of system parameter ``key`` (``,`` or ``.``)."""
    return _typed(env, key, default, lambda text: float(text.replace(",", ".")), minimum, maximum)


def get_bool_param(env, key, default=False):
    """The yes/no value of system parameter ``key`` (1/0, true/false, yes/no, on/off)."""
    raw = _raw(env, key)
    if raw in (None, False):
        return default
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return default
