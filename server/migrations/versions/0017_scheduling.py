"""interviewers' availability, booked slots, an invitation's scheduling mode

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 14:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "availability",
        sa.Column("interviewer_id", sa.String(length=32), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=True),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interviewer_id"],
            ["user_account.id"],
            name=op.f("fk_availability_interviewer_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_availability")),
    )
    op.create_index(op.f("ix_availability_interviewer_id"), "availability", ["interviewer_id"], unique=False)
    op.create_table(
        "slot_booking",
        sa.Column("interview_id", sa.String(length=32), nullable=False),
        sa.Column("availability_id", sa.String(length=32), nullable=False),
        sa.Column("interviewer_id", sa.String(length=32), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("candidate_timezone", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("reschedules", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["availability_id"],
            ["availability.id"],
            name=op.f("fk_slot_booking_availability_id_availability"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_slot_booking_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interviewer_id"],
            ["user_account.id"],
            name=op.f("fk_slot_booking_interviewer_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slot_booking")),
        sa.UniqueConstraint("interviewer_id", "starts_at", name=op.f("uq_slot_booking_interviewer_id")),
    )
    op.create_index(op.f("ix_slot_booking_interview_id"), "slot_booking", ["interview_id"], unique=True)
    op.create_index(
        op.f("ix_slot_booking_availability_id"), "slot_booking", ["availability_id"], unique=False
    )
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("scheduling", sa.String(length=10), nullable=False, server_default="deadline")
        )


def downgrade() -> None:
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_column("scheduling")
    op.drop_index(op.f("ix_slot_booking_availability_id"), table_name="slot_booking")
    op.drop_index(op.f("ix_slot_booking_interview_id"), table_name="slot_booking")
    op.drop_table("slot_booking")
    op.drop_index(op.f("ix_availability_interviewer_id"), table_name="availability")
    op.drop_table("availability")
