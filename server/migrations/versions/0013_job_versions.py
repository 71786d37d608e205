"""job versions (an edit makes a new version; interviews keep theirs) and anchored scales per competency

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-02 10:45:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0010"
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


def downgrade() -> None:
    with op.batch_alter_table("competency", schema=None) as batch_op:
        batch_op.drop_column("anchors")
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_family_id"))
        batch_op.drop_column("current")
        batch_op.drop_column("family_id")
        batch_op.drop_column("version")
