"""Demo Transparencia Activa: the index, the 13 art. 7 categories and their datasets, both languages.

Called by `manage.py load_demo_content`; a second run changes nothing. It builds

- under the Spanish home, "Transparencia Activa" (slug transparencia) and one page per art. 7
  letter a–m, each with one dataset page (letter d: four, one per staff table), every page
  with its English translation under the English home (same translation_key, built directly
  as load_demo_content builds its translations);
- one `Dataset` per dataset page, on a ready-made schema (transparency/schemas.py), reporting
  since six months before `today`'s month, with a published snapshot for each of those six
  months, imported from CSV files written here the way officers' spreadsheets are (semicolons,
  Chilean thousands separators, dd-mm-yyyy dates; the staff tables in Windows-1252);
- on purpose: one month of transfers published as "no movements"; one correction (planta,
  three months back: row 3's gross pay was typed with an extra zero and is corrected with a
  note); acts and resolutions without the month just ended, so the obligations show it due
  (or overdue after the deadline).

Rows are invented but believable: people are drawn from common Chilean given names and
surnames (no RUTs of persons), companies and organisations are made up, laws are real.
Everything is drawn from `random.Random` seeded by the dataset's slug, so a run on the
same day builds the same rows. Snapshots are created only with their dataset: a rerun in a
later month adds no months to existing datasets (use a fresh database for a current demo).
"""

import csv
import datetime
import io
import random

from django.db import transaction
from django.utils import timezone

from portal.demo import DemoPages

from . import schemas, snapshots
from .holidays import CHILEAN_HOLIDAYS, nth_working_day, parse_holidays
from .models import (
    Dataset,
    DatasetPage,
    DatasetSchema,
    SchemaColumn,
    Snapshot,
    TransparencyCategoryPage,
    TransparencyIndexPage,
)

MONTHS_OF_DATA = 6
CORRECTED_DATASET = "personal-de-planta"
CORRECTED_MONTHS_BACK = 3  # the month corrected: three months before the month just ended
CORRECTED_ROW = 3
CORRECTION_NOTE = "Se corrigió la remuneración bruta de la fila 3, mal digitada."
NO_MOVEMENTS_DATASET = "transferencias"
NO_MOVEMENTS_MONTHS_BACK = 2
LATE_DATASET = "actos-y-resoluciones"  # the month just ended is not published yet

MESES = [
    "Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio",
    "Julio", "Agosto", "Septiembre", "Octubre", "Noviembre", "Diciembre",
]  # fmt: skip

WEB = "https://www.senado.example"
MERCADO_PUBLICO = "https://www.mercadopublico.cl/fichaLicitacion.html?idLicitacion="

INDEX = {
    "es": {
        "slug": "transparencia",
        "title": "Transparencia Activa",
        "intro": "<p>La información que el artículo 7 de la Ley N° 20.285 nos obliga a publicar y mantener "
        "actualizada cada mes, ordenada por letra. Cada tabla se descarga en CSV y JSON, y los meses "
        "anteriores siguen disponibles, con sus correcciones a la vista.</p>",
    },
    "en": {
        "slug": "transparency",
        "title": "Proactive transparency",
        "intro": "<p>The information that article 7 of Law 20,285 requires us to publish and keep up to date "
        "every month, by letter. Every table can be downloaded as CSV and JSON, and earlier months stay "
        "available, with any corrections shown.</p>",
    },
}

# Each letter: its page in Spanish and English.
CATEGORIES = {
    "a": (
        ("estructura-organica", "Estructura orgánica",
         "Las unidades del Senado, de quién depende cada una y quién la dirige."),
        ("organic-structure", "Organic structure",
         "The Senate's units, whom each reports to and who heads it."),
    ),
    "b": (
        ("facultades-funciones-atribuciones", "Facultades, funciones y atribuciones",
         "Lo que cada unidad puede y debe hacer, y la norma que se lo encarga."),
        ("powers-functions-attributions", "Powers, functions and attributions",
         "What each unit may and must do, and the rule that gives it that task."),
    ),
    "c": (
        ("marco-normativo", "Marco normativo",
         "Las leyes y reglamentos que rigen al Senado, con enlace a su texto vigente."),
        ("legal-framework", "Legal framework",
         "The laws and regulations that govern the Senate, with links to their current text."),
    ),
    "d": (
        ("personal-y-remuneraciones", "Personal y remuneraciones",
         "Quiénes trabajan en el Senado, en qué calidad jurídica y cuánto ganan: planta, contrata, "
         "Código del Trabajo y honorarios, en tablas separadas."),
        ("staff-and-pay", "Staff and remuneration",
         "Who works at the Senate, on what kind of appointment and what they are paid: permanent and "
         "fixed-term civil servants, employees under the Labour Code and contractors, in separate tables."),
    ),
    "e": (
        ("compras-y-contrataciones", "Compras y contrataciones",
         "Los contratos de bienes, servicios y obras, con su identificador en Mercado Público."),
        ("procurement", "Procurement",
         "Contracts for goods, services and works, with their Mercado Público identifier."),
    ),
    "f": (
        ("transferencias", "Transferencias de fondos públicos",
         "Los fondos que el Senado transfiere a organizaciones sin recibir bienes ni servicios a cambio."),
        ("transfers", "Transfers of public funds",
         "Funds the Senate transfers to organisations without receiving goods or services in return."),
    ),
    "g": (
        ("actos-y-resoluciones", "Actos y resoluciones con efectos sobre terceros",
         "Las resoluciones y acuerdos que afectan a personas u organizaciones ajenas al Senado."),
        ("acts-and-resolutions", "Acts and resolutions affecting third parties",
         "Resolutions and decisions that affect people or organisations outside the Senate."),
    ),
    "h": (
        ("tramites", "Trámites y requisitos",
         "Los servicios que prestamos a la ciudadanía, qué se necesita y dónde se solicitan."),
        ("procedures", "Procedures and requirements",
         "The services we provide to the public, what is needed and where to apply."),
    ),
    "i": (
        ("subsidios-y-beneficios", "Subsidios y beneficios",
         "Los programas de becas y beneficios, sus requisitos y cuántas personas los reciben."),
        ("subsidies-and-benefits", "Subsidies and benefits",
         "Grant and benefit programmes, their requirements and how many people receive them."),
    ),
    "j": (
        ("participacion-ciudadana", "Mecanismos de participación ciudadana",
         "Las vías para opinar y participar en el trabajo del Senado."),
        ("citizen-participation", "Citizen participation",
         "The ways to give your views and take part in the Senate's work."),
    ),
    "k": (
        ("presupuesto", "Presupuesto y su ejecución",
         "El presupuesto asignado al Senado y cuánto se ha gastado, mes a mes."),
        ("budget", "Budget and its execution",
         "The Senate's budget and how much of it has been spent, month by month."),
    ),
    "l": (
        ("auditorias", "Auditorías",
         "Las auditorías al ejercicio presupuestario, sus resultados y nuestras respuestas."),
        ("audits", "Audits",
         "Audits of the budget year, their findings and our responses."),
    ),
    "m": (
        ("entidades-en-que-participa", "Entidades en que participa",
         "Las organizaciones en que el Senado participa, está representado o interviene."),
        ("entities", "Entities we take part in",
         "The organisations in which the Senate takes part, is represented or has a role."),
    ),
}  # fmt: skip

STAFF_NOTE_ES = (
    "<p>Remuneración bruta mensualizada: lo que corresponde pagar en el mes antes de descuentos legales, "
    "incluidas las asignaciones permanentes. Las horas extraordinarias se informan aparte, en el mes en que "
    "se pagan.</p>"
)
STAFF_NOTE_EN = (
    "<p>Gross monthly pay: what is due for the month before statutory deductions, permanent allowances "
    "included. Overtime is reported separately, in the month it is paid.</p>"
)


def _page(slug, title, description, notes=""):
    return {"slug": slug, "title": title, "description": description, "notes": notes}


