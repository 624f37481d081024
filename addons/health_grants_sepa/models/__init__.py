from . import health_grant_installment
from . import account_move
from . import account_payment_order
