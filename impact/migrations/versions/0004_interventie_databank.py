"""The databank an intervention's erkenning comes from, and only real erkenning levels.

Adds ``interventie.databank`` (Movisie, NJi or Loket Gezond Leven; empty for existing rows).
"Erkend" was accepted before but is no level of the erkenningstraject: the lowest level the
Erkenningscommissie Interventies awards is "goed onderbouwd" ("goed beschreven" is judged by
practitioners, not by the commissie), so an intervention that was "erkend" becomes "goed
onderbouwd", and its omschrijving says so, for the user to check against the databank.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OUD, NIEUW = "erkend", "goed onderbouwd"
NOTITIE = (
    "[Bij de database-upgrade is erkenning 'erkend' omgezet naar 'goed onderbouwd', het laagste niveau "
    "dat de Erkenningscommissie toekent; controleer het niveau in de databank.]"
)


def upgrade() -> None:
    with op.batch_alter_table("interventie") as batch:
        batch.add_column(sa.Column("databank", sa.String(50), nullable=True))
    interventie = sa.table(
        "interventie",
        sa.column("databank_erkenning", sa.String),
        sa.column("omschrijving", sa.Text),
    )
    met_notitie = sa.case(
        (interventie.c.omschrijving.is_(None), sa.literal(NOTITIE)),
        (interventie.c.omschrijving == "", sa.literal(NOTITIE)),
        else_=interventie.c.omschrijving + sa.literal(" " + NOTITIE),
    )
    op.execute(
        interventie.update()
        .where(interventie.c.databank_erkenning == OUD)
        .values(databank_erkenning=NIEUW, omschrijving=met_notitie)
    )


def downgrade() -> None:
    # the old level cannot be told apart from a real "goed onderbouwd": it stays
    with op.batch_alter_table("interventie") as batch:
        batch.drop_column("databank")