# Each dataset: its letter, ready-made schema, the rows generator (below) and its two pages.
DATASETS = [
    {
        "slug": "estructura-organica", "letter": "a", "schema": "Estructura orgánica", "rows": "units",
        "name": "Unidades y organigrama",
        "es": _page("unidades", "Unidades y organigrama",
                    "Cada unidad del Senado, la unidad de la que depende, el cargo de su jefatura y su correo."),
        "en": _page("units", "Units and organisation chart",
                    "Each unit of the Senate, the unit it reports to, its head's position and its e-mail."),
    },
    {
        "slug": "facultades-por-unidad", "letter": "b", "schema": "Facultades, funciones y atribuciones",
        "rows": "powers", "name": "Facultades por unidad",
        "es": _page("facultades-por-unidad", "Facultades por unidad",
                    "Las facultades, funciones y atribuciones de cada unidad y su fuente legal."),
        "en": _page("powers-by-unit", "Powers by unit",
                    "The powers, functions and attributions of each unit and their legal source."),
    },
    {
        "slug": "marco-normativo", "letter": "c", "schema": "Marco normativo", "rows": "norms",
        "name": "Normas aplicables",
        "es": _page("normas", "Normas aplicables",
                    "Leyes, reglamentos y normas internas que rigen al Senado, con enlace a su texto vigente."),
        "en": _page("rules", "Applicable rules",
                    "Laws, regulations and internal rules that govern the Senate, with links to their current text."),
    },
    {
        "slug": "personal-de-planta", "letter": "d", "schema": schemas.PLANTA, "rows": "planta",
        "name": "Personal de planta",
        "es": _page("planta", "Personal de planta",
                    "Funcionarios de planta del Senado: estamento, grado, cargo y remuneración bruta mensualizada.",
                    STAFF_NOTE_ES),
        "en": _page("permanent-staff", "Permanent staff",
                    "The Senate's permanent civil servants: staff category, pay grade, position and gross monthly pay.",
                    STAFF_NOTE_EN),
    },
    {
        "slug": "personal-a-contrata", "letter": "d", "schema": schemas.CONTRATA, "rows": "contrata",
        "name": "Personal a contrata",
        "es": _page("contrata", "Personal a contrata",
                    "Funcionarios a contrata, cuyo nombramiento dura hasta el 31 de diciembre: estamento, grado, "
                    "cargo y remuneración bruta mensualizada.", STAFF_NOTE_ES),
        "en": _page("fixed-term-staff", "Fixed-term staff",
                    "Civil servants on fixed-term appointments, which last until 31 December: staff category, "
                    "pay grade, position and gross monthly pay.", STAFF_NOTE_EN),
    },
    {
        "slug": "personal-codigo-del-trabajo", "letter": "d", "schema": schemas.CODIGO_DEL_TRABAJO,
        "rows": "labour_code", "name": "Personal contratado según Código del Trabajo",
        "es": _page("codigo-del-trabajo", "Personal contratado según Código del Trabajo",
                    "Trabajadores con contrato regido por el Código del Trabajo: cargo, jornada y remuneración "
                    "bruta mensualizada.", STAFF_NOTE_ES),
        "en": _page("labour-code-staff", "Staff employed under the Labour Code",
                    "Employees whose contracts are governed by the Labour Code: position, working hours and "
                    "gross monthly pay.", STAFF_NOTE_EN),
    },
    {
        "slug": "personal-a-honorarios", "letter": "d", "schema": schemas.HONORARIOS, "rows": "fees",
        "name": "Personas contratadas a honorarios",
        "es": _page("honorarios", "Personas contratadas a honorarios",
                    "Personas naturales contratadas a honorarios: la función que cumplen, el valor total de su "
                    "contrato y el pago mensual."),
        "en": _page("contractors", "Individual contractors",
                    "Individuals hired on fee-based contracts: the work they do, the total value of their contract "
                    "and the monthly payment."),
    },
    {
        "slug": "contrataciones", "letter": "e", "schema": "Contrataciones de bienes y servicios",
        "rows": "procurement", "name": "Contrataciones de bienes y servicios",
        "es": _page("contrataciones", "Contrataciones de bienes y servicios",
                    "Compras y contratos aprobados en el mes, con su proveedor, monto y enlace a Mercado Público."),
        "en": _page("contracts", "Contracts for goods and services",
                    "Purchases and contracts approved in the month, with their supplier, amount and a link to "
                    "Mercado Público."),
    },
    {
        "slug": NO_MOVEMENTS_DATASET, "letter": "f", "schema": "Transferencias de fondos públicos",
        "rows": "transfers", "name": "Transferencias de fondos públicos",
        "es": _page("transferencias-del-mes", "Transferencias de fondos públicos",
                    "Fondos transferidos a organizaciones sin fines de lucro y universidades, por convenio."),
        "en": _page("transfers-of-the-month", "Transfers of public funds",
                    "Funds transferred to non-profit organisations and universities under agreements."),
    },
    {
        "slug": LATE_DATASET, "letter": "g", "schema": "Actos y resoluciones con efectos sobre terceros",
        "rows": "acts", "name": "Actos y resoluciones",
        "es": _page("resoluciones", "Actos y resoluciones",
                    "Resoluciones y acuerdos del mes con efectos sobre terceros, con enlace a su texto íntegro."),
        "en": _page("resolutions", "Acts and resolutions",
                    "The month's resolutions and decisions affecting third parties, with links to their full text."),
    },
    {
        "slug": "tramites", "letter": "h", "schema": "Trámites y requisitos", "rows": "procedures",
        "name": "Trámites ante el Senado",
        "es": _page("tramites-ante-el-senado", "Trámites ante el Senado",
                    "Qué servicios prestamos a la ciudadanía, qué requisitos tienen y dónde se solicitan."),
        "en": _page("services", "Services of the Senate",
                    "The services we provide to the public, their requirements and where to apply."),
    },
    {
        "slug": "subsidios-y-beneficios", "letter": "i", "schema": "Subsidios y beneficios", "rows": "benefits",
        "name": "Programas de becas y beneficios",
        "es": _page("programas", "Programas de becas y beneficios",
                    "Becas, premios y pasantías que otorga el Senado, sus requisitos y el número de beneficiarios."),
        "en": _page("programmes", "Grant and benefit programmes",
                    "Grants, awards and internships offered by the Senate, their requirements and the number of "
                    "beneficiaries."),
    },
    {
        "slug": "participacion-ciudadana", "letter": "j", "schema": "Mecanismos de participación ciudadana",
        "rows": "participation", "name": "Mecanismos de participación",
        "es": _page("mecanismos", "Mecanismos de participación",
                    "Consultas, audiencias y consejos a través de los cuales la ciudadanía participa."),
        "en": _page("mechanisms", "Participation mechanisms",
                    "Consultations, hearings and councils through which the public takes part."),
    },
    {
        "slug": "ejecucion-presupuestaria", "letter": "k", "schema": "Ejecución presupuestaria", "rows": "budget",
        "name": "Ejecución presupuestaria",
        "es": _page("ejecucion-presupuestaria", "Ejecución presupuestaria",
                    "Presupuesto vigente y gasto acumulado del año por subtítulo e ítem, al cierre de cada mes.",
                    "<p>Cifras acumuladas desde enero. El porcentaje ejecutado es el gasto devengado sobre el "
                    "presupuesto vigente, redondeado.</p>"),
        "en": _page("budget-execution", "Budget execution",
                    "Current budget and the year's cumulative spending by subtitle and item, at the end of each month.",
                    "<p>Figures are cumulative from January. The percentage spent is accrued expenditure over the "
                    "current budget, rounded.</p>"),
    },
    {
        "slug": "auditorias", "letter": "l", "schema": "Auditorías", "rows": "audits",
        "name": "Auditorías al ejercicio presupuestario",
        "es": _page("auditorias-realizadas", "Auditorías realizadas",
                    "Auditorías internas y externas terminadas, su resultado y la respuesta del Senado."),
        "en": _page("completed-audits", "Completed audits",
                    "Completed internal and external audits, their findings and the Senate's response."),
    },
    {
        "slug": "entidades", "letter": "m", "schema": "Entidades en que se participa", "rows": "entities",
        "name": "Entidades en que participa el Senado",
        "es": _page("entidades-participadas", "Entidades en que participa el Senado",
                    "Organizaciones nacionales e internacionales en que el Senado participa o está representado."),
        "en": _page("memberships", "Organisations the Senate belongs to",
                    "National and international organisations in which the Senate takes part or is represented."),
    },
]  # fmt: skip


