from . import health_event_indicator_report
