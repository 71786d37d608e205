"""resumes: one per interview, the file sealed on disk and the parsed profile sealed in the row

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-02 10:45:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resume",
        sa.Column("interview_id", sa.String(length=32), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=500), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("uploaded_by", sa.String(length=254), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_resume_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resume")),
    )
    with op.batch_alter_table("resume", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resume_interview_id"), ["interview_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("resume", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resume_interview_id"))
    op.drop_table("resume")
