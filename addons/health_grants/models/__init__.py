from . import health_grant_program
from . import health_grant_envelope
from . import health_grant
from . import health_grant_installment
from . import account_move
from . import account_move_line
from . import res_partner
from . import res_partner_bank
