"""Delivery of reports and events to EHR/ATS systems through a transactional outbox.

Imports no other project package: the dispatcher works against the `OutboxStore` protocol that the
server implements on its database, and connectors speak each HR system's documented contract.
"""
