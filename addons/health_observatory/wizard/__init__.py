from . import health_observatory_import
