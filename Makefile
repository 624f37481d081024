# The project's commands.  Each does its own set-up (virtualenv, Odoo,
# PostgreSQL) when needed and is safe to repeat.
.PHONY: run test test-odoo test-dates bench lint i18n help

help:
	@echo "make run    create/upgrade the demo database and serve http://localhost:8069"
	@echo "make test   static checks + every suite addon's tests (pytest-odoo, browser tours)"
	@echo "make test-odoo   Odoo's own tests of crm, calendar, event, account with and without the suite"
	@echo "make test-dates  make test with the clock moved to 2026-12-15, 2027-06-01 and 2030-01-15"
	@echo "make bench  benchmark scenarios against Odoo core baselines"
	@echo "make lint   the static checks alone"
	@echo "make i18n ADDON=x   refresh addons/x/i18n/fr.po from the code"

run:
	@bash tools/run.sh

test:
	@bash tools/test.sh

test-odoo:
	@bash tools/test_odoo.sh

test-dates:
	@bash tools/test_dates.sh

bench:
	@bash tools/bench.sh

lint:
	@bash tools/static_checks.sh

i18n:
	@bash tools/i18n.sh $(ADDON)
