"""Rubrics and per-answer scoring (the scoring issue fills this in). Imports no other project package."""