# ---------------------------------------------------------------------------------------
# Invented people, companies and organisations
# ---------------------------------------------------------------------------------------

FEMALE_NAMES = [
    "María", "Camila", "Javiera", "Francisca", "Catalina", "Constanza", "Valentina", "Carolina", "Daniela",
    "Paula", "Claudia", "Macarena", "Fernanda", "Andrea", "Isidora", "Antonia", "Beatriz", "Soledad",
]  # fmt: skip
MALE_NAMES = [
    "José", "Juan", "Sebastián", "Matías", "Felipe", "Rodrigo", "Cristián", "Andrés", "Gonzalo", "Patricio",
    "Ignacio", "Tomás", "Diego", "Luis", "Manuel", "Pablo", "Nicolás", "Francisco",
]  # fmt: skip
SURNAMES = [
    "González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras", "Silva", "Martínez", "Sepúlveda",
    "Morales", "Rodríguez", "López", "Fuentes", "Hernández", "Torres", "Araya", "Flores", "Espinoza",
    "Valenzuela", "Castillo", "Tapia", "Reyes", "Gutiérrez", "Castro", "Pizarro", "Álvarez", "Vásquez",
    "Sánchez", "Fernández", "Carrasco", "Cortés", "Núñez", "Jara", "Vergara", "Riquelme",
]  # fmt: skip
REGIONS = ["Región de Valparaíso"] * 7 + ["Región Metropolitana de Santiago"] * 3

# Estamento: (lowest grade, highest grade, [(position, feminine form, qualifications that lead to it)])
LAW, JOURNALISM, IT = "Licenciatura en Derecho", "Periodismo", "Ingeniería Civil en Informática"
ACCOUNTING, PUBLIC_ADMIN, ECONOMICS = "Contador Auditor", "Administración Pública", "Ingeniería Comercial"
SCHOOL = "Enseñanza media completa"
ESTAMENTOS = {
    "Directivo": (3, 5, [
        ("Jefe del Departamento de Finanzas", "Jefa del Departamento de Finanzas", [ECONOMICS, ACCOUNTING]),
        ("Jefe del Departamento de Personal", "Jefa del Departamento de Personal", [PUBLIC_ADMIN, "Psicología"]),
        ("Jefe de la Oficina de Presupuestos", "Jefa de la Oficina de Presupuestos", [ECONOMICS]),
        ("Jefe de la Unidad de Transparencia", "Jefa de la Unidad de Transparencia", [LAW, PUBLIC_ADMIN]),
        ("Secretario de Transformación Digital", "Secretaria de Transformación Digital",
         [IT, "Ingeniería Civil Industrial"]),
    ]),
    "Profesional": (6, 12, [
        ("Abogado secretario de comisión", "Abogada secretaria de comisión", [LAW]),
        ("Abogado ayudante", "Abogada ayudante", [LAW]),
        ("Analista de presupuesto", "Analista de presupuesto", [ECONOMICS, PUBLIC_ADMIN]),
        ("Periodista", "Periodista", [JOURNALISM]),
        ("Ingeniero de sistemas", "Ingeniera de sistemas", [IT]),
        ("Analista de datos", "Analista de datos", [IT, "Sociología", "Ingeniería en Estadística"]),
        ("Contador auditor", "Contadora auditora", [ACCOUNTING]),
        ("Bibliotecario documentalista", "Bibliotecaria documentalista", ["Bibliotecología"]),
    ]),
    "Técnico": (12, 17, [
        ("Técnico en soporte informático", "Técnica en soporte informático",
         ["Técnico de nivel superior en Informática"]),
        ("Técnico en contabilidad", "Técnica en contabilidad", ["Técnico de nivel superior en Contabilidad"]),
        ("Redactor de actas", "Redactora de actas", ["Técnico de nivel superior en Administración", SCHOOL]),
        ("Taquígrafo de sesiones", "Taquígrafa de sesiones", ["Taquigrafía parlamentaria"]),
    ]),
    "Administrativo": (16, 22, [
        ("Administrativo de oficina de partes", "Administrativa de oficina de partes", [SCHOOL]),
        ("Asistente administrativo", "Asistente administrativa", ["Secretariado ejecutivo", SCHOOL]),
        ("Encargado de archivo", "Encargada de archivo", [SCHOOL]),
        ("Oficial de sala", "Oficial de sala", [SCHOOL]),
    ]),
    "Auxiliar": (21, 25, [
        ("Auxiliar de servicios", "Auxiliar de servicios", [SCHOOL, "Enseñanza básica completa"]),
        ("Conductor", "Conductora", ["Licencia de conducir profesional A2"]),
        ("Mayordomo", "Mayordoma", [SCHOOL]),
        ("Portero", "Portera", [SCHOOL, "Enseñanza básica completa"]),
    ]),
}  # fmt: skip
PLANTA_MIX = ["Directivo"] * 3 + ["Profesional"] * 10 + ["Técnico"] * 6 + ["Administrativo"] * 8 + ["Auxiliar"] * 5
CONTRATA_MIX = ["Profesional"] * 14 + ["Técnico"] * 9 + ["Administrativo"] * 9 + ["Auxiliar"] * 3

LABOUR_CODE_JOBS = [
    ("Guardia de seguridad", "Enseñanza media completa", 42),
    ("Chofer de comisiones en regiones", "Licencia de conducir profesional A2", 42),
    ("Telefonista", "Enseñanza media completa", 42),
    ("Garzón del comedor del Senado", "Enseñanza media completa", 42),
    ("Auxiliar de aseo", "Enseñanza básica completa", 42),
    ("Intérprete de lengua de señas", "Intérprete de Lengua de Señas Chilena", 22),
    ("Camarógrafo de TV Senado", "Técnico de nivel superior en Comunicación Audiovisual", 42),
    ("Editor de video", "Comunicación Audiovisual", 42),
    ("Electricista de mantención", "Técnico en Electricidad", 42),
]
FEE_WORK = [
    ("Asesoría legislativa a la Comisión de Hacienda", "Licenciatura en Economía", 2_400_000),
    ("Asesoría jurídica en proyectos de ley de probidad", "Licenciatura en Derecho", 2_200_000),
    ("Digitalización del archivo histórico de sesiones", "Técnico en Bibliotecología", 950_000),
    ("Diseño gráfico de publicaciones institucionales", "Diseño Gráfico", 1_300_000),
    ("Traducción al inglés de documentos de relaciones internacionales", "Traducción Inglés-Español", 1_450_000),
    ("Desarrollo de software para el portal de datos abiertos", "Ingeniería Civil en Informática", 2_600_000),
    ("Monitoreo de prensa regional", "Periodismo", 1_100_000),
    ("Apoyo en talleres de formación cívica en colegios", "Pedagogía en Historia", 900_000),
    ("Evaluación de accesibilidad del sitio web", "Ingeniería en Informática", 1_800_000),
    ("Transcripción de audiencias públicas", "Técnico en Administración", 780_000),
    ("Asesoría en gestión documental", "Bibliotecología", 1_650_000),
    ("Fotografía de actividades oficiales", "Fotografía Profesional", 1_050_000),
]

