"""Codes of the health roles (``health.partner.role``, data of health_base).

The suite's addons name roles by these constants, never by literal strings.
"""

ROLE_GP = "gp"
ROLE_MSU = "msu"
ROLE_INTERN = "intern"
ROLE_STUDENT = "student"
ROLE_LOCUM = "locum"
ROLE_FOREIGN_DOCTOR = "foreign_doctor"

# Who can be a candidate of the recruitment programme; the keys are role
# codes, so that a candidacy's type and the candidate's role stay one thing.
CANDIDATE_TYPES = [
    (ROLE_STUDENT, "Medical student"),
    (ROLE_INTERN, "Intern"),
    (ROLE_LOCUM, "Locum"),
    (ROLE_GP, "GP looking to settle"),
    (ROLE_FOREIGN_DOCTOR, "Foreign-trained doctor"),
]
