"""Demo Preguntas frecuentes: five categories of five answered questions, in both languages.

Called by `manage.py load_demo_content` after the other sections, because answers link to what
the demo has built: notes, transparency datasets and articles of the procurement regulation.
A section left out (--without-notes, --without-transparency, --without-regulations) just means
fewer links. A second run changes nothing; readers' votes come with their question, once.
"""

import datetime

from django.db import transaction

from notes.models import NotePage
from portal.demo import DemoPages
from regulations.models import Regulation, RegulationPage
from transparency.models import DatasetPage

from .blocks import RegulationArticleBlock
from .demo_content import CATEGORIES, FEEDBACK, FEEDBACK_UNTIL, INDEX
from .models import AnswerFeedback, FAQCategoryPage, FAQIndexPage, QuestionPage


class FAQDemo(DemoPages):
    def __init__(self, home_es, home_en):
        super().__init__(home_en)
        self.home_es = home_es
        self.spanish = home_es.locale
        self.regulation = (
            RegulationPage.objects.live()
            .filter(locale=self.spanish, regulation__kind=Regulation.Kind.REGULATION)
            .first()
        )

    def build(self):
        index_es = self.child(self.home_es, FAQIndexPage, show_in_menus=True, **INDEX["es"])
        self.translation(index_es, **INDEX["en"])
        for category in CATEGORIES:
            category_es = self.child(index_es, FAQCategoryPage, **category["es"])
            self.translation(category_es, **category["en"])
            asked = {"es": [], "en": []}  # this category's questions so far, for related questions
            for question in category["questions"]:
                targets = self.link_targets(question.get("links", []))
                page_es = self.child(category_es, QuestionPage, **self.fields(question, "es", asked, targets))
                page_en = self.translation(page_es, **self.fields(question, "en", asked, targets))
                for language, page in (("es", page_es), ("en", page_en)):
                    asked[language].append(page)
                    self.feedback(page)
        return self.created

    def fields(self, question, language, asked, targets):
        return {
            **question[language],
            "last_reviewed": question["reviewed"],
            "related_questions": [("question", asked[language][number]) for number in question.get("related", [])],
            "links": [(kind, self.in_language(kind, value, language)) for kind, value in targets],
        }

    def link_targets(self, links):
        """The Spanish pages (or regulation articles) an answer links to, among those this demo has."""
        targets = []
        for kind, key in links:
            if kind == "note":
                value = NotePage.objects.live().filter(locale=self.spanish, slug=key).first()
            elif kind == "dataset":
                value = DatasetPage.objects.live().filter(locale=self.spanish, dataset__slug=key).first()
            else:
                article = RegulationArticleBlock().normalize({"regulation": self.regulation, "article": key})
                value = article if article.provision else None
            if value:
                targets.append((kind, value))
        return targets

    def in_language(self, kind, value, language):
        if language == "es":
            return value
        if kind == "regulation_article":
            return {"regulation": value["regulation"].get_translation(self.english), "article": value["article"]}
        return value.get_translation(self.english)

    def feedback(self, page):
        """Readers' votes on a demo answer, only while it has none (the first run)."""
        if page.slug not in FEEDBACK or AnswerFeedback.objects.filter(question=page).exists():
            return
        useful, not_useful, comments = FEEDBACK[page.slug]
        votes = [(True, "")] * useful + [(False, "")] * not_useful + comments
        AnswerFeedback.objects.bulk_create(
            AnswerFeedback(
                question=page,
                useful=vote,
                comment=comment,
                submitted_on=FEEDBACK_UNTIL - datetime.timedelta(days=3 * number),
            )
            for number, (vote, comment) in enumerate(votes)
        )
        self.created += len(votes)


def build_faq_demo(home_es, home_en):
    """The demo FAQ section under both homes; returns how many items it created."""
    with transaction.atomic():
        return FAQDemo(home_es, home_en).build()
