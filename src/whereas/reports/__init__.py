"""Reports: how results are shown to people and to machines."""
