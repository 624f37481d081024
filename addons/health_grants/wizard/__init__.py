from . import health_grant_reclaim_wizard
from . import health_grant_report_wizard
from . import health_grant_certify_wizard
from . import account_payment_register
