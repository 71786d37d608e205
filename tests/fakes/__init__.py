"""Scripted stand-ins for the models, so most tests load none (see speech.py)."""
