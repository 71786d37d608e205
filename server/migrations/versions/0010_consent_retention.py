"""consent texts per language and jurisdiction, consent scopes, legal holds, a hash-chained audit trail

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 09:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

from server.db.chain import GENESIS, detail_hash, row_hash

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consent_text",
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("jurisdiction", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=254), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_text")),
        sa.UniqueConstraint("language", "jurisdiction", "version", name=op.f("uq_consent_text_language")),
    )
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("jurisdiction", sa.String(length=40), nullable=True))
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.add_column(sa.Column("legal_hold", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("legal_hold_reason", sa.String(length=300), nullable=True))
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("jurisdiction", sa.String(length=40), nullable=True))
        batch_op.add_column(
            sa.Column("presence_checks", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True))

    # The audit trail: no foreign key (deleting an interview must not rewrite its audit rows), and the
    # chain's columns, filled in for the rows already there, oldest first.
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_constraint("fk_audit_event_interview_id_interview", type_="foreignkey")
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("detail_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("redacted", sa.Boolean(), nullable=False, server_default=sa.false()))
    audit = sa.table(
        "audit_event",
        sa.column("id", sa.String),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("actor", sa.String),
        sa.column("action", sa.String),
        sa.column("interview_id", sa.String),
        sa.column("detail", sa.JSON),
        sa.column("seq", sa.Integer),
        sa.column("detail_hash", sa.String),
        sa.column("prev_hash", sa.String),
        sa.column("hash", sa.String),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            audit.c.id,
            audit.c.created_at,
            audit.c.actor,
            audit.c.action,
            audit.c.interview_id,
            audit.c.detail,
        ).order_by(audit.c.created_at, audit.c.id)
    ).all()
    prev = GENESIS
    for seq, row in enumerate(rows, start=1):
        digest = detail_hash(row.detail or {})
        link = row_hash(prev, seq, row.created_at, row.actor, row.action, row.interview_id, digest)
        bind.execute(
            sa.update(audit)
            .where(audit.c.id == row.id)
            .values(seq=seq, detail_hash=digest, prev_hash=prev, hash=link)
        )
        prev = link
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("detail_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_audit_event_seq"), ["seq"])
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.bulk_insert(head, [{"id": 1, "seq": len(rows), "hash": prev}])


def downgrade() -> None:
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_audit_event_seq"), type_="unique")
        batch_op.drop_column("redacted")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("detail_hash")
        batch_op.drop_column("seq")
        batch_op.create_foreign_key(
            "fk_audit_event_interview_id_interview",
            "interview",
            ["interview_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_column("withdrawn_at")
        batch_op.drop_column("presence_checks")
        batch_op.drop_column("jurisdiction")
        batch_op.drop_column("language")
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.drop_column("legal_hold_reason")
        batch_op.drop_column("legal_hold")
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_column("jurisdiction")
    op.drop_table("consent_text")
