"""Core tables: organisations, clients, interventions, trajecten, instruments, metingen,
gebeurtenissen, verhalen and the price list.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisatie",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_organisatie"),
        sa.UniqueConstraint("naam", name="uq_organisatie_naam"),
    )
    op.create_table(
        "client",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pseudoniem", sa.String(64), nullable=False),
        sa.Column("organisatie_id", sa.Integer(), nullable=True),
        sa.Column("geboortejaar", sa.Integer(), nullable=True),
        sa.Column("gemeente", sa.String(100), nullable=True),
        sa.Column("wijk", sa.String(100), nullable=True),
        sa.Column("groep", sa.String(50), nullable=True),
        sa.Column("cohort", sa.String(50), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_client"),
        sa.UniqueConstraint("pseudoniem", name="uq_client_pseudoniem"),
        sa.ForeignKeyConstraint(
            ["organisatie_id"], ["organisatie.id"], name="fk_client_organisatie_id_organisatie"
        ),
    )
    op.create_index("ix_client_gemeente", "client", ["gemeente"])
    op.create_table(
        "interventie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("databank_erkenning", sa.String(50), nullable=True),
        sa.Column("doelgroep", sa.String(300), nullable=True),
        sa.Column("omschrijving", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_interventie"),
        sa.UniqueConstraint("naam", name="uq_interventie_naam"),
    )
    op.create_table(
        "traject",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("interventie_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("eind", sa.Date(), nullable=True),
        sa.Column("uitstroomreden", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_traject"),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name="fk_traject_client_id_client"),
        sa.ForeignKeyConstraint(
            ["interventie_id"], ["interventie.id"], name="fk_traject_interventie_id_interventie"
        ),
    )
    op.create_index("ix_traject_client_id", "traject", ["client_id"])
    op.create_index("ix_traject_interventie_id", "traject", ["interventie_id"])
    op.create_table(
        "instrument",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(50), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("versie", sa.String(50), nullable=True),
        sa.Column("schaal_min", sa.Float(), nullable=False),
        sa.Column("schaal_max", sa.Float(), nullable=False),
        sa.Column("richting", sa.String(20), nullable=False),
        sa.Column("betrouwbaarheid", sa.Float(), nullable=True),
        sa.Column("betrouwbaarheid_bron", sa.Text(), nullable=True),
        sa.Column("afkappunt", sa.Float(), nullable=True),
        sa.Column("bron", sa.Text(), nullable=True),
        sa.Column("niveaus", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_instrument"),
        sa.UniqueConstraint("code", name="uq_instrument_code"),
    )
    op.create_table(
        "domein",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(100), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("volgorde", sa.Integer(), nullable=False),
        sa.Column("betrouwbaarheid", sa.Float(), nullable=True),
        sa.Column("afkappunt", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_domein"),
        sa.UniqueConstraint("instrument_id", "code", name="uq_domein_instrument_id"),
        sa.ForeignKeyConstraint(
            ["instrument_id"], ["instrument.id"], name="fk_domein_instrument_id_instrument"
        ),
    )
    op.create_table(
        "meting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("domein_id", sa.Integer(), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("bron", sa.String(50), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_meting"),
        sa.UniqueConstraint("client_id", "domein_id", "datum", "bron", name="uq_meting_client_id"),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name="fk_meting_client_id_client"),
        sa.ForeignKeyConstraint(["domein_id"], ["domein.id"], name="fk_meting_domein_id_domein"),
    )
    op.create_table(
        "gebeurtenis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("soort", sa.String(100), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_gebeurtenis"),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name="fk_gebeurtenis_client_id_client"),
    )
    op.create_index("ix_gebeurtenis_client_id", "gebeurtenis", ["client_id"])
    op.create_table(
        "verhaal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("titel", sa.String(300), nullable=True),
        sa.Column("tekst", sa.Text(), nullable=False),
        sa.Column("soort", sa.String(50), nullable=False),
        sa.Column("datum", sa.Date(), nullable=True),
        sa.Column("auteur_rol", sa.String(50), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("gemeente", sa.String(100), nullable=True),
        sa.Column("wijk", sa.String(100), nullable=True),
        sa.Column("interventie_id", sa.Integer(), nullable=True),
        sa.Column("toestemming", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_verhaal"),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name="fk_verhaal_client_id_client"),
        sa.ForeignKeyConstraint(
            ["interventie_id"], ["interventie.id"], name="fk_verhaal_interventie_id_interventie"
        ),
    )
    op.create_index("ix_verhaal_client_id", "verhaal", ["client_id"])
    op.create_table(
        "prijslijst",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("versie", sa.String(100), nullable=False),
        sa.Column("item", sa.String(300), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=True),
        sa.Column("eenheid", sa.String(50), nullable=False),
        sa.Column("prijs", sa.Float(), nullable=False),
        sa.Column("prijsjaar", sa.Integer(), nullable=False),
        sa.Column("financier", sa.String(100), nullable=False),
        sa.Column("domein", sa.String(100), nullable=True),
        sa.Column("bron", sa.Text(), nullable=False),
        sa.Column("betrouwbaarheid", sa.String(10), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_prijslijst"),
        sa.UniqueConstraint("versie", "item", name="uq_prijslijst_versie"),
    )


def downgrade() -> None:
    for table in (
        "prijslijst",
        "verhaal",
        "gebeurtenis",
        "meting",
        "domein",
        "instrument",
        "traject",
        "interventie",
        "client",
        "organisatie",
    ):
        op.drop_table(table)