COMPANIES = [
    ("Servicios Integrales del Pacífico SpA", 76_482_115),
    ("Comercializadora Cerro Alegre Ltda.", 77_015_372),
    ("Tecnologías Cordillera S.A.", 96_845_220),
    ("Imprenta Puerto Claro Ltda.", 78_230_604),
    ("Aseo y Mantención Costanera SpA", 76_911_487),
    ("Librería Jurídica Almendral Ltda.", 77_402_958),
    ("Transportes Quinta Costa SpA", 76_127_841),
    ("Climatización Andina Ltda.", 78_664_019),
    ("Banquetería Los Placeres SpA", 77_839_506),
    ("Soluciones Digitales Bicentenario SpA", 76_350_772),
]
PURCHASES = [
    ("Servicio de aseo de las dependencias de Valparaíso", 4, 18_000_000, 65_000_000),
    ("Adquisición de tóner y papel para impresoras", 1, 900_000, 6_500_000),
    ("Mantención preventiva de ascensores", 7, 2_500_000, 14_000_000),
    ("Licencias de software de ofimática", 9, 12_000_000, 48_000_000),
    ("Servicio de transcripción de sesiones de comisiones", 9, 6_000_000, 22_000_000),
    ("Arriendo de vehículos para sesiones en regiones", 6, 1_500_000, 9_000_000),
    ("Servicio de alimentación para sesiones especiales", 8, 700_000, 4_800_000),
    ("Mantención de equipos de climatización", 7, 2_000_000, 11_000_000),
    ("Suscripción a bases de datos jurídicas", 5, 3_500_000, 15_000_000),
    ("Impresión de la cuenta pública", 3, 1_200_000, 5_500_000),
    ("Adquisición de notebooks para comisiones", 9, 8_000_000, 35_000_000),
    ("Servicio de soporte del sistema de votación electrónica", 2, 9_000_000, 30_000_000),
]
PROCUREMENT_METHODS = [("Licitación pública", "LE"), ("Convenio marco", "CM"), ("Trato directo", "SE"),
                       ("Compra ágil", "COT")]
RECIPIENTS = [
    ("Fundación Ciudadanía Activa", 65_104_227),
    ("Corporación Cultural Puerto Alto", 65_087_913),
    ("Centro de Estudios Regionales del Norte", 65_211_406),
    ("ONG Jóvenes por la Democracia", 65_176_558),
    ("Corporación Universitaria del Litoral", 71_345_600),
    ("Fundación Lectura en Voz Alta", 65_093_381),
]
TRANSFER_PROGRAMS = [
    ("Convenio de formación cívica en liceos públicos", "24-01-001"),
    ("Aporte a seminarios de debate legislativo universitario", "24-01-002"),
    ("Programa de lectura fácil de leyes", "24-01-003"),
    ("Convenio de pasantías de investigación legislativa", "24-01-004"),
]
ACT_SUBJECTS = [
    "Aprueba bases de licitación del servicio de aseo de las dependencias de Valparaíso",
    "Aprueba convenio de colaboración con la Corporación Universitaria del Litoral",
    "Fija el horario de atención de la Oficina de Informaciones",
    "Llama a concurso público para proveer un cargo de profesional grado 9",
    "Aprueba el reglamento de uso de salas por organizaciones de la sociedad civil",
    "Adjudica la licitación de mantención de ascensores",
    "Aprueba el calendario de audiencias públicas de la Comisión de Educación",
    "Declara desierta la licitación de arriendo de vehículos",
    "Aprueba el procedimiento de atención de solicitudes de acceso a la información",
    "Otorga el patrocinio del Senado al seminario de transparencia legislativa",
    "Aprueba las bases del concurso Premio Senado a la investigación legislativa",
    "Modifica el convenio de formación cívica en liceos públicos",
]
ACT_TYPES = ["Resolución exenta"] * 4 + ["Acuerdo de la Comisión de Régimen Interior", "Resolución"]

UNITS = [
    ("Mesa del Senado", "", 1, "Presidencia del Senado", "mesa"),
    ("Secretaría General", "Mesa del Senado", 2, "Secretario General", "secretaria.general"),
    ("Prosecretaría", "Secretaría General", 3, "Prosecretario", "prosecretaria"),
    ("Secretaría de Comisiones", "Secretaría General", 3, "Jefatura de Comisiones", "comisiones"),
    ("Oficina de Presupuestos", "Secretaría General", 3, "Jefatura de la Oficina de Presupuestos", "presupuestos"),
    ("Departamento de Finanzas", "Secretaría General", 3, "Jefatura de Finanzas", "finanzas"),
    ("Departamento de Personal", "Secretaría General", 3, "Jefatura de Personal", "personal"),
    ("Secretaría de Transformación Digital", "Secretaría General", 3, "Secretaría de Transformación Digital",
     "digital"),
    ("Departamento de Comunicaciones", "Secretaría General", 3, "Jefatura de Comunicaciones", "comunicaciones"),
    ("Departamento de Servicios Generales", "Secretaría General", 3, "Jefatura de Servicios Generales",
     "servicios.generales"),
    ("Unidad de Transparencia", "Prosecretaría", 4, "Encargado de Transparencia", "transparencia"),
    ("Oficina de Informaciones", "Prosecretaría", 4, "Jefatura de la Oficina de Informaciones", "informaciones"),
    ("Contraloría Interna", "Mesa del Senado", 2, "Contralor Interno", "contraloria"),
]  # fmt: skip
POWERS = {
    "Secretaría General": "Dirigir los servicios administrativos del Senado, dar fe de sus acuerdos y "
    "custodiar sus archivos.",
    "Prosecretaría": "Subrogar al Secretario General y coordinar la atención ciudadana y la transparencia.",
    "Secretaría de Comisiones": "Asistir a las comisiones legislativas: citaciones, actas, informes y "
    "comparados.",
    "Oficina de Presupuestos": "Preparar el proyecto de presupuesto del Senado y controlar su ejecución.",
    "Departamento de Finanzas": "Pagar las obligaciones del Senado, llevar su contabilidad y rendir cuentas.",
    "Departamento de Personal": "Administrar los nombramientos, contratos, remuneraciones y capacitación "
    "del personal.",
    "Secretaría de Transformación Digital": "Coordinar los servicios en línea, los datos abiertos y la "
    "gestión documental.",
    "Departamento de Comunicaciones": "Informar sobre la actividad del Senado y administrar sus canales "
    "de difusión.",
    "Departamento de Servicios Generales": "Mantener los edificios, vehículos y servicios de apoyo del "
    "Senado.",
    "Unidad de Transparencia": "Publicar y actualizar la información de transparencia activa y tramitar "
    "las solicitudes de acceso a la información.",
    "Oficina de Informaciones": "Orientar a la ciudadanía y recibir sus consultas, reclamos y sugerencias.",
    "Contraloría Interna": "Auditar la gestión administrativa y financiera y verificar el cumplimiento de "
    "la normativa interna.",
}
NORMS = [
    ("Decreto supremo", "100", "Fija el texto refundido, coordinado y sistematizado de la Constitución "
     "Política de la República", datetime.date(2005, 9, 22), "https://www.bcn.cl/leychile/navegar?idNorma=242302"),
    ("Ley", "18.918", "Orgánica Constitucional del Congreso Nacional", datetime.date(1990, 2, 5),
     "https://www.bcn.cl/leychile/navegar?idLey=18918"),
    ("Ley", "20.285", "Sobre acceso a la información pública", datetime.date(2008, 8, 20),
     "https://www.bcn.cl/leychile/navegar?idLey=20285"),
    ("Ley", "20.730", "Regula el lobby y las gestiones que representen intereses particulares ante las "
     "autoridades y funcionarios", datetime.date(2014, 3, 8), "https://www.bcn.cl/leychile/navegar?idLey=20730"),
    ("Ley", "20.880", "Sobre probidad en la función pública y prevención de los conflictos de intereses",
     datetime.date(2016, 1, 5), "https://www.bcn.cl/leychile/navegar?idLey=20880"),
    ("Ley", "19.886", "De bases sobre contratos administrativos de suministro y prestación de servicios",
     datetime.date(2003, 7, 30), "https://www.bcn.cl/leychile/navegar?idLey=19886"),
    ("Ley", "19.880", "Establece bases de los procedimientos administrativos que rigen los actos de los "
     "órganos de la administración del Estado", datetime.date(2003, 5, 29),
     "https://www.bcn.cl/leychile/navegar?idLey=19880"),
    ("Ley", "19.628", "Sobre protección de la vida privada", datetime.date(1999, 8, 28),
     "https://www.bcn.cl/leychile/navegar?idLey=19628"),
    ("Ley", "21.180", "De transformación digital del Estado", datetime.date(2019, 11, 11),
     "https://www.bcn.cl/leychile/navegar?idLey=21180"),
    ("Reglamento", "", "Reglamento del Senado", None, f"{WEB}/normativa/reglamento-del-senado"),
    ("Reglamento", "", "Reglamento del Personal del Senado", None, f"{WEB}/normativa/reglamento-del-personal"),
]  # fmt: skip
NEW_NORM = ("Resolución", "412", "Aprueba la política de datos abiertos del Senado", None,
            f"{WEB}/normativa/politica-de-datos-abiertos")  # fmt: skip
