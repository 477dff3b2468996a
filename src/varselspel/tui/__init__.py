"""The workshop app in Textual: launcher, setup, projector view, group play and debrief."""
