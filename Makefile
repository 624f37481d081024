# The project's commands.  Each does its own set-up (virtualenv, Odoo,
# PostgreSQL) when needed and is safe to repeat.
.PHONY: run test bench lint i18n help

help:
	@echo "make run    create/upgrade the demo database and serve http://localhost:8069"
	@echo "make test   static checks + every suite addon's tests (pytest-odoo, browser tours)"
	@echo "make bench  benchmark scenarios against Odoo core baselines"
	@echo "make lint   the static checks alone"
	@echo "make i18n ADDON=x   refresh addons/x/i18n/fr.po from the code"

run:
	@bash tools/run.sh

test:
	@bash tools/test.sh

bench:
	@bash tools/bench.sh

lint:
	@bash tools/static_checks.sh

i18n:
	@bash tools/i18n.sh $(ADDON)