PROCEDURES = [
    ("Solicitud de acceso a la información pública", "Pedir cualquier información que obre en poder del "
     "Senado, sin expresar causa.", "Nombre, una dirección o correo para la respuesta y la información que se "
     "pide.", "Formulario en línea u Oficina de Informaciones, Valparaíso", None,
     "20 días hábiles, prorrogables por 10", f"{WEB}/solicitar-informacion"),
    ("Solicitud de audiencia (Ley del Lobby)", "Pedir una reunión con un senador o funcionario sujeto pasivo "
     "de la Ley 20.730.", "Identificación del solicitante, a quién representa y la materia de la reunión.",
     "Plataforma de la Ley del Lobby", None, "3 días hábiles", f"{WEB}/lobby"),
    ("Visita guiada al Congreso Nacional", "Recorrido por la sala de sesiones y los salones del Senado.",
     "Reserva con al menos 10 días hábiles de anticipación; grupos de hasta 40 personas.",
     "Edificio del Congreso Nacional, Valparaíso", None, "5 días hábiles", f"{WEB}/visitas"),
    ("Acreditación de prensa", "Credencial para cubrir las sesiones de sala y de comisiones.",
     "Carta del medio de comunicación y fotografía tamaño carné.", "Departamento de Comunicaciones", None,
     "5 días hábiles", f"{WEB}/prensa/acreditacion"),
    ("Certificado de tramitación de un proyecto de ley", "Certificado del estado de tramitación de un "
     "proyecto de ley.", "Número de boletín del proyecto.", "Oficina de Informaciones", 2_500,
     "3 días hábiles", f"{WEB}/certificados"),
    ("Reserva de salas para actividades ciudadanas", "Uso de salas del Senado por organizaciones de la "
     "sociedad civil.", "Organización con personalidad jurídica vigente y programa de la actividad.",
     "Departamento de Servicios Generales", None, "10 días hábiles", f"{WEB}/salas"),
]  # fmt: skip
BENEFITS = [
    ("Programa Senado Joven", "Departamento de Comunicaciones", "Estudiantes de enseñanza media de "
     "establecimientos de todo el país, en equipos de tres.", "Marzo a mayo", "Evaluación de un proyecto de "
     "ley redactado por el equipo", 350_000, 45, f"{WEB}/senado-joven"),
    ("Becas de pasantía legislativa", "Secretaría de Comisiones", "Estudiantes de último año de Derecho, "
     "Ciencia Política o Periodismo.", "Enero y julio", "Antecedentes académicos y entrevista", 450_000, 12,
     f"{WEB}/pasantias"),
    ("Premio Senado a la investigación legislativa", "Secretaría General", "Tesis de pregrado o posgrado sobre "
     "el Congreso Nacional, defendidas en los últimos dos años.", "Abril a junio", "Jurado de académicos",
     2_000_000, 3, f"{WEB}/premio-investigacion"),
    ("Fondo concursable de formación cívica", "Prosecretaría", "Organizaciones comunitarias con personalidad "
     "jurídica vigente.", "Agosto a septiembre", "Puntaje según pauta publicada en las bases", 1_500_000, 18,
     f"{WEB}/fondo-formacion-civica"),
    ("Beca de lengua de señas", "Departamento de Personal", "Funcionarios que atienden público.",
     "Todo el año", "Orden de postulación", 280_000, 9, f"{WEB}/beca-lengua-de-senas"),
]  # fmt: skip
PARTICIPATION = [
    ("Senador Virtual", "Opinar y votar en línea sobre proyectos de ley en tramitación.", "Registrarse con "
     "un correo electrónico.", datetime.date(2003, 6, 1), None, f"{WEB}/senador-virtual"),
    ("Audiencias públicas en comisiones", "Exponer ante una comisión la opinión de una organización sobre un "
     "proyecto de ley.", "Solicitar audiencia a la secretaría de la comisión.", None, None, f"{WEB}/audiencias"),
    ("Consejo de la Sociedad Civil", "Asesorar a la Mesa en la relación del Senado con la ciudadanía.",
     "Organizaciones sin fines de lucro inscritas en el registro del Consejo.", datetime.date(2019, 4, 1), None,
     f"{WEB}/cosoc"),
    ("Cuenta pública participativa", "Recoger preguntas y comentarios sobre la cuenta pública anual.",
     "Enviar preguntas por el formulario durante el período de consulta.", None, None, f"{WEB}/cuenta-publica"),
    ("Oficina de informaciones, reclamos y sugerencias", "Recibir consultas, reclamos y sugerencias sobre "
     "la atención del Senado.", "Ninguno.", datetime.date(2009, 4, 20), None, f"{WEB}/oirs"),
]  # fmt: skip
ENTITIES = [
    ("Parlamento Latinoamericano y Caribeño", "", "Miembro", "Delegación de senadores en sus comisiones "
     "permanentes.", datetime.date(1987, 11, 1), None, f"{WEB}/relaciones-internacionales/parlatino"),
    ("Unión Interparlamentaria", "", "Miembro", "El Congreso Nacional es miembro; el Senado integra su "
     "grupo nacional.", datetime.date(1990, 3, 11), None, f"{WEB}/relaciones-internacionales/uip"),
    ("Biblioteca del Congreso Nacional", "", "Dependencia común del Congreso", "Integra su comisión "
     "directiva con la Cámara de Diputadas y Diputados.", datetime.date(1990, 3, 11), None,
     f"{WEB}/normativa/biblioteca-del-congreso"),
    ("Red Parlamentaria para la Apertura Legislativa", "", "Participante", "Compromisos de parlamento abierto "
     "y datos legislativos abiertos.", datetime.date(2016, 5, 1), None, f"{WEB}/parlamento-abierto"),
    ("Corporación Universitaria del Litoral", "71.345.600-1", "Convenio de colaboración", "Pasantías de "
     "investigación legislativa y uso compartido de la biblioteca.", datetime.date(2024, 3, 1),
     datetime.date(2027, 2, 28), f"{WEB}/convenios/universitaria-del-litoral"),
]  # fmt: skip
BUDGET_LINES = [
    (21, None, "Gastos en personal", 41_800_000_000),
    (22, 1, "Alimentos y bebidas", 310_000_000),
    (22, 3, "Combustibles y lubricantes", 95_000_000),
    (22, 4, "Materiales de uso o consumo", 420_000_000),
    (22, 6, "Mantenimiento y reparaciones", 1_150_000_000),
    (22, 7, "Publicidad y difusión", 380_000_000),
    (22, 8, "Servicios generales", 2_260_000_000),
    (22, 9, "Arriendos", 640_000_000),
    (22, 11, "Servicios técnicos y profesionales", 1_730_000_000),
    (23, None, "Prestaciones de seguridad social", 520_000_000),
    (24, 1, "Transferencias corrientes al sector privado", 210_000_000),
    (29, 4, "Mobiliario y otros", 180_000_000),
    (29, 6, "Equipos informáticos", 760_000_000),
    (29, 7, "Programas informáticos", 930_000_000),
    (34, 7, "Deuda flotante", 150_000_000),
]
AUDITS = [
    ("Contraloría Interna del Senado", "Control de asistencia y horas extraordinarias"),
    ("Auditores externos independientes", "Estados financieros del ejercicio anterior"),
    ("Contraloría Interna del Senado", "Procesos de compras y contrataciones"),
    ("Contraloría Interna del Senado", "Inventario de bienes muebles"),
    ("Auditores externos independientes", "Seguridad de la información"),
    ("Contraloría Interna del Senado", "Rendición de fondos de transferencias"),
    ("Contraloría Interna del Senado", "Pago de viáticos y cometidos funcionales"),
    ("Auditores externos independientes", "Ejecución presupuestaria del primer semestre"),
    ("Contraloría Interna del Senado", "Cumplimiento de transparencia activa"),
    ("Contraloría Interna del Senado", "Uso de vehículos institucionales"),
]
AUDIT_RESULTS = [
    ("Sin observaciones.", ""),
    ("Observaciones menores de registro; se instruyeron correcciones.", "Se corrigieron los registros "
     "observados dentro del plazo."),
    ("Se recomendó reforzar los controles de respaldo documental.", "Se actualizó el procedimiento interno."),
    ("Diferencias de inventario por bienes dados de baja sin resolución.", "Se dictó la resolución de baja "
     "pendiente."),
]


