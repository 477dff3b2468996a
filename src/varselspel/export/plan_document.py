"""Lay out an action plan as document blocks, with headings and labels in the UI language."""

from __future__ import annotations

from varselspel.export.document import Document
from varselspel.export.numbers import fmt_change, fmt_list, fmt_number, fmt_share
from varselspel.export.strings import STRINGS
from varselspel.i18n import tr
from varselspel.model import phase_label
from varselspel.model.common import Level
from varselspel.plan.model import ActionPlan, LessonItem, PlanAction


def plan_title(plan: ActionPlan, lang: str) -> str:
    """Return the document title of a plan."""
    key = "plan.title.synthesis" if plan.kind == "synthesis" else "plan.title.group"
    title = tr(STRINGS, key, lang)
    if plan.kind == "group" and plan.title_page.groups:
        title = f"{title}: {plan.title_page.groups[0]}"
    return title


def financing_text(action: PlanAction, lang: str) -> str:
    """Describe an action's financing: card name and co-financing share."""
    fin = action.financing
    if fin is None:
        return tr(STRINGS, "financing.none", lang)
    full = fin.covers_share is None or fin.covers_share >= 1
    if full and not fin.cofinancing_share:
        return fin.name
    return tr(
        STRINGS,
        "financing.share",
        lang,
        name=fin.name,
        covers=fmt_share(fin.covers_share, lang),
        cofinancing=fmt_share(fin.cofinancing_share, lang),
    )


def origin_text(action: PlanAction, lang: str) -> str:
    """Say whether an action came from an option or the group's own text, and in which phase."""
    if action.origin == "own":
        text = tr(STRINGS, "origin.own", lang)
    else:
        text = tr(STRINGS, "origin.option", lang, option=action.source_option)
    return with_phase(text, action.phase, lang)


def with_phase(text: str, phase: str, lang: str) -> str:
    """Return the text followed by the phase's name in brackets, or the text alone."""
    if not phase:
        return text
    return tr(STRINGS, "in_phase", lang, text=text, phase=phase_label(phase, lang))


def action_columns(plan: ActionPlan, lang: str) -> list[str]:
    """Return the column headings of the action table."""
    keys = [
        "col.action",
        "col.result",
        "col.responsible",
        "col.partners",
        "col.timeframe",
        "col.financing",
        "col.indicator",
        "col.origin",
    ]
    if plan.kind == "synthesis":
        keys.append("col.groups")
    return [tr(STRINGS, key, lang) for key in keys]


# Relative column widths of the action table (Word); the text columns get the room.
ACTION_WIDTHS = (14, 12, 13, 12, 8, 12, 10, 12)
GROUPS_WIDTH = 8
DECISION_WIDTHS = (11, 19, 20, 15, 15, 14)
PHASE_WIDTHS = (18, 27, 55)


def short(plan: ActionPlan, titles: list[str] | str) -> str:
    """Return role titles as their short labels (e.g. `KSO`), joined; other names as written."""
    labels = plan.organisation.short_labels
    items = [titles] if isinstance(titles, str) else titles
    return ", ".join(labels.get(title, title) for title in items if title)


def _has_themes(plan: ActionPlan) -> bool:
    """True when any action of the plan belongs under a theme (the column is shown then)."""
    return any(action.theme for action in plan.actions)


def action_row(plan: ActionPlan, action: PlanAction, lang: str) -> tuple[str, ...]:
    """Return one action as a row of plain-text cells."""
    timeframe = action.timeframe
    responsible = short(plan, action.responsible)
    title = action.title
    for variant in action.variants:
        if variant.level is not None:
            level = tr(STRINGS, f"level.{variant.level.value}", lang).casefold()
            title += f" ({tr(STRINGS, 'variant.level', lang, group=variant.group, level=level)})"
        if variant.timeframe:
            timeframe += f"; {tr(STRINGS, 'variant.timeframe', lang, group=variant.group, timeframe=variant.timeframe)}"
        if variant.responsible:
            responsible += f"; {tr(STRINGS, 'variant.responsible', lang, group=variant.group, responsible=short(plan, variant.responsible))}"
    cells = [
        title,
        action.result,
        responsible,
        short(plan, action.partners),
        timeframe,
        financing_text(action, lang),
        action.indicator,
        origin_text(action, lang),
    ]
    if plan.kind == "synthesis":
        cells.append(", ".join(action.groups))
    return tuple(cells)


