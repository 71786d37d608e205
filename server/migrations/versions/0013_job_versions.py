"""job versions (an edit makes a new version; interviews keep theirs), anchored scales per competency,
inbound webhook messages (candidates pushed by an HR system, answered once)

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-02 10:45:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("family_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("current", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.create_index(batch_op.f("ix_job_family_id"), ["family_id"], unique=False)
    with op.batch_alter_table("competency", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anchors", sa.JSON(), nullable=True))
    op.create_table(
        "inbound_message",
        sa.Column("endpoint_id", sa.String(length=32), nullable=False),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("response", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["endpoint_id"],
            ["endpoint.id"],
            name=op.f("fk_inbound_message_endpoint_id_endpoint"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_message")),
        sa.UniqueConstraint("endpoint_id", "message_id", name=op.f("uq_inbound_message_endpoint_id")),
    )
    with op.batch_alter_table("inbound_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbound_message_endpoint_id"), ["endpoint_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inbound_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbound_message_endpoint_id"))
    op.drop_table("inbound_message")
    with op.batch_alter_table("competency", schema=None) as batch_op:
        batch_op.drop_column("anchors")
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_family_id"))
        batch_op.drop_column("current")
        batch_op.drop_column("family_id")
        batch_op.drop_column("version")
