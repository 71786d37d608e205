"""encryption at rest: per-interview data keys wrapped by the master key

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 10:00:00

Only the key table: sealed values fit the columns they replace (Text stays Text; a JSON column holds
the sealed token as a JSON string), and rows written before this revision stay readable as they are.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_key",
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=False),
        sa.Column("master_key_id", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rewrapped_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_data_key")),
    )
    with op.batch_alter_table("data_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_data_key_master_key_id"), ["master_key_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("data_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_data_key_master_key_id"))
    op.drop_table("data_key")
