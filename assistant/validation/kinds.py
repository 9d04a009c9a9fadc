"""The kinds of form field a flow may declare; the loader checks flows against them without loading validators."""

FIELD_KINDS = frozenset({"text", "multiline", "select", "address", "tx_hash", "amount", "datetime", "email",
                         "version", "ticket", "url", "exchange_uid"})
