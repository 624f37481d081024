from . import health_convention_termination
