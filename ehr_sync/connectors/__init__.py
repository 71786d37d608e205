"""One module per HR system, each following that system's documented contract."""
