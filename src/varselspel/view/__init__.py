"""View models: what a screen or a web page shows of a session, read-only, typed and language-free.

Every function takes a `Session` and returns small frozen dataclasses built from its state and
scenario. Words come from the scenario and role cards only (untrusted text, rendered literally);
everything a front end must word itself is a code (an enum or a command type) or a number. The
`live` module tells front ends when a session changed, in this process or another.
"""
