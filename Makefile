.PHONY: run test test-postgres elasticsearch-start elasticsearch-stop messages

run:            ## Install, migrate, load demo content and serve on http://127.0.0.1:8000
	scripts/run.sh

test:           ## The whole suite against real Elasticsearch (and PostgreSQL with WITH_POSTGRES=1)
	scripts/test.sh

test-postgres:  ## As CI runs it: PostgreSQL instead of SQLite
	WITH_POSTGRES=1 scripts/test.sh

elasticsearch-start:
	scripts/elasticsearch.sh start

elasticsearch-stop:
	scripts/elasticsearch.sh stop

messages:       ## Refresh the gettext catalogues after changing interface strings
	.venv/bin/python manage.py makemessages -l es -l en --ignore=.venv --no-obsolete
