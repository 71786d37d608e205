"""HR marks on AI answer scores (reasonable or not), and the candidate's steps before the call

Revision ID: 0018
Revises: 0016
Create Date: 2026-12-02 14:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "score_mark",
        sa.Column("answer_score_id", sa.String(length=32), nullable=False),
        sa.Column("interview_id", sa.String(length=32), nullable=False),
        sa.Column("reviewer", sa.String(length=254), nullable=False),
        sa.Column("reasonable", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_score_id"],
            ["answer_score.id"],
            name=op.f("fk_score_mark_answer_score_id_answer_score"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_score_mark_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_mark")),
        sa.UniqueConstraint("answer_score_id", "reviewer", name=op.f("uq_score_mark_answer_score_id")),
    )
    op.create_index(op.f("ix_score_mark_answer_score_id"), "score_mark", ["answer_score_id"], unique=False)
    op.create_index(op.f("ix_score_mark_interview_id"), "score_mark", ["interview_id"], unique=False)
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.add_column(sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("device_check_passed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("device_check_failed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.drop_column("device_check_failed_at")
        batch_op.drop_column("device_check_passed_at")
        batch_op.drop_column("opened_at")
    op.drop_index(op.f("ix_score_mark_interview_id"), table_name="score_mark")
    op.drop_index(op.f("ix_score_mark_answer_score_id"), table_name="score_mark")
    op.drop_table("score_mark")
