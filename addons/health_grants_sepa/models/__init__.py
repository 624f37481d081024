from . import health_grant_installment
