"""Audit of many tenders: the batch run and its cross-document report."""
