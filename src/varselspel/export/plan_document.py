"""Lay out an action plan as document blocks, with headings and labels in the UI language.

The layout is made to print compactly: no forced page breaks, tables whose cells hold several
labelled lines (an action's title, result and origin in one cell) instead of many narrow
columns, and in a synthesis one column per group instead of one row per group.
"""

from __future__ import annotations

from varselspel.export.document import Cell, Document, Line
from varselspel.export.numbers import fmt_change, fmt_list, fmt_money, fmt_number, fmt_share
from varselspel.export.strings import STRINGS
from varselspel.i18n import tr
from varselspel.model import phase_label
from varselspel.model.common import Level
from varselspel.plan.model import ActionPlan, BudgetLine, LessonItem, PlanAction

# Relative column widths; every column also grows to its longest word (export/layout.py).
ACTION_WIDTHS = (31, 19, 25, 25)
DECISION_WIDTHS = (38, 36, 26)
PHASE_WIDTHS = (20, 28, 52)
BUDGET_WIDTHS = (40, 12, 16, 16, 16)


def plan_title(plan: ActionPlan, lang: str) -> str:
    """Return the document title of a plan."""
    key = "plan.title.synthesis" if plan.kind == "synthesis" else "plan.title.group"
    title = tr(STRINGS, key, lang)
    if plan.kind == "group" and plan.title_page.groups:
        title = f"{title}: {plan.title_page.groups[0]}"
    return title


def financing_text(action: PlanAction, lang: str) -> str:
    """Describe an action's financing: the source, its share and, with an amount, the kronor."""
    fin = action.financing
    if fin is None:
        return tr(STRINGS, "financing.none", lang)
    share = action.financing_share
    if share is None or share >= 1:
        return fin.name
    if action.amount is None:
        return tr(STRINGS, "financing.share", lang, name=fin.name, share=fmt_share(share, lang))
    paid = round(action.amount * share)
    return tr(
        STRINGS,
        "financing.amounts",
        lang,
        name=fin.name,
        share=fmt_share(share, lang),
        paid=fmt_money(paid, lang),
        rest=fmt_money(action.amount - paid, lang),
    )


def period_text(start: str, end: str, lang: str) -> str:
    """Write an action's start and end: `vecka 3 – vecka 16`, `från …`, `senast …`."""
    if start and end:
        return start if start == end else f"{start} – {end}"
    if start:
        return tr(STRINGS, "period.from", lang, start=start)
    if end:
        return tr(STRINGS, "period.by", lang, end=end)
    return ""


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


def action_columns(lang: str) -> list[str]:
    """Return the column headings of the action table."""
    keys = ("col.action", "col.responsible", "col.time_money", "col.indicator")
    return [tr(STRINGS, key, lang) for key in keys]


def short(plan: ActionPlan, titles: list[str] | str) -> str:
    """Return role titles as their short labels (e.g. `KSO`), joined; other names as written."""
    labels = plan.organisation.short_labels
    items = [titles] if isinstance(titles, str) else titles
    return ", ".join(labels.get(title, title) for title in items if title)


def _has_themes(plan: ActionPlan) -> bool:
    """True when any action of the plan belongs under a theme (sub-headings are shown then)."""
    return any(action.theme for action in plan.actions)


def _label(key: str, lang: str) -> str:
    """Return the label of a line of a cell."""
    return tr(STRINGS, key, lang)


