"""post-hire outcomes, self-reported groups, versioned competency weights (analytics)

Revision ID: 0016
Revises: 0010
Create Date: 2026-12-02 11:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outcome",
        sa.Column("interview_id", sa.String(length=32), nullable=False),
        sa.Column("metric", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("imported_by", sa.String(length=254), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_outcome_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome")),
        sa.UniqueConstraint("interview_id", "metric", name=op.f("uq_outcome_interview_id")),
    )
    op.create_index(op.f("ix_outcome_interview_id"), "outcome", ["interview_id"], unique=False)
    op.create_table(
        "self_reported_group",
        sa.Column("candidate_id", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=80), nullable=False),
        sa.Column("consent_version", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_self_reported_group_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_reported_group")),
        sa.UniqueConstraint("candidate_id", "category", name=op.f("uq_self_reported_group_candidate_id")),
    )
    op.create_index(
        op.f("ix_self_reported_group_candidate_id"), "self_reported_group", ["candidate_id"], unique=False
    )
    op.create_table(
        "weight_version",
        sa.Column("job_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("accepted_by", sa.String(length=254), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["job.id"], name=op.f("fk_weight_version_job_id_job"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_weight_version")),
        sa.UniqueConstraint("job_id", "version", name=op.f("uq_weight_version_job_id")),
    )
    op.create_index(op.f("ix_weight_version_job_id"), "weight_version", ["job_id"], unique=False)
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scoring_weights", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.drop_column("scoring_weights")
    op.drop_index(op.f("ix_weight_version_job_id"), table_name="weight_version")
    op.drop_table("weight_version")
    op.drop_index(op.f("ix_self_reported_group_candidate_id"), table_name="self_reported_group")
    op.drop_table("self_reported_group")
    op.drop_index(op.f("ix_outcome_interview_id"), table_name="outcome")
    op.drop_table("outcome")