def summary_text(plan: ActionPlan, lang: str) -> list[str]:
    """Write the summary paragraphs from the plan's counts."""
    s = plan.summary
    params = {
        "groups": fmt_list(plan.title_page.groups, lang),
        "count": len(plan.title_page.groups),
        "rounds": s.rounds_played,
        "decisions": s.decisions_taken,
        "actions": s.actions_total,
        "lokal": s.actions_by_level.get("lokal", 0),
        "regional": s.actions_by_level.get("regional", 0),
        "nationell": s.actions_by_level.get("nationell", 0),
        "own": s.own_actions,
        "differences": s.differences,
    }
    key = "summary.synthesis" if plan.kind == "synthesis" else "summary.group"
    paragraphs = [tr(STRINGS, key, lang, **params)]
    if s.needs_anchoring:
        paragraphs.append(tr(STRINGS, "summary.anchoring", lang, count=s.needs_anchoring))
    return paragraphs


def plan_document(plan: ActionPlan, lang: str | None = None) -> Document:
    """Lay out the whole plan: title page, then one section per part of the plan."""
    lang = lang or plan.language
    t = plan.title_page
    doc = Document(title=plan_title(plan, lang), lang=lang, date=t.date)
    none = tr(STRINGS, "label.none", lang)

    # Title page
    doc.heading(0, doc.title)
    doc.paragraph(tr(STRINGS, "plan.subtitle", lang, scenario=t.scenario_title), "subtitle")
    facts = [
        (tr(STRINGS, "label.scenario", lang), t.scenario_title),
        (tr(STRINGS, "label.kind", lang), tr(STRINGS, f"kind.{t.scenario_kind}", lang)),
        (tr(STRINGS, "label.version", lang), t.scenario_version),
        (tr(STRINGS, "label.date", lang), t.date),
        (tr(STRINGS, "label.municipality", lang), t.municipality),
        (tr(STRINGS, "label.region", lang), t.region),
        (tr(STRINGS, "label.company", lang), t.company),
        (
            tr(STRINGS, "label.groups" if len(t.groups) > 1 else "label.group", lang),
            ", ".join(t.groups),
        ),
        (tr(STRINGS, "label.organisations", lang), ", ".join(t.organisations) or none),
    ]
    doc.table(None, facts, kind="facts")
    if t.participants:
        doc.heading(1, tr(STRINGS, "label.participants", lang))
        rows = [
            (p.name, p.group, ", ".join(p.roles) or none, ", ".join(p.organisations) or none)
            for p in t.participants
        ]
        doc.table(
            [
                tr(STRINGS, "label.participant", lang),
                tr(STRINGS, "label.group", lang),
                tr(STRINGS, "label.role", lang),
                tr(STRINGS, "label.organisation", lang),
            ],
            rows,
            kind="participants",
        )
    doc.paragraph(tr(STRINGS, "plan.fictional", lang), "note")
    doc.page_break()

    # Summary
    doc.heading(1, tr(STRINGS, "section.summary", lang))
    for text in summary_text(plan, lang):
        doc.paragraph(text)
    if plan.summary.key_choices:
        doc.paragraph(tr(STRINGS, "summary.key_choices", lang), "label")
        doc.bullets(plan.summary.key_choices)

    # The phases of Tillväxtverket's guides are the plan's spine: what came out of each one.
    if plan.phases:
        doc.heading(1, tr(STRINGS, "section.phases", lang))
        guides = list(dict.fromkeys(p.guide for p in plan.phases))
        names = [tr(STRINGS, f"phases.guide.{g}", lang) for g in guides]
        doc.paragraph(tr(STRINGS, "phases.intro", lang, guides=fmt_list(names, lang)))
        doc.table(
            [
                tr(STRINGS, "col.phase", lang),
                tr(STRINGS, "col.rounds", lang),
                tr(STRINGS, "col.phase_actions", lang),
            ],
            [
                (
                    tr(STRINGS, f"phase.numbered.{p.guide}", lang, number=p.number, label=p.label),
                    "; ".join(f"{r.game_time}: {r.title}" for r in p.rounds),
                    "; ".join(a.title for a in plan.actions_in(p.id)) or none,
                )
                for p in plan.phases
            ],
            kind="phases",
            widths=PHASE_WIDTHS,
        )

    # Lägesbild
    sit = plan.situation
    doc.heading(1, tr(STRINGS, "section.situation", lang))
    doc.heading(2, tr(STRINGS, "sub.setting", lang))
    doc.paragraph(sit.municipality_description)
    doc.paragraph(sit.region_description)
    company = sit.company + (f", {sit.company_sector}" if sit.company_sector else "")
    doc.paragraph(
        f"{company}. {sit.company_description}".strip() if sit.company_description else company
    )
    if sit.suppliers:
        doc.bullets(sit.suppliers)
    if sit.figures:
        doc.heading(2, tr(STRINGS, "sub.figures", lang))
        fig_header, fig_rows = _figure_table(plan, lang)
        doc.table(fig_header, fig_rows, kind="figures")
    if sit.model_notes:
        doc.paragraph(tr(STRINGS, "label.model_notes", lang), "label")
        doc.bullets(sit.model_notes)
    if sit.indicators:
        doc.heading(2, tr(STRINGS, "sub.indicators", lang))
        doc.table(
            [
                tr(STRINGS, "col.indicator_name", lang),
                tr(STRINGS, "label.group", lang),
                tr(STRINGS, "col.start", lang),
                tr(STRINGS, "col.end", lang),
                tr(STRINGS, "col.change", lang),
            ],
            [
                (
                    f"{i.label} ({i.unit})" if i.unit else i.label,
                    i.group,
                    fmt_number(i.start, lang),
                    fmt_number(i.end, lang),
                    fmt_change(i.start, i.end, lang),
                )
                for i in sit.indicators
            ],
            kind="indicators",
        )

    # Goals
    doc.heading(1, tr(STRINGS, "section.goals", lang))
    if plan.goals:
        doc.bullets(
            [
                f"{g.text} ({tr(STRINGS, 'goal.' + g.origin, lang)}"
                + (f": {', '.join(g.groups)})" if g.groups and plan.kind == "synthesis" else ")")
                for g in plan.goals
            ]
        )
    else:
        doc.paragraph(tr(STRINGS, "empty.section", lang), "note")

    # Organisation and mandate: a major section, so it starts a printed page
    org = plan.organisation
    doc.page_break()
    doc.heading(1, tr(STRINGS, "section.organisation", lang))
    doc.heading(2, tr(STRINGS, "sub.lead", lang))
    doc.table(
        None,
        [
            (tr(STRINGS, "label.lead", lang), fmt_list(org.lead, lang) or none),
            (tr(STRINGS, "label.steering", lang), fmt_list(org.steering_group, lang) or none),
        ],
        kind="facts",
    )
    if org.assignments:
        doc.heading(2, tr(STRINGS, "sub.assignments", lang))
        facilitator = tr(STRINGS, "label.facilitator_held", lang)
        doc.table(
            [
                tr(STRINGS, "label.role", lang),
                tr(STRINGS, "label.organisation", lang),
                tr(STRINGS, "label.persons", lang),
            ]
            + ([tr(STRINGS, "label.group", lang)] if plan.kind == "synthesis" else []),
            [
                (
                    _role_with_short(plan, a.role, a.organisation),
                    a.organisation,
                    ", ".join(a.persons) or facilitator,
                )
                + ((a.group,) if plan.kind == "synthesis" else ())
                for a in org.assignments
            ],
            kind="assignments",
        )
    if org.decisions:
        # The wide decision table starts the landscape pages that the action tables continue.
        doc.page_break(landscape=True)
        doc.heading(2, tr(STRINGS, "sub.decisions", lang))
        doc.table(
            [
                tr(STRINGS, "col.round", lang),
                tr(STRINGS, "col.decision", lang),
                tr(STRINGS, "col.choice", lang),
                tr(STRINGS, "col.rationale", lang),
                tr(STRINGS, "col.agreed", lang),
                tr(STRINGS, "col.mandate", lang),
            ]
            + ([tr(STRINGS, "label.group", lang)] if plan.kind == "synthesis" else []),
            [
                (
                    with_phase(f"{d.game_time}: {d.round_title}", d.phase, lang),
                    d.question,
                    d.option,
                    d.rationale,
                    short(plan, d.agreed_by),
                    _mandate_text(d.within_mandate, d.needs_anchoring_with, lang),
                )
                + ((d.group,) if plan.kind == "synthesis" else ())
                for d in org.decisions
            ],
            kind="decisions",
            widths=DECISION_WIDTHS + ((GROUPS_WIDTH,) if plan.kind == "synthesis" else ()),
        )
        anchoring = [d for d in org.decisions if not d.within_mandate]
        if anchoring:
            doc.heading(2, tr(STRINGS, "sub.anchoring", lang))
            doc.bullets(
                [
                    f"{d.question} – {d.option}: "
                    + _mandate_text(False, d.needs_anchoring_with, lang)
                    + (f" ({d.group})" if plan.kind == "synthesis" else "")
                    for d in anchoring
                ]
            )

    # Actions by level, on landscape pages in Word so the wide table stays readable
    doc.page_break(landscape=True if not org.decisions else None)
    doc.heading(1, tr(STRINGS, "section.actions", lang))
    columns = action_columns(plan, lang)
    widths = ACTION_WIDTHS + ((GROUPS_WIDTH,) if plan.kind == "synthesis" else ())
    for level in Level:
        doc.heading(2, tr(STRINGS, f"level.{level.value}", lang))
        actions = plan.actions_at(level)
        if not actions:
            doc.paragraph(tr(STRINGS, "empty.actions", lang), "note")
        # Themes are sub-headings rather than a column, which keeps the wide table readable.
        for theme, themed in _by_theme(plan, actions):
            if theme is not None:
                doc.heading(3, theme or tr(STRINGS, "theme.none", lang))
            action_rows = [action_row(plan, a, lang) for a in themed]
            doc.table(columns, action_rows, kind="actions", widths=widths)

    if plan.kind == "synthesis":
        doc.heading(1, tr(STRINGS, "section.differences", lang))
        if plan.differences:
            for diff in plan.differences:
                doc.heading(3, diff.question)
                doc.table(
                    [tr(STRINGS, "label.group", lang), tr(STRINGS, "col.choice", lang)],
                    [(c.group, c.option or tr(STRINGS, "choice.none", lang)) for c in diff.choices],
                    kind="differences",
                )
        else:
            doc.paragraph(tr(STRINGS, "empty.section", lang), "note")

    doc.page_break(landscape=False)
    for key, items in (
        ("section.communication", plan.communication),
        ("section.risks", plan.risks),
    ):
        doc.heading(1, tr(STRINGS, key, lang))
        if items:
            doc.bullets(items)
        else:
            doc.paragraph(tr(STRINGS, "empty.section", lang), "note")

    # Lessons
    lessons = plan.lessons
    doc.heading(1, tr(STRINGS, "section.lessons", lang))
    if lessons.ratings:
        doc.heading(2, tr(STRINGS, "sub.ratings", lang))
        doc.table(
            [
                tr(STRINGS, "col.objective", lang),
                tr(STRINGS, "col.score", lang),
                tr(STRINGS, "col.comment", lang),
            ]
            + ([tr(STRINGS, "label.group", lang)] if plan.kind == "synthesis" else []),
            [
                (
                    r.objective,
                    none if r.rating is None else tr(STRINGS, f"rating.{r.rating}", lang),
                    r.comment,
                )
                + ((r.group,) if plan.kind == "synthesis" else ())
                for r in lessons.ratings
            ],
            kind="ratings",
        )
    if lessons.strengths:
        doc.heading(2, tr(STRINGS, "sub.strengths", lang))
        doc.bullets([_lesson(item, plan) for item in lessons.strengths])
    if lessons.improvements:
        doc.heading(2, tr(STRINGS, "sub.improvements", lang))
        doc.bullets([_lesson(item, plan) for item in lessons.improvements])
    if not (lessons.ratings or lessons.strengths or lessons.improvements):
        doc.paragraph(tr(STRINGS, "empty.section", lang), "note")

    doc.heading(1, tr(STRINGS, "section.next_steps", lang))
    if plan.next_steps:
        doc.bullets(plan.next_steps)
    else:
        doc.paragraph(tr(STRINGS, "empty.section", lang), "note")

    doc.heading(1, tr(STRINGS, "section.sources", lang))
    if plan.sources:
        doc.bullets(
            [" – ".join(part for part in (s.title, s.url, s.note) if part) for s in plan.sources]
        )
    else:
        doc.paragraph(tr(STRINGS, "empty.section", lang), "note")
    return doc