def action_row(plan: ActionPlan, action: PlanAction, lang: str) -> tuple[Cell, ...]:
    """Return one action as a row of the action table: what, who, when and money, follow-up."""
    title = action.title
    what = [Line(action.result, _label("col.result", lang), in_table=False)]
    who = [
        Line(action.responsible, _label("col.responsible", lang), in_table=False),
        Line(short(plan, action.partners), _label("col.partners", lang)),
        Line(action.follow_up_by, _label("col.follow_up_by", lang)),
    ]
    when = [
        Line(
            period_text(action.start, action.end, lang), _label("col.period", lang), in_table=False
        ),
        Line(action.timeframe, _label("col.timeframe", lang), in_table=False),
    ]
    for variant in action.variants:
        if variant.level is not None:
            level = tr(STRINGS, f"level.{variant.level.value}", lang).casefold()
            title += f" ({tr(STRINGS, 'variant.level', lang, group=variant.group, level=level)})"
        if variant.timeframe:
            when.append(Line(variant.timeframe, variant.group, "note"))
        if variant.responsible:
            who.append(Line(variant.responsible, variant.group, "note"))
    what.insert(0, Line(title, _label("col.action", lang), "strong", in_table=False))
    what.append(Line(origin_text(action, lang), _label("col.origin", lang), "note", in_table=False))
    if plan.kind == "synthesis":
        what.append(Line(", ".join(action.groups), _label("col.groups", lang), "note"))
    amount = fmt_money(action.amount, lang) if action.amount is not None else ""
    when += [
        Line(amount, _label("col.amount", lang)),
        Line(financing_text(action, lang), _label("col.financing", lang)),
    ]
    when += [Line(r.text, _label("label.remark", lang), "warning") for r in action.remarks]
    follow = [
        Line(
            action.follow_up or tr(STRINGS, "follow_up.none", lang),
            _label("col.indicator", lang),
            in_table=False,
        ),
        Line(action.baseline, _label("col.baseline", lang)),
        Line(action.target, _label("col.target", lang)),
    ]
    return (tuple(what), tuple(who), tuple(when), tuple(follow))


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
    """Lay out the whole plan: title block, then one section per part of the plan."""
    lang = lang or plan.language
    doc = Document(title=plan_title(plan, lang), lang=lang, date=plan.title_page.date)
    _title_block(doc, plan, lang)
    _summary(doc, plan, lang)
    _phases(doc, plan, lang)
    _situation(doc, plan, lang)
    _goals(doc, plan, lang)
    _organisation(doc, plan, lang)
    _actions(doc, plan, lang)
    _budget(doc, plan, lang)
    if plan.kind == "synthesis":
        _differences(doc, plan, lang)
    for key, items in (
        ("section.communication", plan.communication),
        ("section.risks", plan.risks),
    ):
        _list_section(doc, key, items, lang)
    _lessons(doc, plan, lang)
    _list_section(doc, "section.next_steps", plan.next_steps, lang)
    _list_section(
        doc,
        "section.sources",
        [" – ".join(part for part in (s.title, s.url, s.note) if part) for s in plan.sources],
        lang,
        small=True,
    )
    return doc


def _title_block(doc: Document, plan: ActionPlan, lang: str) -> None:
    """The title, the facts of the workshop and who took part."""
    t = plan.title_page
    none = tr(STRINGS, "label.none", lang)
    doc.heading(0, doc.title)
    doc.paragraph(tr(STRINGS, "plan.subtitle", lang, scenario=t.scenario_title), "subtitle")
    facts: list[tuple[str, str]] = [
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
    doc.table(None, facts, kind="facts", widths=(1, 3))
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
            widths=(18, 14, 40, 28),
        )
    doc.paragraph(tr(STRINGS, "plan.fictional", lang), "note")


def _summary(doc: Document, plan: ActionPlan, lang: str) -> None:
    """The counts in sentences and the key choices."""
    doc.heading(1, tr(STRINGS, "section.summary", lang))
    for text in summary_text(plan, lang):
        doc.paragraph(text)
    if plan.summary.key_choices:
        doc.paragraph(tr(STRINGS, "summary.key_choices", lang), "label")
        doc.bullets(plan.summary.key_choices)


def _phases(doc: Document, plan: ActionPlan, lang: str) -> None:
    """The phases of Tillväxtverket's guides are the plan's spine: what came out of each one."""
    if not plan.phases:
        return
    none = tr(STRINGS, "label.none", lang)
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


def _situation(doc: Document, plan: ActionPlan, lang: str) -> None:
    """The lägesbild: the setting, the consequence model's figures and the indicators."""
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
        if len(fig_header) == 2:
            # One value column: two figures side by side take half the height.
            fig_header, fig_rows = _side_by_side(fig_header, fig_rows)
            widths: tuple[float, ...] = (3, 1, 3, 1)
        else:
            widths = (3,) + (1,) * (len(fig_header) - 1)
        doc.table(fig_header, fig_rows, kind="figures", widths=widths)
    if sit.model_notes:
        doc.paragraph(tr(STRINGS, "label.model_notes", lang), "label")
        doc.bullets(sit.model_notes)
    if sit.indicators:
        doc.heading(2, tr(STRINGS, "sub.indicators", lang))
        header, rows = _indicator_table(plan, lang)
        doc.table(header, rows, kind="indicators", widths=(3,) + (1,) * (len(header) - 1))


