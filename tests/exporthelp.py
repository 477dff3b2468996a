"""Deterministic sessions for the plan and export tests: bundled scenarios played by a script."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from varselspel.engine import (
    ActionFields,
    AddAction,
    AddParticipant,
    AssignRole,
    ChooseOption,
    CloseRound,
    RateObjective,
    RecordLesson,
    ReleaseInject,
    Session,
    StartDebrief,
    StartRound,
    StartSession,
    WriteNote,
)
from varselspel.loader import load_bundle
from varselspel.model.common import Level
from varselspel.resources import bundled_scenarios_dir

EXPORT_DAY = date(2026, 3, 12)
"""The date every test plan carries, so golden files stay stable."""

PEOPLE = ("Anna Berg", "Bo Lind", "Cecilia Ek", "David Holm", "Elin Ström", "Fredrik Sjö")
RATINGS = ("without", "some", "major", "unable")


def fake_clock(start: datetime | None = None) -> Callable[[], datetime]:
    """Return a clock that ticks one minute per call from a fixed start."""
    moments: Iterator[datetime] = (
        (start or datetime(2026, 3, 12, 9, 0, tzinfo=UTC)) + timedelta(minutes=i)
        for i in range(10**6)
    )
    return lambda: next(moments)


def bundled_scenarios() -> list[Path]:
    """Return the bundled scenario files, sorted by name."""
    return sorted(bundled_scenarios_dir().glob("*.yaml"))


def load(path: Path):  # type: ignore[no-untyped-def]
    """Load a scenario bundle or fail the test with its diagnostics."""
    result = load_bundle(path)
    assert result.bundle is not None, [str(d) for d in result.diagnostics]
    return result.bundle


def play(
    path: Path,
    groups: tuple[str, ...] = ("Grupp Norr", "Grupp Syd"),
    *,
    own_actions: tuple[str, ...] = ("Öppna ett omställningskontor i centrum",),
    extra_text: str = "",
    store_path: Path | None = None,
) -> Session:
    """Play a scenario through: varied options, own actions, notes, debrief ratings and lessons."""
    bundle = load(path)
    scenario = bundle.scenario
    if store_path is not None:
        from varselspel.store import create_session

        session = create_session(bundle, list(groups), seed=7, path=store_path, clock=fake_clock())
    else:
        session = Session.create(bundle, list(groups), seed=7, clock=fake_clock())
        # A fixed id keeps the golden files stable.
        session.info = session.info.model_copy(update={"id": "0" * 32})
    state = session.state
    role_ids = [entry.role for entry in scenario.roles]
    for gi, gid in enumerate(state.groups):
        pids: list[str] = []
        for pi in range(3):
            result = session.execute(
                AddParticipant(
                    group=gid, name=PEOPLE[(gi + pi) % len(PEOPLE)] + extra_text, organisation=""
                )
            )
            assert result.ok, result.reason
            pids.append(result.event.command.participant)  # type: ignore[union-attr]
        for ri, role in enumerate(role_ids):
            holder = pids[ri % len(pids)] if ri < 2 * len(pids) else None
            assert session.execute(AssignRole(group=gid, role=role, participant=holder)).ok
        session.execute(WriteNote(group=gid, text=f"Mål: Ingen ska lämnas utan stöd{extra_text}"))
    assert session.execute(StartSession()).ok
    for _ in scenario.rounds:
        if not session.execute(StartRound()).ok:
            break
        rnd = session.current_round()
        # The facilitator releases the round's scheduled injects, as a workshop (and the
        # simulation) does; their effects carry the scenario's timeline.
        while any(session.pending_injects(gid) for gid in session.state.groups):
            assert session.execute(ReleaseInject()).ok
        for gi, gid in enumerate(session.state.groups):
            for di, view in enumerate(session.decisions_for(gid)):
                options = view.available
                if not options:
                    continue
                # Groups differ on the first decision of a round and agree on the others.
                option = options[(gi if di == 0 else 0) % len(options)]
                # Every other decision is agreed by the group's last role only, which may lack the
                # mandate: that exercises "needs anchoring with ...".
                agreed = [role_ids[-1]] if (gi + len(view.key)) % 2 else []
                session.execute(
                    ChooseOption(
                        group=gid,
                        decision=view.key,
                        option=option.id,
                        rationale=f"Motivering {gi + 1}{extra_text}",
                        agreed_roles=agreed,
                    ),
                    actor=gid,
                )
            if scenario.action_plan.own_actions and rnd is not None:
                for ai, title in enumerate(own_actions):
                    fields = ActionFields(
                        title=title if gi == 0 or ai else f"{title} ({rnd.id})",
                        result="Fler i arbete eller studier" + extra_text,
                        responsible=role_ids[0],
                        partners=role_ids[1:3],
                        level=list(Level)[(gi + ai) % 3],
                        timeframe="inom 2 veckor",
                        financing=scenario.cards.financing[0].id
                        if scenario.cards.financing
                        else None,
                        indicator=scenario.indicators[0].id if scenario.indicators else None,
                    )
                    result = session.execute(AddAction(group=gid, fields=fields), actor=gid)
                    assert result.ok, result.reason
                if rnd.id == scenario.rounds[0].id:
                    shared = ActionFields(
                        title="Gemensam jobbmässa" + extra_text,
                        level=Level.REGIONAL,
                        timeframe=f"vecka {gi + 2}",
                    )
                    assert session.execute(AddAction(group=gid, fields=shared), actor=gid).ok
        assert session.execute(CloseRound()).ok
    assert session.execute(StartDebrief()).ok
    for gi, gid in enumerate(session.state.groups):
        for oi, objective in enumerate(scenario.debrief.objectives):
            session.execute(
                RateObjective(
                    group=gid,
                    objective=objective.id,
                    rating=RATINGS[(gi + oi) % 4],
                    comment="Bra diskussion",
                )
            )
        session.execute(
            RecordLesson(group=gid, kind="strength", text="Tydlig ledning tidigt" + extra_text)
        )
        session.execute(
            RecordLesson(group=gid, kind="improvement", text="Involvera facket tidigare")
        )
    session.execute(RecordLesson(group=None, kind="improvement", text="Mer tid till egna åtgärder"))
    return session


def docx_dump(data: bytes) -> str:
    """Dump a .docx as text: page setup, language, footer fields, styled paragraphs and tables."""
    import io

    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    lines = [
        "pages: "
        + ", ".join(
            f"{round(s.page_width.mm)}x{round(s.page_height.mm)} mm" for s in document.sections
        ),
        "lang: "
        + ",".join(
            sorted(
                {
                    el.get(qn("w:val"))
                    for el in document.styles.element.iter(qn("w:lang"))
                    if el.get(qn("w:val"))
                }
            )
        ),
        "footer: "
        + " ".join(
            el.get(qn("w:instr")) or "" for el in section.footer._element.iter(qn("w:fldSimple"))
        ),
        f"title: {document.core_properties.title}",
    ]
    body = document.element.body
    tables = iter(document.tables)
    paragraphs = iter(document.paragraphs)
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            para = next(paragraphs)
            if any(br.get(qn("w:type")) == "page" for br in child.iter(qn("w:br"))):
                lines.append("--- page break ---")
            if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                lines.append("--- section break ---")
            if para.text:
                lines.append(f"[{para.style.name}] {para.text}")
        elif child.tag == qn("w:tbl"):
            table = next(tables)
            lines.append(f"<table style={table.style.name!r} rows={len(table.rows)}>")
            for row in table.rows:
                lines.append("  | " + " | ".join(cell.text for cell in row.cells) + " |")
            lines.append("</table>")
    return "\n".join(lines) + "\n"