def _by_theme(
    plan: ActionPlan, actions: list[PlanAction]
) -> list[tuple[str | None, list[PlanAction]]]:
    """Group actions by theme in order of first appearance; one untitled group without themes."""
    if not _has_themes(plan):
        return [(None, actions)] if actions else []
    groups: dict[str, list[PlanAction]] = {}
    for action in actions:
        groups.setdefault(action.theme, []).append(action)
    # Actions without a theme come last, under "Other actions".
    return sorted(groups.items(), key=lambda kv: kv[0] == "")


def _role_with_short(plan: ActionPlan, title: str, organisation: str) -> str:
    """Return a role title followed by its short label, so the short labels can be looked up."""
    label = plan.organisation.short_labels.get(title)
    if not label or label == organisation:
        return title  # the organisation column already shows it
    return f"{title} – {label}" if title.endswith(")") else f"{title} ({label})"


def _mandate_text(within: bool, roles: list[str], lang: str) -> str:
    """Describe a decision's mandate status."""
    if within:
        return tr(STRINGS, "mandate.ok", lang)
    if not roles:
        return tr(STRINGS, "mandate.anchor_unknown", lang)
    return tr(STRINGS, "mandate.anchor", lang, roles=fmt_list(roles, lang))


def _lesson(item: LessonItem, plan: ActionPlan) -> str:
    """Write a lesson, naming its group in a synthesis."""
    if plan.kind == "synthesis" and item.group:
        return f"{item.text} ({item.group})"
    return item.text


def _figure_table(plan: ActionPlan, lang: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """Lay out figures as one value column, or one column per group when groups differ."""
    figures = plan.situation.figures
    groups = list(dict.fromkeys(f.group for f in figures if f.group))
    header = [tr(STRINGS, "col.figure", lang)] + (groups or [tr(STRINGS, "col.value", lang)])
    rows: dict[str, list[str]] = {}
    for f in figures:
        text = f"{fmt_number(f.value, lang)} {f.unit}".strip()
        row = rows.setdefault(f.id, [f.label] + [""] * max(1, len(groups)))
        if f.group:
            row[1 + groups.index(f.group)] = text
        else:
            row[1:] = [text] * max(1, len(groups))
    return header, [tuple(row) for row in rows.values()]