def _indicator_table(plan: ActionPlan, lang: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """Lay out indicators: start, end and change; in a synthesis one column per group."""
    indicators = plan.situation.indicators
    name = tr(STRINGS, "col.indicator_name", lang)

    def label(unit: str, text: str) -> str:
        return f"{text} ({unit})" if unit else text

    if plan.kind != "synthesis":
        header = [
            name,
            tr(STRINGS, "col.start", lang),
            tr(STRINGS, "col.end", lang),
            tr(STRINGS, "col.change", lang),
        ]
        rows: list[tuple[str, ...]] = [
            (
                label(i.unit, i.label),
                fmt_number(i.start, lang),
                fmt_number(i.end, lang),
                fmt_change(i.start, i.end, lang),
            )
            for i in indicators
        ]
        return header, rows
    groups = list(dict.fromkeys(i.group for i in indicators))
    by_id: dict[str, list[tuple[str, float, float]]] = {}
    labels: dict[str, str] = {}
    for i in indicators:
        by_id.setdefault(i.id, []).append((i.group, i.start, i.end))
        labels[i.id] = label(i.unit, i.label)
    header = [name, tr(STRINGS, "col.start", lang)] + [
        tr(STRINGS, "col.end_of", lang, group=g) for g in groups
    ]
    rows = []
    for iid, values in by_id.items():
        starts = {start for _g, start, _e in values}
        same = len(starts) == 1
        cells = {
            g: (
                f"{fmt_number(end, lang)} ({fmt_change(start, end, lang)})"
                if same
                else f"{fmt_number(start, lang)} → {fmt_number(end, lang)}"
            )
            for g, start, end in values
        }
        start_text = fmt_number(next(iter(starts)), lang) if same else "–"
        rows.append((labels[iid], start_text, *(cells.get(g, "") for g in groups)))
    return header, rows


def _goals(doc: Document, plan: ActionPlan, lang: str) -> None:
    """The scenario's objectives and the groups' own goals."""
    doc.heading(1, tr(STRINGS, "section.goals", lang))
    if not plan.goals:
        doc.paragraph(tr(STRINGS, "empty.section", lang), "note")
        return
    doc.bullets(
        [
            f"{g.text} ({tr(STRINGS, 'goal.' + g.origin, lang)}"
            + (f": {', '.join(g.groups)})" if g.groups and plan.kind == "synthesis" else ")")
            for g in plan.goals
        ]
    )


def _organisation(doc: Document, plan: ActionPlan, lang: str) -> None:
    """Who leads, who plays which role, and every decision with its mandate."""
    org = plan.organisation
    none = tr(STRINGS, "label.none", lang)
    doc.heading(1, tr(STRINGS, "section.organisation", lang))
    doc.table(
        None,
        [
            (tr(STRINGS, "label.lead", lang), fmt_list(org.lead, lang) or none),
            (tr(STRINGS, "label.steering", lang), fmt_list(org.steering_group, lang) or none),
        ],
        kind="facts",
        widths=(1, 3),
    )
    if org.assignments:
        doc.heading(2, tr(STRINGS, "sub.assignments", lang))
        header, rows = _assignment_table(plan, lang)
        doc.table(header, rows, kind="assignments", widths=(4, 3) + (3,) * (len(header) - 2))
    if org.decisions:
        doc.heading(2, tr(STRINGS, "sub.decisions", lang))
        doc.table(
            [
                tr(STRINGS, "col.decision", lang),
                tr(STRINGS, "col.choice", lang),
                tr(STRINGS, "col.mandate", lang),
            ],
            _decision_rows(plan, lang),
            kind="decisions",
            widths=DECISION_WIDTHS,
        )


def _assignment_table(plan: ActionPlan, lang: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """Lay out role → person: one column of persons, or one per group in a synthesis."""
    facilitator = tr(STRINGS, "label.facilitator_held", lang)
    assignments = plan.organisation.assignments
    groups = list(dict.fromkeys(a.group for a in assignments))
    header = [tr(STRINGS, "label.role", lang), tr(STRINGS, "label.organisation", lang)]
    header += groups if plan.kind == "synthesis" else [tr(STRINGS, "label.persons", lang)]
    rows: dict[str, list[str]] = {}
    for a in assignments:
        columns = len(groups) if plan.kind == "synthesis" else 1
        row = rows.setdefault(
            a.role_id, [_role_with_short(plan, a.role, a.organisation), a.organisation]
        )
        row += [""] * (2 + columns - len(row))
        column = 2 + (groups.index(a.group) if plan.kind == "synthesis" else 0)
        row[column] = ", ".join(a.persons) or facilitator
    return header, [tuple(row) for row in rows.values()]


def _decision_rows(plan: ActionPlan, lang: str) -> list[tuple[Cell, ...]]:
    """One row per decision: the question and its round, each group's choice and its mandate.

    Who agreed is shown only for a choice that needs anchoring: within mandate it adds nothing.
    """
    rows: dict[str, tuple[list[Line], list[Line], list[Line]]] = {}
    synthesis = plan.kind == "synthesis"
    for d in plan.organisation.decisions:
        round_text = with_phase(f"{d.game_time}: {d.round_title}", d.phase, lang)
        entry = rows.setdefault(
            d.decision_key,
            (
                [
                    Line(d.question, _label("col.decision", lang), "strong", in_table=False),
                    Line(round_text, _label("col.round", lang), "note", in_table=False),
                ],
                [],
                [],
            ),
        )
        group = d.group if synthesis else ""
        entry[1].append(Line(d.option, group))
        entry[1].append(Line(d.rationale, _label("col.rationale", lang), "note"))
        mandate = _mandate_text(d.within_mandate, d.needs_anchoring_with, lang)
        entry[2].append(Line(mandate, group))
        if not d.within_mandate:
            entry[2].append(Line(short(plan, d.agreed_by), _label("col.agreed", lang), "note"))
    return [tuple(tuple(cell) for cell in entry) for entry in rows.values()]


def _actions(doc: Document, plan: ActionPlan, lang: str) -> None:
    """The actions by level, and within a level by theme."""
    doc.heading(1, tr(STRINGS, "section.actions", lang))
    columns = action_columns(lang)
    for level in Level:
        actions = plan.actions_at(level)
        doc.heading(2, tr(STRINGS, f"level.{level.value}", lang))
        if not actions:
            doc.paragraph(tr(STRINGS, "empty.actions", lang), "note")
        # Themes are sub-headings rather than a column, which keeps the table readable.
        for theme, themed in _by_theme(plan, actions):
            if theme is not None:
                doc.heading(3, theme or tr(STRINGS, "theme.none", lang))
            rows = [action_row(plan, a, lang) for a in themed]
            doc.table(columns, rows, kind="actions", widths=ACTION_WIDTHS)


def _budget(doc: Document, plan: ActionPlan, lang: str) -> None:
    """Resources and financing: what the actions cost, per financing source."""
    doc.heading(1, tr(STRINGS, "section.budget", lang))
    priced = [line for line in plan.budget if line.priced]
    if not priced:
        doc.paragraph(tr(STRINGS, "budget.none", lang), "note")
        return
    doc.paragraph(tr(STRINGS, "budget.intro", lang))
    rows = [_budget_row(line, lang) for line in plan.budget]
    total = sum(line.amount for line in plan.budget)
    financed = [line.financed for line in plan.budget if line.priced]
    known = all(value is not None for value in financed)
    paid = sum(value or 0 for value in financed)
    rows.append(
        (
            tr(STRINGS, "budget.total", lang),
            _count(sum(line.actions for line in plan.budget), sum(line.priced for line in priced)),
            fmt_money(total, lang),
            fmt_money(paid, lang) if known else "–",
            fmt_money(total - paid, lang) if known else "–",
        )
    )
    doc.table(
        [
            tr(STRINGS, "col.financing", lang),
            tr(STRINGS, "col.budget_actions", lang),
            tr(STRINGS, "col.amount", lang),
            tr(STRINGS, "col.budget_financed", lang),
            tr(STRINGS, "col.budget_rest", lang),
        ],
        rows,
        kind="budget",
        widths=BUDGET_WIDTHS,
    )


def _count(actions: int, priced: int) -> str:
    """Write how many actions a line has, and how many of them state an amount."""
    return str(actions) if priced == actions else f"{actions} ({priced})"


def _budget_row(line: BudgetLine, lang: str) -> tuple[str, ...]:
    """One source: its actions, what the priced ones cost, its part and the rest."""
    name = line.name or tr(STRINGS, "budget.no_financing", lang)
    if not line.priced:
        return (name, _count(line.actions, 0), "–", "–", "–")
    known = line.financed is not None
    return (
        name,
        _count(line.actions, line.priced),
        fmt_money(line.amount, lang),
        fmt_money(line.financed or 0, lang) if known else "–",
        fmt_money(line.amount - (line.financed or 0), lang) if known else "–",
    )


def _differences(doc: Document, plan: ActionPlan, lang: str) -> None:
    """Where the groups chose differently: one row per decision, one column per group."""
    doc.heading(1, tr(STRINGS, "section.differences", lang))
    if not plan.differences:
        doc.paragraph(tr(STRINGS, "empty.section", lang), "note")
        return
    groups = plan.title_page.groups
    rows = []
    for diff in plan.differences:
        chosen = {c.group: c.option or tr(STRINGS, "choice.none", lang) for c in diff.choices}
        rows.append((diff.question, *(chosen.get(g, "") for g in groups)))
    doc.table(
        [tr(STRINGS, "col.decision", lang), *groups],
        rows,
        kind="differences",
        widths=(2,) + (1,) * len(groups),
    )


def _lessons(doc: Document, plan: ActionPlan, lang: str) -> None:
    """The debrief: ratings against the objectives, strengths and improvements."""
    lessons = plan.lessons
    doc.heading(1, tr(STRINGS, "section.lessons", lang))
    if lessons.ratings:
        doc.heading(2, tr(STRINGS, "sub.ratings", lang))
        header, rows = _rating_table(plan, lang)
        doc.table(header, rows, kind="ratings", widths=(3,) + (1.5,) * (len(header) - 1))
    if lessons.strengths:
        doc.heading(2, tr(STRINGS, "sub.strengths", lang))
        doc.bullets([_lesson(item, plan) for item in lessons.strengths])
    if lessons.improvements:
        doc.heading(2, tr(STRINGS, "sub.improvements", lang))
        doc.bullets([_lesson(item, plan) for item in lessons.improvements])
    if not (lessons.ratings or lessons.strengths or lessons.improvements):
        doc.paragraph(tr(STRINGS, "empty.section", lang), "note")


def _rating_table(plan: ActionPlan, lang: str) -> tuple[list[str], list[tuple[Cell, ...]]]:
    """Lay out ratings: one row per objective, one column per group in a synthesis."""
    none = tr(STRINGS, "label.none", lang)
    ratings = plan.lessons.ratings
    if plan.kind == "synthesis":
        groups = list(dict.fromkeys(r.group for r in ratings))
        header = [tr(STRINGS, "col.objective", lang), *groups]
    else:
        groups = [ratings[0].group] if ratings else []
        header = [tr(STRINGS, "col.objective", lang), tr(STRINGS, "col.score", lang)]
    rows: dict[str, list[Cell]] = {}
    for r in ratings:
        blank: list[Cell] = [r.objective, *([""] * len(groups))]
        row = rows.setdefault(r.objective_id, blank)
        score = none if r.rating is None else tr(STRINGS, f"rating.{r.rating}", lang)
        row[1 + groups.index(r.group)] = (
            Line(score),
            Line(r.comment, _label("col.comment", lang), "note"),
        )
    return header, [tuple(row) for row in rows.values()]


def _list_section(
    doc: Document, key: str, items: list[str], lang: str, *, small: bool = False
) -> None:
    """A section that is a list, or says there is nothing to report."""
    doc.heading(1, tr(STRINGS, key, lang))
    if items:
        doc.bullets(items, small=small)
    else:
        doc.paragraph(tr(STRINGS, "empty.section", lang), "note")


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


def _side_by_side(
    header: list[str], rows: list[tuple[str, ...]]
) -> tuple[list[str], list[tuple[str, ...]]]:
    """Fold a two-column table into four: the first half of the rows left, the rest right."""
    half = (len(rows) + 1) // 2
    right = rows[half:] + [("", "")] * (2 * half - len(rows))
    return header * 2, [left + other for left, other in zip(rows[:half], right, strict=True)]


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
