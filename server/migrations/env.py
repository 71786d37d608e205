"""Alembic environment: always runs on a connection handed over by server.db.migrate."""

from alembic import context

from server.db import models  # noqa: F401  (registers the tables)
from server.db.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `interview migrate`")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
