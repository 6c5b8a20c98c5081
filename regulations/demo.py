"""Demo regulations: the procurement regulation in three versions and the manual of procedures.

Called by `manage.py load_demo_content`; a second run changes nothing. The texts in
`demo_texts/` are invented but written as Chilean administrative law is: the regulation's
original text (2023), a first amendment in force (2024: compra ágil up to 100 UTM, the paper
register removed, article 12 bis added) and a second amendment already approved but in force
only from 1 March 2027 (a future version); `demo_texts/CHANGES.md` lists what each amendment
changed. They go through the same parser and publishing steps an officer's import does.
"""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents.models import Document

from portal.demo import DemoPages

from . import versions
from .models import Regulation, RegulationIndexPage, RegulationPage, Version

TEXTS = Path(__file__).resolve().parent / "demo_texts"

INDEX = {
    "es": {
        "slug": "reglamentos",
        "title": "Reglamentos",
        "intro": "<p>Las normas internas que rigen las compras y contrataciones de la institución, en su "
        "versión vigente y en cada versión anterior, con lo que cambió en cada modificación.</p>",
    },
    "en": {
        "slug": "regulations",
        "title": "Regulations",
        "intro": "<p>The internal rules that govern the institution's purchasing and contracting, as in force "
        "today and in every earlier version, with what each amendment changed.</p>",
    },
}

REGULATIONS = [
    {
        "name": "Reglamento de Compras y Contrataciones del Senado",
        "kind": Regulation.Kind.REGULATION,
        "versions": [
            ("reglamento-v1.txt", datetime.date(2023, 4, 1), "1.245", datetime.date(2023, 3, 15), ""),
            (
                "reglamento-v2.txt",
                datetime.date(2024, 7, 1),
                "412",
                datetime.date(2024, 6, 20),
                "Compra ágil hasta 100 UTM (nuevo artículo 12 bis), expediente electrónico en lugar del libro "
                "de registro en papel, garantía de fiel cumplimiento desde 3% y nuevas reglas de pago.",
            ),
            (
                "reglamento-v3.txt",
                datetime.date(2027, 3, 1),
                "2.087",
                datetime.date(2026, 11, 2),
                "Adecuación a la Ley N° 21.634: criterio de sustentabilidad en las evaluaciones, evaluación "
                "del comportamiento contractual (artículo 35 bis) y plazo de descargos de diez días.",
            ),
        ],
        "es": {
            "slug": "reglamento-de-compras",
            "title": "Reglamento de compras y contrataciones",
            "intro": "<p>Cómo compra y contrata el Senado: procedimientos, montos, garantías, plazos de pago y "
            "sanciones a proveedores.</p>",
        },
        "en": {
            "slug": "procurement-regulation",
            "title": "Procurement regulation",
            "intro": "<p>How the Senate buys goods and contracts services: procedures, thresholds, guarantees, "
            "payment terms and penalties for suppliers.</p>",
        },
    },
    {
        "name": "Manual de Procedimientos de Compras del Senado",
        "kind": Regulation.Kind.MANUAL,
        "versions": [("manual-v1.txt", datetime.date(2024, 8, 1), "633", datetime.date(2024, 7, 22), "")],
        "es": {
            "slug": "manual-de-procedimientos",
            "title": "Manual de procedimientos de compras",
            "intro": "<p>Los pasos de cada compra, desde el requerimiento hasta el pago.</p>",
        },
        "en": {
            "slug": "procurement-procedures-manual",
            "title": "Procurement procedures manual",
            "intro": "<p>The steps of each purchase, from the request to the payment.</p>",
        },
    },
]

ACT_URL = "https://www.senado.example/transparencia/resoluciones/{number}"


def official_pdf(lines):
    """A one-page PDF standing in for the signed original of a version (the demo has no scans).

    Written by hand because it is a dozen lines of the PDF format; nothing in production needs it.
    """
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    stream = "BT /F1 10 Tf 56 780 Td 14 TL " + " ".join(f"({line}) '" for line in escaped) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(stream.encode('cp1252'))} >>\nstream\n{stream}\nendstream",
    ]
    body, offsets = "%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body.encode("cp1252")))
        body += f"{number} 0 obj\n{content}\nendobj\n"
    xref = len(body.encode("cp1252"))
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return body.encode("cp1252")


class RegulationsDemo(DemoPages):
    def __init__(self, home_es, home_en):
        super().__init__(home_en)
        self.home_es = home_es

    def build(self):
        index_es = self.child(self.home_es, RegulationIndexPage, show_in_menus=True, **INDEX["es"])
        self.translation(index_es, **INDEX["en"])
        for spec in REGULATIONS:
            regulation = self.regulation(spec)
            page_es = self.child(index_es, RegulationPage, regulation=regulation, **spec["es"])
            self.translation(page_es, regulation=regulation, **spec["en"])
        return self.created

    def regulation(self, spec):
        regulation = Regulation.objects.filter(name=spec["name"]).first()
        if regulation:
            return regulation
        regulation = Regulation.objects.create(name=spec["name"], kind=spec["kind"])
        self.created += 1
        for file_name, effective_from, number, act_date, summary in spec["versions"]:
            text = (TEXTS / file_name).read_text(encoding="utf-8")
            pdf = Document.objects.create(
                title=f"{spec['name']}, Res. Ex. N° {number}",
                file=ContentFile(official_pdf(text.splitlines()[:2] + ["", "Documento de demostración."]), name=f"{file_name[:-4]}.pdf"),
            )
            draft = versions.create_draft(
                regulation,
                text,
                effective_from=effective_from,
                act_type=Version.ActType.EXEMPT_RESOLUTION,
                act_number=number,
                act_date=act_date,
                act_url=ACT_URL.format(number=number.replace(".", "")),
                summary=summary,
                official_pdf=pdf,
            )
            versions.publish(draft)
            self.created += 1
        return regulation


def build_regulations_demo(home_es, home_en):
    """The demo Reglamentos section under both homes; returns how many items it created."""
    with transaction.atomic():
        return RegulationsDemo(home_es, home_en).build()
