"""Bilingual public-sector vocabulary shared by the search benchmarks.

`generate_content.py` writes pages from it and `search_latency.py` draws its queries from
it, so queries hit (or, on purpose, miss) words that are really in the documents. Spanish
words come with accents, plurals and gender agreement, English ones with plurals and
inflections, so an analyser that stems and folds accents finds more than one that does not.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Noun:
    es_sg: str
    es_pl: str
    gender: str  # "m" or "f": Spanish articles and adjective agreement
    en_sg: str
    en_pl: str
    weight: int = 1  # how often it appears: a few words are everywhere, most are not


@dataclass(frozen=True)
class Adjective:
    m_sg: str
    f_sg: str
    m_pl: str
    f_pl: str
    en: str

    def es(self, noun, plural):
        if noun.gender == "m":
            return self.m_pl if plural else self.m_sg
        return self.f_pl if plural else self.f_sg


def adj(masculine_singular, feminine_singular, masculine_plural, feminine_plural, english):
    return Adjective(masculine_singular, feminine_singular, masculine_plural, feminine_plural, english)


NOUNS = {
    "licitacion": Noun("licitación", "licitaciones", "f", "tender", "tenders", 8),
    "contrato": Noun("contrato", "contratos", "m", "contract", "contracts", 8),
    "compra": Noun("compra", "compras", "f", "purchase", "purchases", 6),
    "adquisicion": Noun("adquisición", "adquisiciones", "f", "acquisition", "acquisitions", 4),
    "proveedor": Noun("proveedor", "proveedores", "m", "supplier", "suppliers", 5),
    "presupuesto": Noun("presupuesto", "presupuestos", "m", "budget", "budgets", 8),
    "gasto": Noun("gasto", "gastos", "m", "expenditure", "expenditures", 5),
    "transferencia": Noun("transferencia", "transferencias", "f", "transfer", "transfers", 3),
    "auditoria": Noun("auditoría", "auditorías", "f", "audit", "audits", 5),
    "informe": Noun("informe", "informes", "m", "report", "reports", 7),
    "funcionario": Noun("funcionario", "funcionarios", "m", "official", "officials", 5),
    "remuneracion": Noun("remuneración", "remuneraciones", "f", "salary", "salaries", 4),
    "honorario": Noun("honorario", "honorarios", "m", "fee", "fees", 2),
    "viatico": Noun("viático", "viáticos", "m", "travel allowance", "travel allowances", 1),
    "reglamento": Noun("reglamento", "reglamentos", "m", "regulation", "regulations", 6),
    "resolucion": Noun("resolución", "resoluciones", "f", "resolution", "resolutions", 4),
    "convenio": Noun("convenio", "convenios", "m", "agreement", "agreements", 3),
    "solicitud": Noun("solicitud", "solicitudes", "f", "request", "requests", 5),
    "declaracion": Noun("declaración de patrimonio", "declaraciones de patrimonio", "f",
                        "asset declaration", "asset declarations", 1),
    "sesion": Noun("sesión", "sesiones", "f", "session", "sessions", 3),
    "comision": Noun("comisión", "comisiones", "f", "committee", "committees", 3),
    "inventario": Noun("inventario", "inventarios", "m", "inventory", "inventories", 1),
    "multa": Noun("multa", "multas", "f", "fine", "fines", 1),
    "auditor": Noun("auditor", "auditores", "m", "auditor", "auditors", 1),
    "dataset": Noun("conjunto de datos", "conjuntos de datos", "m", "dataset", "datasets", 2),
    "consulta": Noun("consulta ciudadana", "consultas ciudadanas", "f",
                     "public consultation", "public consultations", 2),
    "proyecto": Noun("proyecto de ley", "proyectos de ley", "m", "bill", "bills", 3),
    "licencia": Noun("licencia médica", "licencias médicas", "f", "sick leave", "sick leaves", 1),
}

ADJECTIVES = {
    "publico": adj("público", "pública", "públicos", "públicas", "public"),
    "anual": adj("anual", "anual", "anuales", "anuales", "annual"),
    "trimestral": adj("trimestral", "trimestral", "trimestrales", "trimestrales", "quarterly"),
    "mensual": adj("mensual", "mensual", "mensuales", "mensuales", "monthly"),
    "vigente": adj("vigente", "vigente", "vigentes", "vigentes", "current"),
    "adjudicado": adj("adjudicado", "adjudicada", "adjudicados", "adjudicadas", "awarded"),
    "interno": adj("interno", "interna", "internos", "internas", "internal"),
    "externo": adj("externo", "externa", "externos", "externas", "external"),
    "aprobado": adj("aprobado", "aprobada", "aprobados", "aprobadas", "approved"),
    "pendiente": adj("pendiente", "pendiente", "pendientes", "pendientes", "pending"),
    "directo": adj("directo", "directa", "directos", "directas", "direct"),
    "regional": adj("regional", "regional", "regionales", "regionales", "regional"),
    "extraordinario": adj("extraordinario", "extraordinaria", "extraordinarios",
                          "extraordinarias", "extraordinary"),
}

# The adjectives that make sense with each noun ("approved budgets", not "monthly officials").
NOUN_ADJECTIVES = {
    "licitacion": ["publico", "adjudicado", "pendiente", "regional"],
    "contrato": ["adjudicado", "vigente", "directo", "regional", "anual", "aprobado", "pendiente"],
    "compra": ["publico", "directo", "mensual", "regional", "aprobado", "pendiente"],
    "adquisicion": ["publico", "directo", "aprobado", "pendiente", "anual"],
    "proveedor": ["regional", "externo", "vigente"],
    "presupuesto": ["anual", "aprobado", "vigente", "regional", "extraordinario"],
    "gasto": ["mensual", "anual", "trimestral", "directo", "extraordinario", "aprobado"],
    "transferencia": ["directo", "mensual", "regional", "aprobado", "pendiente"],
    "auditoria": ["interno", "externo", "anual", "extraordinario", "pendiente"],
    "informe": ["anual", "trimestral", "mensual", "interno", "externo", "aprobado", "pendiente"],
    "funcionario": ["publico", "regional"],
    "remuneracion": ["mensual", "anual", "vigente", "pendiente", "extraordinario"],
    "honorario": ["mensual", "pendiente", "aprobado"],
    "viatico": ["regional", "aprobado", "pendiente"],
    "reglamento": ["interno", "vigente", "aprobado"],
    "resolucion": ["aprobado", "vigente", "interno", "pendiente"],
    "convenio": ["vigente", "regional", "aprobado", "directo", "anual"],
    "solicitud": ["pendiente", "aprobado", "regional"],
    "declaracion": ["anual", "pendiente", "vigente"],
    "sesion": ["extraordinario", "publico", "mensual", "regional"],
    "comision": ["regional", "interno"],
    "inventario": ["anual", "interno", "mensual", "vigente"],
    "multa": ["aprobado", "pendiente"],
    "auditor": ["interno", "externo", "regional"],
    "dataset": ["publico", "mensual", "anual", "trimestral", "vigente", "regional"],
    "consulta": ["regional", "vigente", "pendiente", "anual"],
    "proyecto": ["aprobado", "pendiente"],
    "licencia": ["pendiente", "aprobado"],
}
assert set(NOUN_ADJECTIVES) == set(NOUNS)

# Offices, with the Spanish article they take.
UNITS = [
    ("el Departamento de Finanzas", "Finance Department"),
    ("la Unidad de Compras", "Procurement Unit"),
    ("la Unidad de Auditoría Interna", "Internal Audit Unit"),
    ("la Dirección de Administración", "Administration Directorate"),
    ("el Departamento de Recursos Humanos", "Human Resources Department"),
    ("la Secretaría de Transformación Digital", "Digital Transformation Secretariat"),
    ("la Oficina de Partes", "Records Office"),
    ("la Comisión de Hacienda", "Finance Committee"),
    ("la Oficina de Transparencia", "Transparency Office"),
    ("el Departamento Jurídico", "Legal Department"),
]

REGIONS = [
    ("Región de Valparaíso", "Valparaíso Region"),
    ("Región del Biobío", "Biobío Region"),
    ("Región de Ñuble", "Ñuble Region"),
    ("Región de Aysén", "Aysén Region"),
    ("Región de Los Ríos", "Los Ríos Region"),
    ("Región de Tarapacá", "Tarapacá Region"),
    ("Región de Magallanes", "Magallanes Region"),
    ("Región Metropolitana", "Metropolitan Region"),
    ("Región de La Araucanía", "La Araucanía Region"),
    ("Región de Atacama", "Atacama Region"),
]

MONTHS = [
    ("enero", "January"), ("febrero", "February"), ("marzo", "March"), ("abril", "April"),
    ("mayo", "May"), ("junio", "June"), ("julio", "July"), ("agosto", "August"),
    ("septiembre", "September"), ("octubre", "October"), ("noviembre", "November"),
    ("diciembre", "December"),
]

QUARTERS = [("primer", "first"), ("segundo", "second"), ("tercer", "third"), ("cuarto", "fourth")]

# Top-level sections under each home: (Spanish title, slug), (English title, slug), and the
# nouns their pages are mostly about. `share` is the section's part of the generated pages.
SECTIONS = [
    (("Compras públicas", "compras-publicas"), ("Public procurement", "public-procurement"),
     ["licitacion", "contrato", "compra", "adquisicion", "proveedor", "multa"], 18),
    (("Transparencia activa", "transparencia-activa"), ("Proactive transparency", "proactive-transparency"),
     ["solicitud", "resolucion", "declaracion", "informe", "dataset"], 14),
    (("Presupuesto y finanzas", "presupuesto-y-finanzas"), ("Budget and finance", "budget-and-finance"),
     ["presupuesto", "gasto", "transferencia", "informe"], 14),
    (("Personal y remuneraciones", "personal-y-remuneraciones"), ("Staff and salaries", "staff-and-salaries"),
     ["funcionario", "remuneracion", "honorario", "viatico", "licencia"], 12),
    (("Normativa y reglamentos", "normativa-y-reglamentos"), ("Rules and regulations", "rules-and-regulations"),
     ["reglamento", "resolucion", "convenio"], 10),
    (("Auditorías y control", "auditorias-y-control"), ("Audits and oversight", "audits-and-oversight"),
     ["auditoria", "auditor", "informe", "inventario"], 9),
    (("Datos abiertos", "datos-abiertos"), ("Open data", "open-data"),
     ["dataset", "informe", "solicitud"], 7),
    (("Participación ciudadana", "participacion-ciudadana"), ("Citizen participation", "citizen-participation"),
     ["consulta", "sesion", "solicitud"], 6),
    (("Actividad legislativa", "actividad-legislativa"), ("Legislative activity", "legislative-activity"),
     ["proyecto", "sesion", "comision"], 6),
    (("Noticias institucionales", "noticias-institucionales"), ("Institutional news", "institutional-news"),
     ["convenio", "sesion", "funcionario", "dataset"], 4),
]

# Words no generated page contains: queries that must find nothing.
ABSENT_WORDS = {
    "es": ["jirafa", "astronauta", "helicóptero", "volcán", "zanahoria", "pingüino",
           "submarino", "trompeta", "galaxia", "dinosaurio"],
    "en": ["giraffe", "astronaut", "helicopter", "volcano", "carrot", "penguin",
           "submarine", "trumpet", "galaxy", "dinosaur"],
}

# Typing mistakes people make on these words (the queries also derive some of their own).
MISSPELLINGS = {
    "es": ["licitasion", "presupeusto", "remuneraciónes", "auditoira", "funsionarios",
           "reglamneto", "licitaciónes", "viatikos"],
    "en": ["procurment", "buget", "tendres", "regulaton", "sallaries", "auditt",
           "goverment contracts", "suplier contracts"],
}


def np(noun, adjective, plural, language):
    """A noun phrase: "licitaciones públicas" / "public tenders"."""
    if language == "es":
        return f"{noun.es_pl if plural else noun.es_sg} {adjective.es(noun, plural)}"
    return f"{adjective.en} {noun.en_pl if plural else noun.en_sg}"


def definite(noun, plural, text=None):
    """Spanish definite article agreeing with the noun, before `text` (the noun by default)."""
    article = {("m", False): "el", ("f", False): "la", ("m", True): "los", ("f", True): "las"}[
        (noun.gender, plural)
    ]
    return f"{article} {text or (noun.es_pl if plural else noun.es_sg)}"


def capitalise(text):
    return text[:1].upper() + text[1:]
