PY ?= python

.PHONY: test eval eval-pin lint

test:
	$(PY) -m pytest -q

eval:
	$(PY) eval/run_eval.py --check

eval-pin:
	$(PY) eval/run_eval.py --pin

lint:
	$(PY) -m ruff check src tests benchmarks eval
