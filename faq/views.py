"""What the FAQ pages show, the schema.org FAQPage data search engines read, and readers' votes.

The index and category pages list their questions in a fixed number of queries however many
there are; the answers in the JSON-LD are plain text taken from the stored rich text, so no
link in them is looked up.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django_ratelimit.core import get_usage
from django_ratelimit.decorators import ratelimit
from wagtail.rich_text import get_text_for_indexing

from portal.ratelimits import client_address

from .forms import AnswerFeedbackForm
from .models import FAQCategoryPage, QuestionPage


def parent_path(page):
    return page.path[: -page.steplen]


def live_questions(ancestor):
    """The published questions under `ancestor`, in tree order, in one query."""
    return QuestionPage.objects.descendant_of(ancestor).live().public().defer_streamfields().order_by("path")


def faq_page_data(request, page, questions):
    """schema.org FAQPage for `page` holding `questions`, each answer as plain text."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": get_language(),
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.title,
                "url": question.get_full_url(request),
                "acceptedAnswer": {"@type": "Answer", "text": get_text_for_indexing(question.answer)},
            }
            for question in questions
        ],
    }


def index_context(request, page):
    """Each published category in tree order with its published questions (a draft category's are left out)."""
    categories = [
        {"page": category, "questions": []}
        for category in FAQCategoryPage.objects.child_of(page).live().public().order_by("path")
    ]
    by_path = {row["page"].path: row["questions"] for row in categories}
    for question in live_questions(page):
        by_path.get(parent_path(question), []).append(question)
    shown = [question for row in categories for question in row["questions"]]
    return {"categories": categories, "faq_json_ld": faq_page_data(request, page, shown)}


def category_context(request, page):
    questions = list(live_questions(page))
    return {
        "questions": questions,
        "faq_json_ld": faq_page_data(request, page, questions),
    }


def live_localized(page):
    """A chosen page in the reader's language (or as chosen, if not translated), or None if it is not
    published or not public (a private page's title is not shown to readers)."""
    if page is None:
        return None
    page = page.localized
    return page if page.live and not page.get_view_restrictions().exists() else None


@dataclass
class SeeAlso:
    block_type: str  # "dataset", "regulation_article" or "note"
    kind: str  # the block's label: "Transparency dataset", "Regulation article", "Monthly note"
    title: str
    url: str
    within: str = ""  # an article's regulation


def see_also(request, page):
    """The answer's published sources, in the order the editor gave them."""
    links = []
    for block in page.links:
        kind = block.block.label
        if block.block_type == "regulation_article":
            regulation, provision = live_localized(block.value.get("regulation")), block.value.provision
            if regulation and provision:
                links.append(SeeAlso(block.block_type, kind, provision.citation, block.value.url(), within=regulation.title))
        elif linked := live_localized(block.value):
            links.append(SeeAlso(block.block_type, kind, linked.title, linked.get_url(request)))
    return links


def question_context(request, page):
    parent = page.get_parent()
    return {
        "category": parent if parent.live else None,
        "related_questions": [
            question for question in (live_localized(block.value) for block in page.related_questions) if question
        ],
        "see_also": see_also(request, page),
        "faq_json_ld": {**faq_page_data(request, page, [page]), "lastReviewed": page.last_reviewed},
        "feedback_form": AnswerFeedbackForm(),
        "feedback_url": page.get_url(request) + page.reverse_subpage("feedback"),
        "feedback_thanks": request.GET.get("feedback") == "thanks",
    }


def feedback_rate(group, request):
    """The configured rate, read per request (so tests and deployments can change it)."""
    return settings.FAQ_FEEDBACK_RATE


FEEDBACK_LIMIT = {"group": "faq.feedback", "key": client_address, "rate": feedback_rate, "method": "POST"}


@ratelimit(**FEEDBACK_LIMIT, block=False)
def feedback(request, page):
    """Store one reader's vote on an answer, and send them back to it thanked.

    Only the question, the vote, the comment and the day are stored. Wagtail routes a page's
    sub-URLs only while the page is live, so a draft question's feedback/ is a 404 before this.
    """
    if request.method != "POST":
        return redirect(page.get_url(request))
    if request.limited:
        return too_many_votes(request, page)
    form = AnswerFeedbackForm(request.POST)
    if not form.is_valid():
        response = page.render(request, context_overrides={"feedback_form": form})
        response.status_code = 400
        return response
    form.instance.question = page
    form.save()
    return HttpResponseRedirect(page.get_url(request) + "?feedback=thanks#feedback", status=303)


def too_many_votes(request, page):
    seconds = max(get_usage(request, **FEEDBACK_LIMIT)["time_left"], 1)
    response = TemplateResponse(
        request, "faq/feedback_limited.html", {"page": page, "minutes": math.ceil(seconds / 60)}, status=429
    )
    response["Retry-After"] = str(seconds)
    return response
