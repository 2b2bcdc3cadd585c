"""What a process learns from the documents it checks, and how to forget it.

A worker remembers every tokenised chunk, every word form's lemma and every heading path's
place: later documents of an audit reuse the words and headings of earlier ones and skip
that work. :func:`forget` drops all of it, so that the next document is read at first sight
(the benchmark measures with it how much an audit gains from what it has seen).
"""

from __future__ import annotations


def forget() -> None:
    """Drop what earlier documents taught this process (the results stay the same)."""
    from lbcheck import nlp, nlp_chunks, nlp_lemmas
    from lbcheck.engine import places

    nlp_chunks.forget_chunks()
    nlp.lemma_key.cache_clear()
    nlp_lemmas.german_lemmas().forget()
    places.forget_places()
