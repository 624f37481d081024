from . import health_grant_xlsx