# ---------------------------------------------------------------------------------------
# Rows: for each dataset, a list of row dicts (column key → value) per month
# ---------------------------------------------------------------------------------------


def add_months(day, months):
    years, month = divmod(day.month - 1 + months, 12)
    return datetime.date(day.year + years, month + 1, 1)


def end_of_month(period):
    return add_months(period, 1) - datetime.timedelta(days=1)


def random_day(rng, first, last):
    return first + datetime.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def company_rut(number):
    """A RUT with its check digit (módulo 11), as companies' tax ids are written: 76.482.115-3."""
    total, factor = 0, 2
    for digit in reversed(str(number)):
        total += int(digit) * factor
        factor = 2 if factor == 7 else factor + 1
    check = {10: "K", 11: "0"}.get(11 - total % 11, str(11 - total % 11))
    return f"{number:,}".replace(",", ".") + f"-{check}"


def person(rng, used):
    while True:
        female = rng.random() < 0.5
        names = FEMALE_NAMES if female else MALE_NAMES
        first, second = rng.sample(names, 2)
        surname, second_surname = rng.choice(SURNAMES), rng.choice(SURNAMES)
        if (first, surname, second_surname) not in used:
            used.add((first, surname, second_surname))
            return {
                "female": female,
                "apellido_paterno": surname,
                "apellido_materno": second_surname,
                "nombres": f"{first} {second}",
            }


def period_columns(period):
    return {"anio": str(period.year), "mes": MESES[period.month - 1]}


def pesos(amount, digits=-3):
    """A whole amount in pesos, rounded to thousands by default."""
    return int(round(amount, digits))


def gross_pay(grade):
    """The single pay scale (EUS), invented: each grade about 9.5 % below the one above it."""
    return pesos(7_400_000 * 0.905 ** (grade - 3))


def staff_roster(rng, mix, periods, size, movements):
    """People on the payroll, some joining or leaving during the months shown."""
    used, roster, heads = set(), [], set()
    window_start, window_end = periods[0], end_of_month(periods[-1])
    for number in range(size):
        estamento = rng.choice(mix)
        low, high, positions = ESTAMENTOS[estamento]
        if estamento == "Directivo":  # one head per department
            positions = [position for position in positions if position[0] not in heads] or positions
        masculine, feminine, qualifications = rng.choice(positions)
        heads.add(masculine)
        someone = person(rng, used)
        grade = rng.randint(low, high)
        start = random_day(rng, datetime.date(1998, 1, 1), window_start - datetime.timedelta(days=30))
        end = None
        if number < movements:  # joins during the window
            start = random_day(rng, add_months(window_start, 1), window_end)
        elif number < 2 * movements:  # leaves during the window
            end = random_day(rng, window_start, add_months(window_end, -1))
        roster.append({
            **someone,
            "estamento": estamento,
            "grado_eus": grade,
            "calificacion_profesional": rng.choice(qualifications),
            "cargo": feminine if someone["female"] else masculine,
            "region": rng.choice(REGIONS),
            "asignaciones_especiales": "Asignación de función crítica" if estamento == "Directivo" else "",
            "fecha_inicio": start,
            "fecha_termino": end,
            "overtime": estamento in ("Técnico", "Administrativo", "Auxiliar") and rng.random() < 0.6,
        })  # fmt: skip
    return roster


def active(member, period):
    return member["fecha_inicio"] <= end_of_month(period) and (
        member["fecha_termino"] is None or member["fecha_termino"] >= period
    )


def overtime(rng, member, gross):
    if not member.get("overtime") or rng.random() < 0.3:
        return {"horas_extra_diurnas": None, "horas_extra_nocturnas": None, "pago_horas_extra": None}
    day, night = rng.randint(2, 16), rng.choice([0, 0, 2, 4, 6])
    return {
        "horas_extra_diurnas": day,
        "horas_extra_nocturnas": night or None,
        "pago_horas_extra": pesos(gross / 190 * (1.25 * day + 1.5 * night), 0),
    }


def civil_service_rows(rng, periods, mix, size, fixed_term):
    roster = staff_roster(rng, mix, periods, size, movements=2)
    months = []
    for period in periods:
        rows = []
        for member in roster:
            if not active(member, period):
                continue
            gross = gross_pay(member["grado_eus"]) * (1.2 if member["asignaciones_especiales"] else 1)
            end = member["fecha_termino"] or (datetime.date(period.year, 12, 31) if fixed_term else None)
            remark = ""
            if member["fecha_inicio"] >= period:
                remark = "Ingresa en el mes."
            elif member["fecha_termino"] and member["fecha_termino"] <= end_of_month(period):
                remark = "Cesa en funciones en el mes."
            rows.append({
                **period_columns(period),
                **{key: member[key] for key in (
                    "estamento", "apellido_paterno", "apellido_materno", "nombres", "grado_eus",
                    "calificacion_profesional", "cargo", "region", "asignaciones_especiales", "fecha_inicio",
                )},
                "remuneracion_bruta": pesos(gross),
                "remuneracion_liquida": pesos(gross * 0.79, 0),
                **overtime(rng, member, gross),
                "fecha_termino": end,
                "observaciones": remark,
            })  # fmt: skip
        months.append(rows)
    return months


def planta_rows(rng, periods):
    return civil_service_rows(rng, periods, PLANTA_MIX, 34, fixed_term=False)


def contrata_rows(rng, periods):
    return civil_service_rows(rng, periods, CONTRATA_MIX, 38, fixed_term=True)


def labour_code_rows(rng, periods):
    used = set()
    staff = []
    for job, qualification, hours in LABOUR_CODE_JOBS:
        staff.append({
            **person(rng, used), "cargo": job, "calificacion_profesional": qualification, "jornada_horas": hours,
            "gross": pesos(rng.randint(780, 1_650) * 1000 * hours / 42), "region": rng.choice(REGIONS),
            "fecha_inicio": random_day(rng, datetime.date(2008, 1, 1), datetime.date(2024, 12, 31)),
            "overtime": job.startswith(("Guardia", "Chofer", "Camarógrafo")),
        })  # fmt: skip
    return [
        [
            {
                **period_columns(period),
                **{key: member[key] for key in (
                    "apellido_paterno", "apellido_materno", "nombres", "calificacion_profesional", "cargo",
                    "jornada_horas", "region", "fecha_inicio",
                )},
                "remuneracion_bruta": member["gross"],
                "remuneracion_liquida": pesos(member["gross"] * 0.8, 0),
                **overtime(rng, member, member["gross"]),
                "fecha_termino": None,
                "observaciones": "Jornada parcial." if member["jornada_horas"] < 42 else "",
            }  # fmt: skip
            for member in staff
        ]
        for period in periods
    ]


