"""Hostile input shared by the fuzz tests: any Unicode text (NUL, emoji, right-to-left marks,
combining accents), text made of search-engine and CSV syntax, and very long text."""

from hypothesis import strategies as st

SYNTAX = st.sampled_from(
    ['"', "'", "(", ")", "[", "]", "{", "}", "\\", "/", "*", "?", "~", "^", ":", "!", "&&", "||", "AND", "OR",
     "NOT", "+", "-", "=", "<", ">", "%", "_", ";", ",", "\t", "\r\n", "\n", "\x00", "\ufeff", "\u202e", "🏛️"]
)  # fmt: skip
WORDS = st.sampled_from(["licitación", "licitacion", "transparencia", "ley", "artículo", "2025", "ñandú"])

hostile_text = st.one_of(
    st.text(),
    st.lists(st.one_of(SYNTAX, WORDS, st.text(max_size=5)), max_size=12).map(" ".join),
    st.lists(st.one_of(SYNTAX, WORDS), max_size=12).map("".join),
    st.builds(lambda piece, times: piece * times, st.text(min_size=1, max_size=3), st.integers(100, 3_000)),
)
