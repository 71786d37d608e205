"""Persistence: engine, ORM models (one aggregate per file) and repositories."""
