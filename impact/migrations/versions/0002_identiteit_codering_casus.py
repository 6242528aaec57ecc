"""Known client identities (for pseudonymisation), codebook and codings, Effectencalculator cases.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "client_identiteit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(30), nullable=False),
        sa.Column("waarde", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_client_identiteit"),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], ondelete="CASCADE", name="fk_client_identiteit_client_id_client"
        ),
    )
    op.create_index("ix_client_identiteit_client_id", "client_identiteit", ["client_id"])
    op.create_table(
        "code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("definitie", sa.Text(), nullable=True),
        sa.Column("voorbeeld", sa.Text(), nullable=True),
        sa.Column("kleur", sa.String(20), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_code"),
        sa.ForeignKeyConstraint(["parent_id"], ["code.id"], name="fk_code_parent_id_code"),
    )
    op.create_table(
        "codering",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("verhaal_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("eind", sa.Integer(), nullable=False),
        sa.Column("codeur", sa.String(100), nullable=True),
        sa.Column("datum", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_codering"),
        sa.ForeignKeyConstraint(
            ["verhaal_id"], ["verhaal.id"], ondelete="CASCADE", name="fk_codering_verhaal_id_verhaal"
        ),
        sa.ForeignKeyConstraint(["code_id"], ["code.id"], name="fk_codering_code_id_code"),
    )
    op.create_index("ix_codering_verhaal_id", "codering", ["verhaal_id"])
    op.create_table(
        "casus",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(300), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("interventie_id", sa.Integer(), nullable=True),
        sa.Column("inhoud", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_casus"),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name="fk_casus_client_id_client"),
        sa.ForeignKeyConstraint(
            ["interventie_id"], ["interventie.id"], name="fk_casus_interventie_id_interventie"
        ),
    )


def downgrade() -> None:
    for table in ("casus", "codering", "code", "client_identiteit"):
        op.drop_table(table)
