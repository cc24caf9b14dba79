"""Classification systems as package data, and their matchers: SEI 2018 via the CNIPA SEI↔IPC concordance (2021).

May import: seip.records, seip.errors, stdlib, pyarrow.
"""
