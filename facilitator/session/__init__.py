"""A workshop session: what happened (model) and where it is kept (store)."""
