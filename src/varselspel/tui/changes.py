"""The one message that says the session changed; screens that show the session redraw from it."""

from __future__ import annotations

from textual.message import Message

from varselspel.view.live import SessionChange


class SessionChanged(Message, bubble=False):
    """The session gained events: a command sent here, or events another process appended.

    The app posts one to every screen on the stack; a screen redraws when it is visible and
    otherwise when it is shown again. A burst of changes is folded into the newest one.
    """

    def __init__(self, change: SessionChange) -> None:
        super().__init__()
        self.change = change
        """Which seq the session moved to, and whether the events came from elsewhere."""

    def can_replace(self, message: Message) -> bool:
        """A newer change supersedes this one: one redraw shows them all."""
        return isinstance(message, SessionChanged)
