"""Encryption at rest: the master key, per-interview data keys, sealed values (see vault.py)."""
