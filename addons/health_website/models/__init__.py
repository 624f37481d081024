from . import (
    health_territory,
    health_website_application,
    health_website_opportunity,
    health_website_opportunity_image,
    health_website_submission,
    res_users,
)