def fee_rows(rng, periods):
    """Most contracts run for the calendar year (renewed each January); a few start or end in the months shown."""
    used = set()
    contracts = []
    for index, (work, qualification, monthly) in enumerate(FEE_WORK):
        contract = {
            **person(rng, used), "descripcion_funcion": work, "calificacion_profesional": qualification,
            "region": rng.choice(REGIONS), "pago_mensual": monthly, "fecha_inicio": None, "fecha_termino": None,
        }  # fmt: skip
        if index % 4 == 0:
            contract["fecha_inicio"] = add_months(periods[0], index % 6)
            ends = add_months(contract["fecha_inicio"], rng.choice([3, 6]))
            contract["fecha_termino"] = ends - datetime.timedelta(days=1)
        contracts.append(contract)

    def row(period, contract):
        start = contract["fecha_inicio"] or datetime.date(period.year, 1, 1)
        end = contract["fecha_termino"] or datetime.date(period.year, 12, 31)
        if not start <= end_of_month(period) or not end >= period:
            return None
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        return {
            **period_columns(period),
            **{key: contract[key] for key in (
                "apellido_paterno", "apellido_materno", "nombres", "descripcion_funcion", "calificacion_profesional",
                "region", "pago_mensual",
            )},
            "remuneracion_total": contract["pago_mensual"] * months,
            "fecha_inicio": start,
            "fecha_termino": end,
            "observaciones": "",
        }  # fmt: skip

    return [[r for r in (row(period, contract) for contract in contracts) if r] for period in periods]


def procurement_rows(rng, periods):
    months = []
    order = 100
    for period in periods:
        rows = []
        for _row in range(rng.randint(8, 16)):
            purpose, months_long, low, high = rng.choice(PURCHASES)
            method, code = rng.choice(PROCUREMENT_METHODS)
            supplier, rut = rng.choice(COMPANIES)
            order += rng.randint(1, 9)
            purchase_id = f"5471-{order}-{code}{period:%y}"
            approved = random_day(rng, period, end_of_month(period))
            starts = approved + datetime.timedelta(days=rng.randint(3, 20))
            rows.append({
                "tipo_compra": method,
                "id_mercado_publico": purchase_id,
                "enlace_mercado_publico": MERCADO_PUBLICO + purchase_id,
                "proveedor": supplier,
                "rut_proveedor": company_rut(rut),
                "objeto": purpose,
                "acto_aprobatorio": f"Resolución exenta N° {rng.randint(200, 1800)}",
                "fecha": approved,
                "fecha_inicio": starts,
                "fecha_termino": add_months(starts, months_long) - datetime.timedelta(days=1),
                "monto_total": round(rng.randint(low, high), -3),
                "enlace_contrato": f"{WEB}/transparencia/contratos/{purchase_id.lower()}.pdf",
            })  # fmt: skip
        months.append(sorted(rows, key=lambda row: row["fecha"]))
    return months


def transfer_rows(rng, periods):
    months = []
    for period in periods:
        rows = []
        for _row in range(rng.randint(5, 9)):
            program, line = rng.choice(TRANSFER_PROGRAMS)
            recipient, rut = rng.choice(RECIPIENTS)
            number = rng.randint(300, 1900)
            rows.append({
                "fecha": random_day(rng, period, end_of_month(period)),
                "denominacion": program,
                "imputacion_presupuestaria": line,
                "receptor": recipient,
                "rut_receptor": company_rut(rut),
                "finalidad": "Ejecución de las actividades del convenio, según rendición mensual.",
                "monto": round(rng.randint(2_000_000, 18_000_000), -4),
                "acto_administrativo": f"Resolución exenta N° {number}",
                "enlace": f"{WEB}/transparencia/transferencias/res-{number}.pdf",
            })  # fmt: skip
        months.append(sorted(rows, key=lambda row: row["fecha"]))
    return months


def act_rows(rng, periods):
    months = []
    number = 1000
    for period in periods:
        acts = sorted(
            (random_day(rng, period, end_of_month(period)), subject, rng.choice(ACT_TYPES))
            for subject in rng.sample(ACT_SUBJECTS, rng.randint(5, 10))
        )
        rows = []
        for day, subject, kind in acts:  # numbered in date order, as the office of records numbers them
            number += rng.randint(3, 40)
            published = day + datetime.timedelta(days=rng.randint(2, 9)) if kind == "Resolución" else None
            rows.append({
                "tipo": kind, "numero": str(number), "fecha": day, "materia": subject,
                "fecha_publicacion": published, "enlace": f"{WEB}/transparencia/actos/{period:%Y}/{number}.pdf",
            })  # fmt: skip
        months.append(rows)
    return months


def unit_rows(rng, periods):
    rows = [
        {"unidad": unit, "depende_de": parent, "nivel": level, "cargo_jefatura": head,
         "correo": f"{mailbox}@senado.example", "enlace_organigrama": f"{WEB}/organigrama.pdf"}
        for unit, parent, level, head, mailbox in UNITS
    ]  # fmt: skip
    return [rows for _period in periods]


POWER_SOURCES = {
    "Unidad de Transparencia": ("Ley N° 20.285 y Reglamento del Senado", NORMS[2][4]),
    "Departamento de Personal": ("Reglamento del Personal del Senado", f"{WEB}/normativa/reglamento-del-personal"),
}


def power_rows(rng, periods):
    senate_rules = ("Reglamento del Senado", f"{WEB}/normativa/reglamento-del-senado")
    rows = [
        {"unidad": unit, "facultades": powers, "fuente_legal": POWER_SOURCES.get(unit, senate_rules)[0],
         "enlace_fuente_legal": POWER_SOURCES.get(unit, senate_rules)[1]}
        for unit, powers in POWERS.items()
    ]  # fmt: skip
    return [rows for _period in periods]


def norm_rows(rng, periods):
    def row(kind, number, title, published, link):
        return {"tipo_norma": kind, "numero": number, "denominacion": title, "fecha_publicacion": published,
                "fecha_modificacion": None, "enlace": link}  # fmt: skip

    rows = [row(*norm) for norm in NORMS]
    adopted = periods[3]  # a new internal rule, from the fourth month shown
    new = row(*NEW_NORM[:3], random_day(rng, adopted, end_of_month(adopted)), NEW_NORM[4])
    return [rows + [new] if period >= adopted else rows for period in periods]


def procedure_rows(rng, periods):
    keys = ["tramite", "descripcion", "requisitos", "donde", "valor", "plazo", "enlace"]
    rows = [dict(zip(keys, procedure)) for procedure in PROCEDURES]
    return [rows for _period in periods]


def benefit_rows(rng, periods):
    keys = ["programa", "unidad", "requisitos", "periodo_postulacion", "criterio", "monto", "beneficiarios", "enlace"]
    return [
        [{**dict(zip(keys, benefit)), "beneficiarios": benefit[6] + rng.randint(-2, 3)} for benefit in BENEFITS]
        for _period in periods
    ]


def participation_rows(rng, periods):
    keys = ["mecanismo", "objetivo", "requisitos", "fecha_inicio", "fecha_termino", "enlace"]
    rows = [dict(zip(keys, mechanism)) for mechanism in PARTICIPATION]
    return [rows for _period in periods]


def entity_rows(rng, periods):
    keys = ["entidad", "rut_entidad", "tipo_vinculo", "descripcion", "fecha_inicio", "fecha_termino", "enlace"]
    rows = [dict(zip(keys, entity)) for entity in ENTITIES]
    return [rows for _period in periods]


