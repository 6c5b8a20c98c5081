"""The one form the public can post, the FAQ answer's "was this useful?": any field values, any
missing or extra fields, never a server error; invalid input stores nothing and says why,
valid input stores exactly one row holding what the reader sent and nothing they chose."""

from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from faq.models import COMMENT_MAX_LENGTH, AnswerFeedback

from .strategies import hostile_text

optional = st.one_of(st.none(), hostile_text)
comments = st.one_of(
    optional,
    st.text(max_size=50),
    st.integers(COMMENT_MAX_LENGTH - 2, COMMENT_MAX_LENGTH + 2).map(lambda length: "é" * length),
)
# Fields a reader cannot set, tried as if they could: the question, the day, the row's id.
extra_fields = st.dictionaries(st.sampled_from(["question", "question_id", "submitted_on", "id", "useful[]"]), hostile_text, max_size=3)


def expected_comment(comment):
    """What the form stores: trimmed, with the browser's CRLF line breaks as one character."""
    return (comment or "").strip().replace("\r\n", "\n")


answers = st.one_of(st.sampled_from(["yes", "no"]), optional, st.sampled_from(["YES", " yes", "sí", "1", "true"]))


@given(useful=answers, comment=comments, extra=extra_fields)
@example(useful="yes", comment="\x00", extra={})
@example(useful="no", comment="a" * 999 + "\r\n", extra={"question": "1", "submitted_on": "1999-01-01"})
@example(useful="yes", comment="🏛️" * COMMENT_MAX_LENGTH, extra={"id": "1"})
@example(useful="yes\x00", comment=None, extra={})
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_post_stores_one_whole_vote_or_nothing(client, question, useful, comment, extra):
    cache.clear()  # the rate limit counts every example's post otherwise
    data = {name: value for name, value in {**extra, "useful": useful, "comment": comment}.items() if value is not None}
    before = set(AnswerFeedback.objects.values_list("pk", flat=True))

    response = client.post(question.url + "feedback/", data)

    new = AnswerFeedback.objects.exclude(pk__in=before)
    valid = (
        useful in ("yes", "no")
        and "\x00" not in (comment or "")
        and len(expected_comment(comment)) <= COMMENT_MAX_LENGTH
    )
    event("stored" if valid else "refused")
    if valid:
        assert response.status_code == 303
        assert list(new.values_list("question_id", "useful", "comment", "submitted_on")) == [
            (question.pk, useful == "yes", expected_comment(comment), timezone.localdate())
        ]
    else:
        assert response.status_code == 400
        assert '<ul class="errorlist"' in response.content.decode()  # the reason, beside the field
        assert not new.exists()
