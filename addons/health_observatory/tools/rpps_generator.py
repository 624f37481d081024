"""Generate a national-size "PS_LibreAcces_Personne_activite" file (synthetic).

The lines follow the real 56-column header of the Annuaire Santé extraction
shipped in ``data/samples/``; people, identifiers and sites are invented. About
one line in ten is a GP; the communes are spread over the départements given
(the first ones are the codes of the shipped Deux-Sèvres communes, so that a
benchmark filtered to département 79 finds its GPs).

    python -m odoo.addons.health_observatory.tools.rpps_generator OUT ROWS
"""

import random
import sys
from pathlib import Path

SAMPLE = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "samples"
    / "rpps_personne_activite_79_synthetic.txt"
)
PROFESSIONS = [("60", ""), ("21", ""), ("70", ""), ("40", ""), ("50", ""), ("10", "SM04")]
GP_SKILLS = ["SM53", "SM53", "SM54", "SM26"]
SECTORS = [("L", "SA07"), ("L", "SA08"), ("L", "SA52"), ("S", "SA05"), ("S", "SA01")]
DEPARTEMENTS = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B"]


def _header():
    with SAMPLE.open(encoding="utf-8") as sample:
        return sample.readline().rstrip("\n").split("|")


def _local_communes():
    with SAMPLE.open(encoding="utf-8") as sample:
        header = sample.readline().rstrip("\n").split("|")
        index = header.index("Code commune (coord. structure)")
        return sorted({line.split("|")[index] for line in sample if line.split("|")[index]})


def generate(path, rows, seed=79, local_share=0.005):
    """Write ``rows`` data lines to ``path``; ``local_share`` of them in the
    shipped communes of département 79, the rest elsewhere in France."""
    rng = random.Random(seed)
    header = _header()
    col = {name: i for i, name in enumerate(header)}
    local = _local_communes()
    width = len(header)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("|".join(header) + "\n")
        for n in range(rows):
            values = [""] * width
            key = f"9{n:010d}"
            if rng.random() < local_share:
                commune = rng.choice(local)
            else:
                dep = rng.choice(DEPARTEMENTS)
                if dep == "79":
                    dep = "80"
                commune = f"{dep}{rng.randrange(1, 900):03d}"
            if rng.random() < 0.12:
                profession, skill = "10", rng.choice(GP_SKILLS)
            else:
                profession, skill = rng.choice(PROFESSIONS)
            mode, sector = rng.choice(SECTORS)
            values[col["Type d'identifiant PP"]] = "8"
            values[col["Identifiant PP"]] = key
            values[col["Identification nationale PP"]] = "8" + key
            values[col["Nom d'exercice"]] = f"NOM{n % 9973}"
            values[col["Prénom d'exercice"]] = f"Prénom{n % 211}"
            values[col["Code profession"]] = profession
            values[col["Code savoir-faire"]] = skill
            values[col["Code mode exercice"]] = mode
            values[col["Raison sociale site"]] = f"CABINET {n % 50000}"
            values[col["Libellé Voie (coord. structure)"]] = "DU STADE"
            values[col["Code commune (coord. structure)"]] = commune
            values[col["Libellé commune (coord. structure)"]] = f"COMMUNE {commune}"
            values[col["Code secteur d'activité"]] = sector
            values[col["Code genre activité"]] = "GENR01"
            out.write("|".join(values) + "\n")
    return path


if __name__ == "__main__":
    generate(sys.argv[1], int(sys.argv[2]))
