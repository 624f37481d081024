from . import health_event_generate
