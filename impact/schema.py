"""The database schema: the data model of DESIGN.md as SQLAlchemy 2 typed models.

Table and column names are the Dutch domain words users see in templates and DataFrames;
class names are English. Identifiers of people live only in ``client_identiteit`` and never
leave the database unpseudonymised.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Organisation(Base):
    __tablename__ = "organisatie"
    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(200), unique=True)


class Client(Base):
    __tablename__ = "client"
    id: Mapped[int] = mapped_column(primary_key=True)
    pseudoniem: Mapped[str] = mapped_column(String(64), unique=True)
    organisatie_id: Mapped[int | None] = mapped_column(ForeignKey("organisatie.id"))
    geboortejaar: Mapped[int | None] = mapped_column(Integer)
    gemeente: Mapped[str | None] = mapped_column(String(100), index=True)
    wijk: Mapped[str | None] = mapped_column(String(100))
    groep: Mapped[str | None] = mapped_column(String(50))
    cohort: Mapped[str | None] = mapped_column(String(50))


class ClientIdentity(Base):
    """A known identity of a client (name, relative, address, BSN...), for pseudonymisation only."""

    __tablename__ = "client_identiteit"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    soort: Mapped[str] = mapped_column(String(30))
    waarde: Mapped[str] = mapped_column(String(300))


class Intervention(Base):
    __tablename__ = "interventie"
    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(200), unique=True)
    databank_erkenning: Mapped[str | None] = mapped_column(String(50))  # a level of contract.ERKENNING
    databank: Mapped[str | None] = mapped_column(String(50))  # a key of contract.DATABANKEN
    doelgroep: Mapped[str | None] = mapped_column(String(300))
    omschrijving: Mapped[str | None] = mapped_column(Text)


class Trajectory(Base):
    __tablename__ = "traject"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    interventie_id: Mapped[int] = mapped_column(ForeignKey("interventie.id"), index=True)
    start: Mapped[dt.date] = mapped_column(Date)
    eind: Mapped[dt.date | None] = mapped_column(Date)
    uitstroomreden: Mapped[str | None] = mapped_column(String(200))


class InstrumentRow(Base):
    __tablename__ = "instrument"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    naam: Mapped[str] = mapped_column(String(200))
    versie: Mapped[str | None] = mapped_column(String(50))
    schaal_min: Mapped[float] = mapped_column(Float)
    schaal_max: Mapped[float] = mapped_column(Float)
    richting: Mapped[str] = mapped_column(String(20))
    betrouwbaarheid: Mapped[float | None] = mapped_column(Float)
    betrouwbaarheid_bron: Mapped[str | None] = mapped_column(Text)
    afkappunt: Mapped[float | None] = mapped_column(Float)
    bron: Mapped[str | None] = mapped_column(Text)
    niveaus: Mapped[dict | None] = mapped_column(JSON)


class DomainRow(Base):
    __tablename__ = "domein"
    __table_args__ = (UniqueConstraint("instrument_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_id: Mapped[int] = mapped_column(ForeignKey("instrument.id"))
    code: Mapped[str] = mapped_column(String(100))
    naam: Mapped[str] = mapped_column(String(200))
    volgorde: Mapped[int] = mapped_column(Integer)
    betrouwbaarheid: Mapped[float | None] = mapped_column(Float)
    afkappunt: Mapped[float | None] = mapped_column(Float)


class Measurement(Base):
    __tablename__ = "meting"
    __table_args__ = (UniqueConstraint("client_id", "domein_id", "datum", "bron"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    domein_id: Mapped[int] = mapped_column(ForeignKey("domein.id"))
    datum: Mapped[dt.date] = mapped_column(Date)
    score: Mapped[float] = mapped_column(Float)
    bron: Mapped[str] = mapped_column(String(50), default="professional")


class Event(Base):
    __tablename__ = "gebeurtenis"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    datum: Mapped[dt.date] = mapped_column(Date)
    soort: Mapped[str] = mapped_column(String(100))
    omschrijving: Mapped[str | None] = mapped_column(Text)


class Story(Base):
    __tablename__ = "verhaal"
    id: Mapped[int] = mapped_column(primary_key=True)
    titel: Mapped[str | None] = mapped_column(String(300))
    tekst: Mapped[str] = mapped_column(Text)
    soort: Mapped[str] = mapped_column(String(50))
    datum: Mapped[dt.date | None] = mapped_column(Date)
    auteur_rol: Mapped[str | None] = mapped_column(String(50))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    gemeente: Mapped[str | None] = mapped_column(String(100))
    wijk: Mapped[str | None] = mapped_column(String(100))
    interventie_id: Mapped[int | None] = mapped_column(ForeignKey("interventie.id"))
    toestemming: Mapped[str] = mapped_column(String(40), default="intern")
    # the published version, made once at ingest (``impact importeer verhalen``, ``impact demo``,
    # ``impact verhalen pseudonimiseer --db``): pseudonymised title and text, the rule set that
    # made them, and the replaced spans of ``tekst`` as [start, eind, nieuwe_lengte]
    titel_publicatie: Mapped[str | None] = mapped_column(String(300))
    tekst_publicatie: Mapped[str | None] = mapped_column(Text)
    regelset_publicatie: Mapped[str | None] = mapped_column(String(100))
    vervangingen_publicatie: Mapped[list | None] = mapped_column(JSON)


class Code(Base):
    __tablename__ = "code"
    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("code.id"))
    definitie: Mapped[str | None] = mapped_column(Text)
    voorbeeld: Mapped[str | None] = mapped_column(Text)
    kleur: Mapped[str | None] = mapped_column(String(20))


class Coding(Base):
    __tablename__ = "codering"
    id: Mapped[int] = mapped_column(primary_key=True)
    verhaal_id: Mapped[int] = mapped_column(ForeignKey("verhaal.id", ondelete="CASCADE"), index=True)
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id"))
    start: Mapped[int] = mapped_column(Integer)
    eind: Mapped[int] = mapped_column(Integer)
    codeur: Mapped[str | None] = mapped_column(String(100))
    datum: Mapped[dt.date | None] = mapped_column(Date)


class PriceItem(Base):
    __tablename__ = "prijslijst"
    __table_args__ = (UniqueConstraint("versie", "item"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    versie: Mapped[str] = mapped_column(String(100))
    item: Mapped[str] = mapped_column(String(300))
    omschrijving: Mapped[str | None] = mapped_column(Text)
    eenheid: Mapped[str] = mapped_column(String(50))
    prijs: Mapped[float] = mapped_column(Float)
    prijsjaar: Mapped[int] = mapped_column(Integer)
    financier: Mapped[str] = mapped_column(String(100))
    domein: Mapped[str | None] = mapped_column(String(100))
    bron: Mapped[str] = mapped_column(Text)
    betrouwbaarheid: Mapped[str | None] = mapped_column(String(10))


class Case(Base):
    """An Effectencalculator case; ``inhoud`` is the validated case document (both scenarios)."""

    __tablename__ = "casus"
    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"))
    interventie_id: Mapped[int | None] = mapped_column(ForeignKey("interventie.id"))
    inhoud: Mapped[dict] = mapped_column(JSON)
