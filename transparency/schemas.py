"""Ready-made dataset schemas: the Consejo para la Transparencia's standard formats, as plain data.

Each art. 7 letter (Ley 20.285) has at least one schema, so an officer starting a dataset picks
a format instead of typing columns. Staff (letter d) are four separate tables, as the Consejo's
formats keep them: planta, contrata, Código del Trabajo and honorarios. Columns follow the
Consejo's spreadsheets; where they split a figure into many cells (overtime by kind, amounts
in a chosen currency) the schema keeps what a reader compares month to month.

The definitions are data, not models, so a migration can install them with historical models:

    install(apps.get_model("transparency", "DatasetSchema"), apps.get_model("transparency", "SchemaColumn"))

Headers are content (shown to readers in the page's language), not interface strings: they
are written here in both languages and are not translated with gettext.
"""

TEXT, INTEGER, MONEY, DATE, URL, EMAIL = "text", "integer", "money", "date", "url", "email"
REQUIRED, OPTIONAL = True, False

# Each column: (key, Spanish header, English header, type, required).
# The year is text: it names the period, it is not a quantity (a whole number would read "2.026").
PERIOD = [
    ("anio", "Año", "Year", TEXT, REQUIRED),
    ("mes", "Mes", "Month", TEXT, REQUIRED),
]
PERSON = [
    ("apellido_paterno", "Apellido paterno", "First surname", TEXT, REQUIRED),
    ("apellido_materno", "Apellido materno", "Second surname", TEXT, OPTIONAL),
    ("nombres", "Nombres", "Given names", TEXT, REQUIRED),
]
PAY = [
    ("remuneracion_bruta", "Remuneración bruta mensualizada", "Gross monthly pay", MONEY, REQUIRED),
    ("remuneracion_liquida", "Remuneración líquida mensualizada", "Net monthly pay", MONEY, OPTIONAL),
    ("horas_extra_diurnas", "Horas extraordinarias diurnas", "Daytime overtime hours", INTEGER, OPTIONAL),
    (
        "horas_extra_nocturnas",
        "Horas extraordinarias nocturnas y festivas",
        "Night and holiday overtime hours",
        INTEGER,
        OPTIONAL,
    ),
    ("pago_horas_extra", "Pago por horas extraordinarias", "Overtime pay", MONEY, OPTIONAL),
]
TERM = [
    ("fecha_inicio", "Fecha de inicio", "Start date", DATE, REQUIRED),
    ("fecha_termino", "Fecha de término", "End date", DATE, OPTIONAL),
    ("observaciones", "Observaciones", "Remarks", TEXT, OPTIONAL),
]


def civil_service_staff():
    """Planta and contrata share the Consejo's format: pay grades of the single pay scale (EUS)."""
    return [
        *PERIOD,
        ("estamento", "Estamento", "Staff category", TEXT, REQUIRED),
        *PERSON,
        ("grado_eus", "Grado EUS", "Pay grade (EUS)", INTEGER, OPTIONAL),
        (
            "calificacion_profesional",
            "Calificación profesional o formación",
            "Professional qualification or training",
            TEXT,
            OPTIONAL,
        ),
        ("cargo", "Cargo o función", "Position or role", TEXT, REQUIRED),
        ("region", "Región", "Region", TEXT, OPTIONAL),
        ("asignaciones_especiales", "Asignaciones especiales", "Special allowances", TEXT, OPTIONAL),
        *PAY,
        *TERM,
    ]