def budget_rows(rng, periods):
    """Each line's budget as amended once in the year, and spending accrued from January to the month's end."""
    lines = [
        (subtitle, item, heading, initial, pesos(initial * (1 + rng.choice([0, 0, 0.02, 0.05, -0.03]))),
         rng.uniform(0.85, 1.05), rng.uniform(0.93, 0.99))
        for subtitle, item, heading, initial in BUDGET_LINES
    ]  # fmt: skip
    months = []
    for period in periods:
        share = period.month / 12
        rows = []
        for subtitle, item, heading, initial, amended, pace, paid in lines:
            current = amended if period.month >= 4 else initial  # amended in April
            accrued = pesos(current * min(1, share * pace))
            rows.append({
                "subtitulo": subtitle, "item": item, "denominacion": heading, "presupuesto_inicial": initial,
                "presupuesto_vigente": current, "devengado": accrued, "pagado": pesos(accrued * paid),
                "porcentaje_ejecutado": round(accrued * 100 / current),
            })  # fmt: skip
        months.append(rows)
    return months


AUDIT_END_MONTHS = [-10, -8, -6, -4, -2, 0, 1, 3, 4, 5]  # relative to the first month shown


def audit_rows(rng, periods):
    """Completed audits, listed from the month they end: five before the months shown, then more."""
    audits = []
    for index, ((auditor, subject), offset) in enumerate(zip(AUDITS, AUDIT_END_MONTHS)):
        month = add_months(periods[0], offset)
        end = random_day(rng, month, end_of_month(month))
        result, response = rng.choice(AUDIT_RESULTS)
        audits.append({
            "entidad_auditora": auditor, "materia": subject,
            "periodo_auditado": str(end.year - 1) if "ejercicio anterior" in subject else str(end.year),
            "fecha_inicio": end - datetime.timedelta(days=rng.randint(45, 120)), "fecha_termino": end,
            "resultado": result, "respuesta": response,
            "enlace": f"{WEB}/transparencia/auditorias/informe-{end:%Y-%m}-{index + 1}.pdf",
        })  # fmt: skip
    return [
        sorted((audit for audit in audits if audit["fecha_termino"] <= end_of_month(period)),
               key=lambda audit: audit["fecha_termino"], reverse=True)
        for period in periods
    ]  # fmt: skip


ROWS = {
    "units": unit_rows, "powers": power_rows, "norms": norm_rows, "planta": planta_rows,
    "contrata": contrata_rows, "labour_code": labour_code_rows, "fees": fee_rows,
    "procurement": procurement_rows, "transfers": transfer_rows, "acts": act_rows,
    "procedures": procedure_rows, "benefits": benefit_rows, "participation": participation_rows,
    "budget": budget_rows, "audits": audit_rows, "entities": entity_rows,
}  # fmt: skip


# ---------------------------------------------------------------------------------------
# CSV as an officer's spreadsheet writes it
# ---------------------------------------------------------------------------------------


def cell(column_type, value):
    if value is None:
        return ""
    if column_type in (schemas.MONEY, schemas.INTEGER) and abs(value) >= 1000:
        return f"{value:,}".replace(",", ".")  # 1.234.567, as Excel writes it in Chile
    if column_type == schemas.DATE:
        return f"{value:%d-%m-%Y}"
    return str(value)


def spreadsheet_csv(columns, rows, encoding):
    """Semicolon-separated, Spanish headers, Chilean numbers and dates: what Excel saves in Chile."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(column.header_es for column in columns)
    for row in rows:
        writer.writerow(cell(column.type, row.get(column.key)) for column in columns)
    return buffer.getvalue().encode(encoding)


# ---------------------------------------------------------------------------------------
# Building it
# ---------------------------------------------------------------------------------------


class DemoBuilder(DemoPages):
    def __init__(self, home_es, home_en, today):
        super().__init__(home_en)
        self.home_es, self.home_en, self.today = home_es, home_en, today
        self.holidays = parse_holidays(CHILEAN_HOLIDAYS)
        this_month = today.replace(day=1)
        self.periods = [add_months(this_month, -back) for back in range(MONTHS_OF_DATA, 0, -1)]
        self.now = timezone.now()

    def build(self):
        schemas.install(DatasetSchema, SchemaColumn, update=False)  # only if one was deleted
        index_es = self.child(
            self.home_es, TransparencyIndexPage, INDEX["es"]["slug"], title=INDEX["es"]["title"],
            intro=INDEX["es"]["intro"], show_in_menus=True,
        )  # fmt: skip
        self.translation(index_es, **INDEX["en"])
        for letter, (spanish, english) in CATEGORIES.items():
            slug, title, intro = spanish
            category_es = self.child(index_es, TransparencyCategoryPage, slug, title=title, letter=letter,
                                     intro=f"<p>{intro}</p>")  # fmt: skip
            slug, title, intro = english
            self.translation(category_es, slug=slug, title=title, letter=letter, intro=f"<p>{intro}</p>")
            for spec in DATASETS:
                if spec["letter"] == letter:
                    dataset = self.dataset(spec)
                    page_es = self.child(category_es, DatasetPage, dataset=dataset, **spec["es"])
                    self.translation(page_es, dataset=dataset, **spec["en"])
        return self.created

    # Datasets and their months

    def dataset(self, spec):
        dataset = Dataset.objects.filter(slug=spec["slug"]).first()
        if dataset:
            return dataset
        dataset = Dataset.objects.create(
            slug=spec["slug"], name=spec["name"], category=spec["letter"],
            schema=DatasetSchema.objects.get(name=spec["schema"]), reporting_since=self.periods[0],
        )  # fmt: skip
        self.created += 1
        rng = random.Random(spec["slug"])
        months = ROWS[spec["rows"]](rng, self.periods)
        encoding = "cp1252" if spec["letter"] == "d" else "utf-8-sig"
        columns = list(dataset.schema.columns.all())
        for back, (period, rows) in zip(range(len(self.periods), 0, -1), zip(self.periods, months)):
            if spec["slug"] == LATE_DATASET and back == 1:
                continue
            published_at = self.publication_time(rng, period)
            if spec["slug"] == NO_MOVEMENTS_DATASET and back == NO_MOVEMENTS_MONTHS_BACK:
                self.backdate(snapshots.publish_no_movements(dataset, period), published_at)
                self.created += 1
                continue
            corrected = spec["slug"] == CORRECTED_DATASET and back == CORRECTED_MONTHS_BACK
            if corrected:  # the month as first published: gross pay of row 3 typed with an extra zero
                rows = [dict(row) for row in rows]
                rows[CORRECTED_ROW - 1]["remuneracion_bruta"] *= 10
            data = spreadsheet_csv(columns, rows, encoding)
            draft = snapshots.import_csv(dataset, period, data, source_name=f"{spec['slug']}-{period:%Y-%m}.csv")
            snapshot = self.backdate(snapshots.publish(draft), published_at)
            self.created += 1
            if corrected:
                self.correct(snapshot, published_at + datetime.timedelta(days=9, hours=3))
        return dataset

    def correct(self, snapshot, corrected_at):
        draft = snapshots.start_correction(snapshot)
        row = draft.rows.get(position=CORRECTED_ROW)
        row.values["remuneracion_bruta"] //= 10
        row.save(update_fields=["values"])
        correction = snapshots.publish(draft, CORRECTION_NOTE)
        self.backdate(correction, min(corrected_at, self.now))
        Snapshot.objects.filter(pk=snapshot.pk).update(superseded_at=correction.published_at)
        self.created += 1

    def publication_time(self, rng, period):
        """Early in the next month, within the deadline, in office hours (never later than now)."""
        day = nth_working_day(add_months(period, 1), rng.randint(2, 8), self.holidays)
        moment = datetime.datetime.combine(day, datetime.time(rng.randint(9, 17), rng.randint(0, 59)))
        return min(timezone.make_aware(moment), self.now)

    def backdate(self, snapshot, published_at):
        Snapshot.objects.filter(pk=snapshot.pk).update(published_at=published_at)
        snapshot.published_at = published_at
        return snapshot


def build_transparency_demo(home_es, home_en, today):
    """The demo Transparencia Activa section under both homes; returns how many items it created."""
    with transaction.atomic():
        return DemoBuilder(home_es, home_en, today).build()


