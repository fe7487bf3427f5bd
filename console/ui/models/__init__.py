"""Table models over the database that page themselves (keyset ``fetchMore``), one per module."""
