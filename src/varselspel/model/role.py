"""The role card: an actor a participant plays, with mandate and limits."""

from __future__ import annotations

from pydantic import Field

from varselspel.model.common import Identifier, StrictModel, empty_list


class MandateItem(StrictModel):
    """One thing a role may decide on its own."""

    id: Identifier
    """Mandate id that decisions in scenarios refer to, e.g. `sammankalla-lokal-samverkan`."""
    text: str = Field(min_length=1)
    """What the role may decide, in plain words."""
    basis: str = ""
    """The rule or document the mandate rests on, e.g. `kommunallagen 6 kap.`."""
    exclusive: bool = True
    """True when no other role in the library may hold the same mandate id."""


class Limit(StrictModel):
    """One thing a role may not do, and why."""

    text: str = Field(min_length=1)
    """What the role may not do."""
    rule: str = ""
    """The rule behind the limit, e.g. `kommunallagen 2 kap. 8 §`."""


class RoleCard(StrictModel):
    """An actor in a workshop: who they are, what they decide, what they may not do."""

    id: Identifier
    """Role id that scenarios refer to, e.g. `kso`."""
    title: str = Field(min_length=1)
    """The role's title as shown on the card, e.g. `Kommunstyrelsens ordförande`."""
    short: str = ""
    """A short label for narrow screens, e.g. `KSO`; the title is used when empty."""
    organisation: str = Field(min_length=1)
    """The organisation the role belongs to, e.g. `Kommunen`."""
    aliases: list[str] = Field(default_factory=empty_list)
    """Other names participants give for the role's organisation, e.g. `Af` or `Pappers`; the
    setup matches participants to roles by them."""
    kind: str = ""
    """The kind of actor: kommun, region, stat, företag, fack, omställning, finansiär, energi."""
    summary: str = ""
    """One or two sentences on who the role is."""
    mandate: list[MandateItem] = Field(default_factory=empty_list)
    """The decisions the role may take alone."""
    limits: list[Limit] = Field(default_factory=empty_list)
    """What the role may not do, each with the rule behind it."""
    resources: list[str] = Field(default_factory=empty_list)
    """What the role brings: money, staff, knowledge, contacts, premises."""
    interests: list[str] = Field(default_factory=empty_list)
    """What the role wants to achieve or protect."""
    contacts: list[str] = Field(default_factory=empty_list)
    """Typical contacts, preferably as role ids from the library."""
    sources: list[str] = Field(default_factory=empty_list)
    """Public sources the card rests on."""

    @property
    def label(self) -> str:
        """The short label, or the title when no short label is set."""
        return self.short or self.title
