from . import health_grant_installment
from . import account_move
