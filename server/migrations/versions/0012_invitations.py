"""invitations, the candidate-message outbox, per-job invite policy, editable message templates

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-02 11:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def _id_and_created(table: str) -> list[sa.Column | sa.PrimaryKeyConstraint]:
    return [
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    op.create_table(
        "invite_policy",
        sa.Column("job_id", sa.String(length=32), nullable=False),
        sa.Column("window_hours", sa.Float(), nullable=False),
        sa.Column("reminder_hours", sa.JSON(), nullable=False),
        sa.Column("retakes", sa.Integer(), nullable=False),
        sa.Column("auto_reissue", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["job.id"], name=op.f("fk_invite_policy_job_id_job"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("job_id", name=op.f("pk_invite_policy")),
    )
    op.create_table(
        "invitation",
        sa.Column("interview_id", sa.String(length=32), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("deadline_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("slot_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("unsubscribed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("link_requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=254), nullable=False),
        *_id_and_created("invitation"),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_invitation_interview_id_interview"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(op.f("ix_invitation_interview_id"), "invitation", ["interview_id"])
    op.create_table(
        "candidate_message",
        sa.Column("interview_id", sa.String(length=32), nullable=True),
        sa.Column("invitation_id", sa.String(length=32), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("template", sa.String(length=60), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claim", sa.String(length=32), nullable=True),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_by", sa.String(length=254), nullable=True),
        *_id_and_created("candidate_message"),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_candidate_message_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["invitation_id"],
            ["invitation.id"],
            name=op.f("fk_candidate_message_invitation_id_invitation"),
            ondelete="CASCADE",
        ),
    )
    for column in ("interview_id", "invitation_id", "status", "due_at"):
        op.create_index(op.f(f"ix_candidate_message_{column}"), "candidate_message", [column])
    op.create_table(
        "message_template",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=254), nullable=False),
        *_id_and_created("message_template"),
        sa.UniqueConstraint("name", "language", name=op.f("uq_message_template_name")),
    )


def downgrade() -> None:
    op.drop_table("message_template")
    op.drop_table("candidate_message")
    op.drop_table("invitation")
    op.drop_table("invite_policy")
