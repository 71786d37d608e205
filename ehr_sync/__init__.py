"""Delivery of final reports to EHR/ATS systems through an outbox (the EHR sync issue fills this in).

Imports no other project package.
"""
