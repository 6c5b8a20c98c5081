"""Build a believable bilingual demo site; running it again changes nothing.

Later features add their own demo content by extending DEMO_PAGES or with a
command of their own called from here.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText

from editorial.roles import ADMINISTRATORS, EDITORS, OFFICERS, REVIEWERS, TRANSLATORS
from faq.demo import build_faq_demo
from notes.demo import build_notes_demo
from portal.demo import DemoPages
from portal.models import SiteSettings, StandardPage
from regulations.demo import build_regulations_demo
from transparency.demo import build_transparency_demo

DEMO_PASSWORD = "portal-demo-2026"
# The demo logins (DEBUG only): a superuser, and a user in each editorial role to try the review
# workflow from both sides. (username, group or None for the superuser, first name, last name)
DEMO_USERS = [
    ("admin", None, "", ""),
    ("editora", EDITORS, "Elena", "Editora"),
    ("oficial", OFFICERS, "Óscar", "Oficial"),
    ("revisor", REVIEWERS, "Ramón", "Revisor"),
    ("traductora", TRANSLATORS, "Tania", "Traductora"),
    ("administrador", ADMINISTRATORS, "Andrés", "Administrador"),
]

HOME = {
    "es": {
        "title": "Portal de información pública",
        "intro": "<p>Información pública del Senado de la República de Chile: transparencia activa, "
        "notas de transformación digital, preguntas frecuentes y reglamentos de compras.</p>",
        "body": [
            ("heading", "Transparencia primero"),
            (
                "paragraph",
                "<p>Publicamos cada mes la información que exige el artículo 7 de la Ley 20.285 "
                "sobre acceso a la información pública, y mantenemos visibles los meses anteriores.</p>",
            ),
        ],
    },
    "en": {
        "title": "Public information portal",
        "intro": "<p>Public information from the Senate of the Republic of Chile: proactive "
        "transparency, digital transformation notes, frequently asked questions and "
        "procurement regulations.</p>",
        "body": [
            ("heading", "Transparency first"),
            (
                "paragraph",
                "<p>Every month we publish the information required by article 7 of Law 20,285 "
                "on access to public information, and earlier months stay visible.</p>",
            ),
        ],
    },
}

# Each entry: the Spanish page and its English translation.
DEMO_PAGES = [
    {
        "show_in_menus": True,
        "es": {
            "slug": "quienes-somos",
            "title": "Quiénes somos",
            "summary": "La institución, su misión y cómo se organiza su trabajo digital.",
            "body": [
                (
                    "paragraph",
                    "<p>El Senado de la República de Chile es una de las dos cámaras del Congreso "
                    "Nacional. Su Secretaría de Transformación Digital coordina los servicios en "
                    "línea, los datos abiertos y la gestión documental.</p>",
                ),
                ("heading", "Nuestra misión"),
                (
                    "paragraph",
                    "<p>Acercar el trabajo legislativo a la ciudadanía con información oportuna, "
                    "accesible y reutilizable.</p>",
                ),
            ],
        },
        "en": {
            "slug": "about-us",
            "title": "About us",
            "summary": "The institution, its mission and how its digital work is organised.",
            "body": [
                (
                    "paragraph",
                    "<p>The Senate of the Republic of Chile is one of the two chambers of the "
                    "National Congress. Its Digital Transformation Secretariat coordinates online "
                    "services, open data and records management.</p>",
                ),
                ("heading", "Our mission"),
                (
                    "paragraph",
                    "<p>To bring legislative work closer to citizens with timely, accessible and "
                    "reusable information.</p>",
                ),
            ],
        },
    },
    {
        "show_in_menus": True,
        # Published again as a major change, so the demo shows a page's change history.
        "change_note": {
            "es": "Se agregó la prórroga de 10 días hábiles al plazo de respuesta.",
            "en": "Added the 10-working-day extension to the response time.",
        },
        "es": {
            "slug": "solicitar-informacion",
            "title": "Cómo solicitar información pública",
            "summary": "Pasos y plazos para ejercer el derecho de acceso a la información (Ley 20.285).",
            "body": [
                (
                    "paragraph",
                    "<p>Cualquier persona puede solicitar información pública sin expresar causa. "
                    "La institución responde dentro de 20 días hábiles, prorrogables por 10 días "
                    "hábiles más.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "Plazo de respuesta",
                        "text": RichText("<p>20 días hábiles desde la recepción de la solicitud.</p>"),
                    },
                ),
            ],
        },
        "en": {
            "slug": "request-information",
            "title": "How to request public information",
            "summary": "Steps and deadlines to exercise the right of access to information (Law 20,285).",
            "body": [
                (
                    "paragraph",
                    "<p>Anyone may request public information without stating a reason. The "
                    "institution answers within 20 working days, extendable by 10 more working "
                    "days.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "Response time",
                        "text": RichText("<p>20 working days from receipt of the request.</p>"),
                    },
                ),
            ],
        },
    },
    {
        "show_in_menus": False,
        "accessibility_statement": True,  # linked from the footer (SiteSettings)
        "es": {
            "slug": "accesibilidad",
            "title": "Declaración de accesibilidad",
            "summary": "Nuestro compromiso con las pautas WCAG 2.1 nivel AA y cómo informar barreras.",
            "body": [
                (
                    "paragraph",
                    "<p>Este portal busca cumplir las Pautas de Accesibilidad para el Contenido Web "
                    "(WCAG) 2.1, nivel AA. Si encuentra una barrera, escríbanos y responderemos en "
                    "un plazo de 10 días hábiles.</p>",
                ),
            ],
        },
        "en": {
            "slug": "accessibility",
            "title": "Accessibility statement",
            "summary": "Our commitment to WCAG 2.1 level AA and how to report barriers.",
            "body": [
                (
                    "paragraph",
                    "<p>This portal aims to meet the Web Content Accessibility Guidelines (WCAG) "
                    "2.1, level AA. If you find a barrier, write to us and we will answer within "
                    "10 working days.</p>",
                ),
            ],
        },
    },
]

SITE_SETTINGS = {
    "institution_name": "Senado de la República de Chile",
    "address": "Av. Pedro Montt s/n\nValparaíso, Chile",
    "contact_email": "transparencia@senado.example",
    "phone": "+56 32 250 4000",
    "social_links": [
        ("link", {"network": "x", "url": "https://x.com/senado_cl", "label": ""}),
        ("link", {"network": "youtube", "url": "https://www.youtube.com/@senadochile", "label": ""}),
    ],
}


def with_rich_body(content):
    """A page's fields from its demo content, the body as StreamField data."""
    return {**content, "body": _rich_body(content["body"])}


