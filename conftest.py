"""pytest configuration shared by tests/ and notebooks/ (nbval)."""


def pytest_collectstart(collector):
    # nbval compares committed outputs; HTML (tables, highlighted articles) and stderr (warnings,
    # progress bars) change with library versions, so compare the text/plain forms only.
    if collector.fspath and str(collector.fspath).endswith(".ipynb"):
        collector.skip_compare += ("text/html", "application/javascript", "stderr")