SCHEMAS = [
    {
        "name": "Estructura orgánica",
        "letter": "a",
        "description": "Art. 7 letra a): las unidades de la institución, de quién depende cada una y "
        "el cargo de su jefatura.",
        "columns": [
            ("unidad", "Unidad", "Unit", TEXT, REQUIRED),
            ("depende_de", "Unidad de la que depende", "Reports to", TEXT, OPTIONAL),
            ("nivel", "Nivel jerárquico", "Hierarchical level", INTEGER, OPTIONAL),
            ("cargo_jefatura", "Cargo de la jefatura", "Head's position", TEXT, OPTIONAL),
            ("correo", "Correo de contacto", "Contact e-mail", EMAIL, OPTIONAL),
            ("enlace_organigrama", "Enlace al organigrama", "Link to the organisation chart", URL, OPTIONAL),
        ],
    },
    {
        "name": "Facultades, funciones y atribuciones",
        "letter": "b",
        "description": "Art. 7 letra b): lo que cada unidad puede y debe hacer, y la norma que se lo encarga.",
        "columns": [
            ("unidad", "Unidad", "Unit", TEXT, REQUIRED),
            (
                "facultades",
                "Facultades, funciones y atribuciones",
                "Powers, functions and attributions",
                TEXT,
                REQUIRED,
            ),
            ("fuente_legal", "Fuente legal", "Legal source", TEXT, OPTIONAL),
            ("enlace_fuente_legal", "Enlace a la fuente legal", "Link to the legal source", URL, OPTIONAL),
        ],
    },
    {
        "name": "Marco normativo",
        "letter": "c",
        "description": "Art. 7 letra c): las leyes, reglamentos y demás normas que rigen a la institución, "
        "con enlace a su texto.",
        "columns": [
            ("tipo_norma", "Tipo de norma", "Type of rule", TEXT, REQUIRED),
            ("numero", "Número", "Number", TEXT, OPTIONAL),
            ("denominacion", "Denominación", "Title", TEXT, REQUIRED),
            (
                "fecha_publicacion",
                "Fecha de publicación en el Diario Oficial",
                "Date published in the Official Gazette",
                DATE,
                OPTIONAL,
            ),
            ("fecha_modificacion", "Fecha de última modificación", "Date last amended", DATE, OPTIONAL),
            ("enlace", "Enlace a la norma", "Link to the rule", URL, REQUIRED),
        ],
    },
    {
        "name": "Personal de planta",
        "letter": "d",
        "description": "Art. 7 letra d): funcionarios de planta y su remuneración bruta mensualizada, "
        "según el formato del Consejo para la Transparencia.",
        "columns": civil_service_staff(),
    },
    {
        "name": "Personal a contrata",
        "letter": "d",
        "description": "Art. 7 letra d): funcionarios a contrata y su remuneración bruta mensualizada, "
        "según el formato del Consejo para la Transparencia.",
        "columns": civil_service_staff(),
    },
    {
        "name": "Personal contratado según Código del Trabajo",
        "letter": "d",
        "description": "Art. 7 letra d): trabajadores con contrato regido por el Código del Trabajo y su "
        "remuneración bruta mensualizada.",
        "columns": [
            *PERIOD,
            *PERSON,
            (
                "calificacion_profesional",
                "Calificación profesional o formación",
                "Professional qualification or training",
                TEXT,
                OPTIONAL,
            ),
            ("cargo", "Cargo o función", "Position or role", TEXT, REQUIRED),
            ("jornada_horas", "Jornada semanal (horas)", "Weekly working hours", INTEGER, OPTIONAL),
            ("region", "Región", "Region", TEXT, OPTIONAL),
            *PAY,
            *TERM,
        ],
    },
    {
        "name": "Personas naturales contratadas a honorarios",
        "letter": "d",
        "description": "Art. 7 letra d): personas contratadas a honorarios, la función que cumplen y lo "
        "que se les paga.",
        "columns": [
            *PERIOD,
            *PERSON,
            ("descripcion_funcion", "Descripción de la función", "Description of the work", TEXT, REQUIRED),
            (
                "calificacion_profesional",
                "Calificación profesional o formación",
                "Professional qualification or training",
                TEXT,
                OPTIONAL,
            ),
            ("region", "Región", "Region", TEXT, OPTIONAL),
            (
                "remuneracion_total",
                "Valor total de la remuneración bruta",
                "Total gross fee",
                MONEY,
                REQUIRED,
            ),
            ("pago_mensual", "Pago mensual bruto", "Gross monthly payment", MONEY, OPTIONAL),
            *TERM,
        ],
    },
    {
        "name": "Contrataciones de bienes y servicios",
        "letter": "e",
        "description": "Art. 7 letra e): compras y contratos de suministro, servicios y obras, con su "
        "identificador en Mercado Público.",
        "columns": [
            ("tipo_compra", "Tipo de compra", "Procurement method", TEXT, REQUIRED),
            (
                "id_mercado_publico",
                "ID de licitación u orden de compra (Mercado Público)",
                "Tender or purchase order ID (Mercado Público)",
                TEXT,
                REQUIRED,
            ),
            ("enlace_mercado_publico", "Enlace a Mercado Público", "Link to Mercado Público", URL, OPTIONAL),
            ("proveedor", "Razón social del proveedor", "Supplier", TEXT, REQUIRED),
            ("rut_proveedor", "RUT del proveedor", "Supplier's tax ID (RUT)", TEXT, OPTIONAL),
            ("objeto", "Objeto del contrato", "Purpose of the contract", TEXT, REQUIRED),
            ("acto_aprobatorio", "Acto administrativo aprobatorio", "Approving administrative act", TEXT, OPTIONAL),
            ("fecha", "Fecha del acto aprobatorio", "Date of the approving act", DATE, REQUIRED),
            ("fecha_inicio", "Fecha de inicio del contrato", "Contract start date", DATE, OPTIONAL),
            ("fecha_termino", "Fecha de término del contrato", "Contract end date", DATE, OPTIONAL),
            ("monto_total", "Monto total de la operación", "Total amount", MONEY, REQUIRED),
            ("enlace_contrato", "Enlace al contrato", "Link to the contract", URL, OPTIONAL),
        ],
    },
    {
        "name": "Transferencias de fondos públicos",
        "letter": "f",
        "description": "Art. 7 letra f): transferencias de fondos a personas jurídicas, sin contraprestación "
        "de bienes o servicios.",
        "columns": [
            ("fecha", "Fecha de la transferencia", "Date of the transfer", DATE, REQUIRED),
            (
                "denominacion",
                "Denominación de la transferencia o programa",
                "Transfer or programme",
                TEXT,
                REQUIRED,
            ),
            (
                "imputacion_presupuestaria",
                "Imputación presupuestaria",
                "Budget line",
                TEXT,
                OPTIONAL,
            ),
            ("receptor", "Razón social del receptor", "Recipient", TEXT, REQUIRED),
            ("rut_receptor", "RUT del receptor", "Recipient's tax ID (RUT)", TEXT, OPTIONAL),
            ("finalidad", "Finalidad de la transferencia", "Purpose of the transfer", TEXT, OPTIONAL),
            ("monto", "Monto transferido", "Amount transferred", MONEY, REQUIRED),
            ("acto_administrativo", "Acto administrativo", "Administrative act", TEXT, OPTIONAL),
            ("enlace", "Enlace al acto", "Link to the act", URL, OPTIONAL),
        ],
    },
    {
        "name": "Actos y resoluciones con efectos sobre terceros",
        "letter": "g",
        "description": "Art. 7 letra g): decretos, resoluciones y acuerdos que afectan a personas ajenas a "
        "la institución, con enlace a su texto íntegro.",
        "columns": [
            ("tipo", "Tipo de acto", "Type of act", TEXT, REQUIRED),
            ("numero", "Número", "Number", TEXT, REQUIRED),
            ("fecha", "Fecha", "Date", DATE, REQUIRED),
            ("materia", "Materia", "Subject", TEXT, REQUIRED),
            (
                "fecha_publicacion",
                "Fecha de publicación en el Diario Oficial",
                "Date published in the Official Gazette",
                DATE,
                OPTIONAL,
            ),
            ("enlace", "Enlace al texto íntegro", "Link to the full text", URL, OPTIONAL),
        ],
    },
    {
        "name": "Trámites y requisitos",
        "letter": "h",
        "description": "Art. 7 letra h): los servicios que presta la institución, cómo acceder a ellos y "
        "qué se necesita.",
        "columns": [
            ("tramite", "Trámite o servicio", "Procedure or service", TEXT, REQUIRED),
            ("descripcion", "Descripción", "Description", TEXT, OPTIONAL),
            ("requisitos", "Requisitos y antecedentes", "Requirements and documents", TEXT, REQUIRED),
            ("donde", "Dónde se realiza", "Where to apply", TEXT, OPTIONAL),
            ("valor", "Valor", "Fee", MONEY, OPTIONAL),
            ("plazo", "Plazo de respuesta", "Response time", TEXT, OPTIONAL),
            ("enlace", "Enlace al trámite en línea", "Link to apply online", URL, OPTIONAL),
        ],
    },
    {
        "name": "Subsidios y beneficios",
        "letter": "i",
        "description": "Art. 7 letra i): programas de subsidios y otros beneficios, sus requisitos y "
        "cuántas personas los reciben (sin nóminas de beneficiarios con datos personales).",
        "columns": [
            ("programa", "Nombre del programa", "Programme", TEXT, REQUIRED),
            ("unidad", "Unidad a cargo", "Unit in charge", TEXT, OPTIONAL),
            ("requisitos", "Requisitos para postular", "Eligibility requirements", TEXT, REQUIRED),
            ("periodo_postulacion", "Período de postulación", "Application period", TEXT, OPTIONAL),
            ("criterio", "Criterio de asignación", "Award criteria", TEXT, OPTIONAL),
            ("monto", "Monto del beneficio", "Benefit amount", MONEY, OPTIONAL),
            ("beneficiarios", "Número de beneficiarios", "Number of beneficiaries", INTEGER, OPTIONAL),
            ("enlace", "Enlace a más información", "Link to more information", URL, OPTIONAL),
        ],
    },
    {
        "name": "Mecanismos de participación ciudadana",
        "letter": "j",
        "description": "Art. 7 letra j): las vías por las que la ciudadanía participa en las decisiones "
        "de la institución.",
        "columns": [
            ("mecanismo", "Mecanismo", "Mechanism", TEXT, REQUIRED),
            ("objetivo", "Objetivo", "Purpose", TEXT, REQUIRED),
            ("requisitos", "Requisitos para participar", "How to take part", TEXT, OPTIONAL),
            ("fecha_inicio", "Fecha de inicio", "Start date", DATE, OPTIONAL),
            ("fecha_termino", "Fecha de término", "End date", DATE, OPTIONAL),
            ("enlace", "Enlace a más información", "Link to more information", URL, OPTIONAL),
        ],
    },
    {
        "name": "Ejecución presupuestaria",
        "letter": "k",
        "description": "Art. 7 letra k): el presupuesto asignado y su ejecución acumulada, por subtítulo e "
        "ítem de la clasificación presupuestaria.",
        "columns": [
            ("subtitulo", "Subtítulo", "Subtitle", INTEGER, REQUIRED),
            ("item", "Ítem", "Item", INTEGER, OPTIONAL),
            ("denominacion", "Denominación", "Heading", TEXT, REQUIRED),
            ("presupuesto_inicial", "Presupuesto inicial", "Initial budget", MONEY, OPTIONAL),
            ("presupuesto_vigente", "Presupuesto vigente", "Current budget", MONEY, REQUIRED),
            ("devengado", "Gasto devengado", "Expenditure accrued", MONEY, REQUIRED),
            ("pagado", "Gasto pagado", "Expenditure paid", MONEY, OPTIONAL),
            ("porcentaje_ejecutado", "Porcentaje ejecutado (%)", "Percentage spent (%)", INTEGER, OPTIONAL),
        ],
    },
    {
        "name": "Auditorías",
        "letter": "l",
        "description": "Art. 7 letra l): auditorías al ejercicio presupuestario y sus aclaraciones, con "
        "enlace al informe final.",
        "columns": [
            ("entidad_auditora", "Entidad auditora", "Auditing body", TEXT, REQUIRED),
            ("materia", "Materia", "Subject", TEXT, REQUIRED),
            ("periodo_auditado", "Período auditado", "Period audited", TEXT, OPTIONAL),
            ("fecha_inicio", "Fecha de inicio", "Start date", DATE, OPTIONAL),
            ("fecha_termino", "Fecha de término", "End date", DATE, REQUIRED),
            ("resultado", "Resultado", "Findings", TEXT, OPTIONAL),
            ("respuesta", "Respuesta o aclaraciones del servicio", "The institution's response", TEXT, OPTIONAL),
            ("enlace", "Enlace al informe final", "Link to the final report", URL, OPTIONAL),
        ],
    },
    {
        "name": "Entidades en que se participa",
        "letter": "m",
        "description": "Art. 7 letra m): las entidades en que la institución tiene participación, "
        "representación o intervención, y el acto que lo establece.",
        "columns": [
            ("entidad", "Entidad", "Entity", TEXT, REQUIRED),
            ("rut_entidad", "RUT de la entidad", "Entity's tax ID (RUT)", TEXT, OPTIONAL),
            ("tipo_vinculo", "Tipo de vínculo", "Type of relationship", TEXT, REQUIRED),
            ("descripcion", "Descripción del vínculo", "Description of the relationship", TEXT, OPTIONAL),
            ("fecha_inicio", "Fecha de inicio", "Start date", DATE, OPTIONAL),
            ("fecha_termino", "Fecha de término", "End date", DATE, OPTIONAL),
            ("enlace", "Enlace al acto que lo establece", "Link to the act that establishes it", URL, OPTIONAL),
        ],
    },
]

