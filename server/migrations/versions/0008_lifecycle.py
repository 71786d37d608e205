"""connector URL secrets sealed apart from the URL

Robot URLs carry their credential in the query string (`?key=`, `?access_token=`); it is now stored
sealed in `url_query_sealed`, the URL column keeping only what may be shown. Rows written before this
revision are sealed by the server at its next start (sealing needs the server's secret key, which a
migration does not have).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("endpoint", schema=None) as batch_op:
        batch_op.add_column(sa.Column("url_query_sealed", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("endpoint", schema=None) as batch_op:
        batch_op.drop_column("url_query_sealed")
