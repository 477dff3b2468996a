"""Generate a large but valid stress scenario (rounds, injects, decisions, options) as YAML text."""

from __future__ import annotations

import argparse
from pathlib import Path

ROLES = ("kso", "naringslivschef", "arbetsformedlingen", "facket", "kommundirektor")
INDICATORS = ("arbetslosa", "fortroende", "befolkning", "skatteintakter")
FLAGS = ("egf_sokt", "samverkan_startad", "media_kontaktad")


def _q(text: str) -> str:
    """Quote a string for YAML."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(
    rounds: int = 60, injects: int = 1500, decisions: int = 600, options_per: int = 5
) -> str:
    """Return the YAML text of a stress scenario of the given size."""
    out: list[str] = []
    add = out.append
    add("# Stresstest: ett stort, giltigt scenario för prestandamätning.")
    add("id: stresstest")
    add("title: Stresstest med många omgångar")
    add("kind: varsel")
    add("summary: Ett genererat scenario som bara finns för att mäta hur snabbt laddaren är.")
    add("language: sv")
    add("year: 2026")
    add("authors: [bench]")
    add(f"duration_minutes: {min(1440, rounds * 20 + 30)}")
    add("debrief_minutes: 20")
    add("setting:")
    add("  municipality: {name: Stressby kommun, population: 20000, employed: 9000}")
    add("  region: {name: Region Stress, population: 250000}")
    add("  company: {name: Stressbruket AB, employees: 800, affected: 400}")
    add("roles:")
    for role in ROLES:
        add(f"  - role: {role}")
        add(f"    briefing: Du är {role} och vet att bruket har varslat.")
    add("indicators:")
    for ind in INDICATORS:
        add(f"  - id: {ind}")
        add(f"    label: {ind.capitalize()}")
        add("    unit: personer")
        add("    start: 100")
        add("    min: 0")
        add("    max: 100000")
    add("flags:")
    for flag in FLAGS:
        add(f"  - id: {flag}")
        add(f"    description: Flaggan {flag}")
    inj_per = injects // rounds
    dec_per = decisions // rounds
    for_round = [(inj_per, dec_per)] * rounds
    add("rounds:")
    for r, (n_inj, n_dec) in enumerate(for_round, start=1):
        add(f"  - id: r{r}")
        add(f"    title: Omgång {r}")
        add(f"    game_time: Vecka {r}")
        add("    minutes: 15")
        add("    briefing: >-")
        add(f"      Läget i omgång {r}: fler varsel, oro i orten och frågor från medierna.")
        add("      Gruppen behöver enas om nästa steg.")
        add("    injects:")
        for i in range(1, n_inj + 1):
            ind = INDICATORS[i % len(INDICATORS)]
            add(f"      - id: r{r}-h{i}")
            add(f"        title: {_q(f'Händelse {i} i omgång {r}')}")
            add(f"        text: Lokaltidningen skriver om läget, nummer {i}.")
            add("        sender: lokaltidningen")
            add(f"        to: [{ROLES[i % len(ROLES)]}]")
            add(f"        condition: {ind} > {i}")
            add(f'        effects: ["{ind} += 1"]')
        add("    decisions:")
        for d in range(1, n_dec + 1):
            add(f"      - id: b{r}-{d}")
            add(f"        question: Vad gör gruppen åt fråga {d}?")
            add(f"        owners: [{ROLES[d % len(ROLES)]}]")
            add("        options:")
            for o in range(1, options_per + 1):
                ind = INDICATORS[o % len(INDICATORS)]
                flag = FLAGS[o % len(FLAGS)]
                add(f"          - id: a{o}")
                add(f"            label: Alternativ {o}")
                add(f"            explanation: Vad alternativ {o} innebär och kostar.")
                add(f"            effects: [{_q(f'{ind} -= {o}')}, {_q(f'{flag} = true')}]")
                if r > 1 and o <= len(FLAGS):
                    add(f'            condition: valt("r{r - 1}.b{r - 1}-{d}", "a{o}") or {flag}')
    return "\n".join(out) + "\n"


def main() -> None:
    """Write the stress scenario to a file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.write_text(generate(), encoding="utf-8")


if __name__ == "__main__":
    main()
