from . import health_desk_transfer
