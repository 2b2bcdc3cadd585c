"""``lbcheck serve``: a local web app for buyers (Starlette, served by uvicorn).

Optional: needs the ``web`` extra (``pip install 'lbcheck[web]'``).
"""
