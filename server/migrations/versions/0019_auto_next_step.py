"""invite policy: draft the next step when the decision is saved (on unless HR turns it off)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 14:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("invite_policy", schema=None) as batch:
        batch.add_column(sa.Column("auto_next_step", sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("invite_policy", schema=None) as batch:
        batch.drop_column("auto_next_step")
