import io
from datetime import date

from odoo.addons.health_base.tests.common import HealthBaseCommon
from odoo.tests import new_test_user
from odoo.tools.misc import file_path

SAMPLES = "health_observatory/data/samples/"


def tour_commune_at_risk(env, **commune_values):
    """A commune whose only GP reaches the end-of-practice age within two
    years of the real today, for the browser tours (a tour cannot freeze the
    browser's clock): the tours open it as a commune at risk."""
    dept = env["health.territory"].create(
        {"name": "Tour Département", "territory_type": "departement", "code": "2B"}
    )
    commune = env["health.territory"].create(
        {
            "name": "Tourville",
            "territory_type": "commune",
            "code": "2B001",
            "parent_id": dept.id,
            "population": 1200,
            **commune_values,
        }
    )
    env["res.partner"].create(
        {
            "name": "Dr Tour Leaving",
            "health_role_ids": [(4, env.ref("health_base.role_gp").id)],
            "health_practising": True,
            "health_practice_commune_id": commune.id,
            "health_birth_year": date.today().year - 66,
        }
    )
    return dept, commune


def sample_bytes(name):
    with open(file_path(SAMPLES + name), "rb") as sample:
        return sample.read()


RPPS_HEADER = sample_bytes("rpps_personne_activite_79_synthetic.txt").split(b"\n", 1)[0].decode()
RPPS_COLUMNS = RPPS_HEADER.split("|")


def rpps_line(
    key,
    last,
    first,
    commune,
    skill="SM53",
    profession="10",
    mode="L",
    sector="SA07",
    genre="GENR01",
):
    """One line of a Personne_activite file, with the real header's columns."""
    values = dict.fromkeys(RPPS_COLUMNS, "")
    values.update(
        {
            "Type d'identifiant PP": "8",
            "Identifiant PP": key[1:],
            "Identification nationale PP": key,
            "Nom d'exercice": last,
            "Prénom d'exercice": first,
            "Code profession": profession,
            "Code savoir-faire": skill,
            "Code mode exercice": mode,
            "Code commune (coord. structure)": commune,
            "Code secteur d'activité": sector,
            "Code genre activité": genre,
        }
    )
    return "|".join(values[column] for column in RPPS_COLUMNS)


def rpps_file(*lines):
    return io.BytesIO(("\n".join([RPPS_HEADER, *lines]) + "\n").encode())


class ObservatoryCommon(HealthBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_observer = new_test_user(
            cls.env,
            login="obs_user",
            groups="base.group_user,health_observatory.group_observatory_user",
            name="Observatory User",
        )
        cls.user_obs_manager = new_test_user(
            cls.env,
            login="obs_manager",
            groups="base.group_user,health_observatory.group_observatory_manager",
            name="Observatory Manager",
        )
        cls.Import = cls.env["health.observatory.import"].with_user(cls.user_observer)
        cls.commune_a1.population = 4000
        cls.commune_a2.population = 1000
        cls.commune_b1.population = 20000

    def import_file(self, import_type, stream, filename="file.csv", date=None, user=None):
        wizard = self.env["health.observatory.import"].with_user(user or self.user_observer)
        return wizard._import_stream(import_type, stream, filename, date)

    def csv_file(self, text):
        return io.BytesIO(text.encode())