def _rich_body(blocks):
    return [(kind, RichText(value) if kind == "paragraph" else value) for kind, value in blocks]


class Command(BaseCommand):
    help = "Load the bilingual demo site. Idempotent: only what is missing is created."

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-transparency",
            action="store_true",
            help="Skip the Transparencia Activa section (tests that do not need it load faster).",
        )
        parser.add_argument(
            "--without-regulations",
            action="store_true",
            help="Skip the Reglamentos section (tests that do not need it load faster).",
        )
        parser.add_argument(
            "--without-notes",
            action="store_true",
            help="Skip the monthly Digital Transformation Notes (tests that do not need them load faster).",
        )
        parser.add_argument(
            "--without-faq",
            action="store_true",
            help="Skip the FAQ section (tests that do not need it load faster).",
        )
        parser.add_argument(
            "--without-admin",
            action="store_true",
            help="Do not create the demo administrator and role users (never created when DEBUG is off).",
        )

    @transaction.atomic
    def handle(
        self,
        *args,
        without_admin=False,
        without_transparency=False,
        without_regulations=False,
        without_notes=False,
        without_faq=False,
        **options,
    ):
        Locale.objects.get_or_create(language_code="es")
        Locale.objects.get_or_create(language_code="en")
        site = Site.objects.get(is_default_site=True)
        home_es = site.root_page.specific
        pages = DemoPages()
        self._fill_home(home_es, HOME["es"], pages)
        home_en = pages.translation(home_es, slug="home", **with_rich_body(HOME["en"]))

        for entry in DEMO_PAGES:
            page_es = pages.child(
                home_es, StandardPage, show_in_menus=entry["show_in_menus"], **with_rich_body(entry["es"])
            )
            page_en = pages.translation(page_es, **with_rich_body(entry["en"]))
            if entry.get("accessibility_statement"):
                accessibility_statement = page_es
            if "change_note" in entry:
                pages.major_change(page_es, entry["change_note"]["es"])
                pages.major_change(page_en, entry["change_note"]["en"])
        self.created = pages.created

        if not without_transparency:
            self.created += build_transparency_demo(home_es, home_en, timezone.localdate())
        if not without_regulations:
            self.created += build_regulations_demo(home_es, home_en)
        if not without_notes:
            self.created += build_notes_demo(home_es, home_en)
        if not without_faq:  # last: answers link to the notes, datasets and articles built above
            self.created += build_faq_demo(home_es, home_en)
        self._site_settings(site, accessibility_statement)
        logins = self._demo_users() if settings.DEBUG and not without_admin else []
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({self.created} items created)."))
        for line in logins:
            self.stdout.write(line)

    def _fill_home(self, home, content, pages):
        """The migration leaves a Spanish home that was never edited; give it content once."""
        if home.latest_revision_id:
            return
        home.title = home.draft_title = content["title"]
        home.slug = "inicio"
        home.intro = content["intro"]
        home.body = _rich_body(content["body"])
        pages.publish(home)

    def _site_settings(self, site, accessibility_statement):
        site_settings = SiteSettings.for_site(site)
        if site_settings.institution_name:
            if site_settings.accessibility_statement_id is None:  # sites loaded before the footer linked it
                site_settings.accessibility_statement = accessibility_statement
                site_settings.save(update_fields=["accessibility_statement"])
            return
        for field, value in SITE_SETTINGS.items():
            setattr(site_settings, field, value)
        site_settings.accessibility_statement = accessibility_statement
        site_settings.save()
        self.created += 1

    def _demo_users(self):
        """Create the demo logins that are missing; return the lines listing all of them."""
        User = get_user_model()
        lines = [f"Demo logins for /admin/ (dev only), each with password '{DEMO_PASSWORD}' unless changed since:"]
        for username, group, first_name, last_name in DEMO_USERS:
            if User.objects.filter(username=username).exists():
                status = "already exists"
            else:
                create = User.objects.create_user if group else User.objects.create_superuser
                user = create(
                    username, f"{username}@senado.example", DEMO_PASSWORD, first_name=first_name, last_name=last_name
                )
                if group:
                    user.groups.add(Group.objects.get(name=group))
                self.created += 1
                status = "created"
            lines.append(f"  {username:<14} {group or 'superuser':<27} {status}")
        return lines
