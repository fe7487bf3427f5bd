"""The shift lead's alarm panel (告警面板), its table model and the alarm notifier."""
