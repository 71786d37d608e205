"""interview modules: timed items, coding tasks and their sandbox runs, module results, the survey

Revision ID: 0015
Revises: 0010
Create Date: 2026-12-02 11:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("spoken_english", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.add_column(sa.Column("limit_s", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("module", sa.JSON(), nullable=True))
    op.create_table(
        "code_run",
        sa.Column("interview_id", sa.String(length=32), nullable=False),
        sa.Column("question_index", sa.Integer(), nullable=False),
        sa.Column("t", sa.Float(), nullable=True),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("submitted", sa.Boolean(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_code_run_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_run")),
    )
    op.create_index(op.f("ix_code_run_interview_id"), "code_run", ["interview_id"], unique=False)
    op.create_table(
        "module_result",
        sa.Column("interview_id", sa.String(length=32), nullable=False),
        sa.Column("question_index", sa.Integer(), nullable=False),
        sa.Column("module", sa.String(length=20), nullable=False),
        sa.Column("t", sa.Float(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_module_result_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_module_result")),
    )
    op.create_index(op.f("ix_module_result_interview_id"), "module_result", ["interview_id"], unique=False)
    op.create_table(
        "survey_response",
        sa.Column("interview_id", sa.String(length=32), nullable=False),
        sa.Column("job_id", sa.String(length=32), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_survey_response_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["job.id"], name=op.f("fk_survey_response_job_id_job"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_response")),
    )
    op.create_index(op.f("ix_survey_response_interview_id"), "survey_response", ["interview_id"], unique=True)
    op.create_index(op.f("ix_survey_response_job_id"), "survey_response", ["job_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_survey_response_job_id"), table_name="survey_response")
    op.drop_index(op.f("ix_survey_response_interview_id"), table_name="survey_response")
    op.drop_table("survey_response")
    op.drop_index(op.f("ix_module_result_interview_id"), table_name="module_result")
    op.drop_table("module_result")
    op.drop_index(op.f("ix_code_run_interview_id"), table_name="code_run")
    op.drop_table("code_run")
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_column("module")
        batch_op.drop_column("limit_s")
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_column("spoken_english")
