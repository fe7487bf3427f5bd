"""The agent's seat: the widgets used while a call is on the line."""