BY_NAME = {schema["name"]: schema for schema in SCHEMAS}
PLANTA = "Personal de planta"
CONTRATA = "Personal a contrata"
CODIGO_DEL_TRABAJO = "Personal contratado según Código del Trabajo"
HONORARIOS = "Personas naturales contratadas a honorarios"


def column_fields(columns):
    """{key: the SchemaColumn fields} for a schema's column tuples, in their order."""
    return {
        key: {"sort_order": order, "header_es": header_es, "header_en": header_en, "type": type_, "required": required}
        for order, (key, header_es, header_en, type_, required) in enumerate(columns)
    }


def install(DatasetSchema, SchemaColumn, names=None, update=True):
    """Create the ready-made schemas, or bring them back to their definition; returns how many rows changed.

    Takes the model classes, so a data migration can pass its historical models. Schemas are
    matched by name and columns by key: a second run changes nothing. With `update=False` only
    missing schemas are created and existing ones are left as officers have edited them.
    Columns an officer added to a ready-made schema are kept (after the defined ones).
    """
    changed = 0
    for definition in SCHEMAS:
        if names is not None and definition["name"] not in names:
            continue
        schema = DatasetSchema.objects.filter(name=definition["name"]).first()
        if schema is None:
            schema = DatasetSchema.objects.create(name=definition["name"], description=definition["description"])
            changed += 1
        elif not update:
            continue
        elif schema.description != definition["description"]:
            schema.description = definition["description"]
            schema.save(update_fields=["description"])
            changed += 1
        defined = column_fields(definition["columns"])
        existing = {column.key: column for column in SchemaColumn.objects.filter(schema=schema)}
        for key, fields in defined.items():
            column = existing.get(key)
            if column is None:
                SchemaColumn.objects.create(schema=schema, key=key, **fields)
                changed += 1
            elif any(getattr(column, name) != value for name, value in fields.items()):
                for name, value in fields.items():
                    setattr(column, name, value)
                column.save()
                changed += 1
        added = sorted(
            (column for key, column in existing.items() if key not in defined),
            key=lambda column: (column.sort_order is None, column.sort_order, column.pk),
        )
        for order, column in enumerate(added, start=len(defined)):
            if column.sort_order != order:
                column.sort_order = order
                column.save(update_fields=["sort_order"])
                changed += 1
    return changed
