"""Use cases between the command line and the pure core: scan, validate, run examples, write.

``cli`` parses arguments and renders; everything it asks for happens here, so other tools can
call the same functions (see :func:`lbcheck.scan`).
"""
