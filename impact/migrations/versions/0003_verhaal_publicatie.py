"""The published version of each story, made once at ingest.

Pseudonymised title and text, the rule set that made them, and the replaced spans of the
original text (so a coded fragment can be cut from the published text). Existing stories get
empty columns: ``impact verhalen pseudonimiseer --db`` fills them.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = (
    ("titel_publicatie", sa.String(300)),
    ("tekst_publicatie", sa.Text()),
    ("regelset_publicatie", sa.String(100)),
    ("vervangingen_publicatie", sa.JSON()),
)


def upgrade() -> None:
    with op.batch_alter_table("verhaal") as batch:
        for name, type_ in COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("verhaal") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
