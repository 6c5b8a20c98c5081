"""The demo notes' texts: teams, tags, files and fifteen monthly editions, each in Spanish and English.

Invented but told as the Senate's digital transformation is (seeds in the brief): the participation
platform, Cero Papel, ClaveÚnica, open data, interoperability, cybersecurity, accessibility,
procurement, AI guidelines. Figures are made up and consistent within each note. Bodies are
(block type, value) pairs in StreamField form, except that images and documents are named by
their key in ILLUSTRATIONS and DOCUMENTS, and a table is {"caption", "rows"} with a header row.
"""

import datetime

INDEX = {
    "es": {
        "slug": "notas",
        "title": "Notas de Transformación Digital",
        "intro": "<p>Cada mes contamos un avance de la transformación digital del Senado: qué hicimos, "
        "qué aprendimos y qué viene, con cifras y documentos para quien quiera revisarlos.</p>",
    },
    "en": {
        "slug": "notes",
        "title": "Digital Transformation Notes",
        "intro": "<p>Every month we report one step in the Senate's digital transformation: what we did, "
        "what we learnt and what comes next, with figures and documents for anyone who wants to check.</p>",
    },
}

TEAMS = {
    "digital": {"es": "Secretaría de Transformación Digital", "en": "Digital Transformation Secretariat"},
    "participation": {
        "es": "Unidad de Participación y Vinculación Ciudadana",
        "en": "Citizen Participation and Liaison Unit",
    },
    "records": {"es": "Unidad de Gestión Documental y Archivo", "en": "Records Management and Archive Unit"},
    "data": {"es": "Unidad de Datos y Transparencia", "en": "Data and Transparency Unit"},
    "it": {"es": "Departamento de Tecnologías de la Información", "en": "Information Technology Department"},
}

TAGS = {
    "participation": {"es": "participación", "en": "citizen participation"},
    "open-data": {"es": "datos abiertos", "en": "open data"},
    "paperless": {"es": "cero papel", "en": "paperless"},
    "identity": {"es": "identidad digital", "en": "digital identity"},
    "services": {"es": "servicios digitales", "en": "digital services"},
    "research": {"es": "investigación con usuarios", "en": "user research"},
    "transparency": {"es": "transparencia", "en": "transparency"},
    "interoperability": {"es": "interoperabilidad", "en": "interoperability"},
    "security": {"es": "ciberseguridad", "en": "cybersecurity"},
    "accessibility": {"es": "accesibilidad", "en": "accessibility"},
    "procurement": {"es": "compras públicas", "en": "public procurement"},
    "ai": {"es": "inteligencia artificial", "en": "artificial intelligence"},
    "skills": {"es": "competencias digitales", "en": "digital skills"},
}

# Image titles (editors see them in the image library); the pictures are drawn by notes/demo.py.
ILLUSTRATIONS = {
    "network": "Ilustración: red de nodos sobre fondo azul",
    "sheets": "Ilustración: hojas superpuestas con marca de verificación",
    "bars": "Ilustración: gráfico de barras ascendente",
    "shield": "Ilustración: escudo con cerradura",
    "rings": "Ilustración: anillos concéntricos y puntos",
}

DOCUMENTS = {
    "interview-guide": {
        "title": "Guía de entrevistas con personas usuarias (2025)",
        "file_name": "guia-de-entrevistas-2025.txt",
        "content": """GUÍA DE ENTREVISTAS CON PERSONAS USUARIAS
Secretaría de Transformación Digital del Senado - marzo de 2025

Duración: 45 minutos. Se graba solo el audio, con consentimiento escrito.

1. Cuéntenos la última vez que buscó información sobre el Senado. ¿Qué buscaba?
2. ¿Dónde empezó a buscar? ¿Qué escribió en el buscador?
3. ¿Encontró lo que necesitaba? ¿Qué le faltó?
4. ¿Desde qué dispositivo lo hizo? ¿Dónde estaba?
5. Si pudiera pedirle una sola cosa al sitio del Senado, ¿qué sería?

Prueba en celular: encontrar cuánto gastó el Senado en compras el mes pasado.
Observar sin ayudar; anotar dónde duda la persona y qué palabras usa.
""",
    },
    "votes-sample": {
        "title": "Muestra de votaciones de Sala, marzo de 2025",
        "file_name": "votaciones-sala-muestra-2025-03.csv",
        "content": """boletin,fecha,materia,a_favor,en_contra,abstenciones,resultado
16245-07,2025-03-04,Modifica el Código Penal en materia de delitos informáticos,38,2,1,Aprobado
15987-13,2025-03-04,Regula el teletrabajo en el sector público,29,9,3,Aprobado
16102-06,2025-03-05,Fortalece la transparencia de los gobiernos regionales,41,0,0,Aprobado
16311-05,2025-03-11,Modifica la Ley de Presupuestos en materia de reasignaciones,21,18,2,Aprobado
15874-12,2025-03-11,Ley marco de humedales urbanos,35,4,2,Aprobado
16320-04,2025-03-12,Convivencia escolar digital,33,5,3,Aprobado
16157-15,2025-03-18,Seguridad vial en ciclovías,19,20,2,Rechazado
16402-03,2025-03-19,Pago a 30 días a proveedores del Estado,40,0,1,Aprobado
""",
    },
    "ai-guidelines": {
        "title": "Orientaciones para el uso de inteligencia artificial generativa en el Senado",
        "file_name": "orientaciones-inteligencia-artificial-2026.txt",
        "content": """ORIENTACIONES PARA EL USO DE INTELIGENCIA ARTIFICIAL GENERATIVA
Senado de la República de Chile - enero de 2026

1. La persona que usa la herramienta responde por el resultado.
2. Nunca se ingresan datos personales, documentos reservados ni borradores no publicados en servicios externos.
3. Todo texto generado se revisa contra las fuentes antes de usarse.
4. Se informa cuando un documento público fue redactado con apoyo de inteligencia artificial.
5. Las herramientas se usan solo con cuentas institucionales autorizadas.
6. No se toman decisiones sobre personas con base en resultados automáticos.
7. Los equipos comparten sus usos y errores en la comunidad interna de práctica.
""",
    },
    "consultation-results": {
        "title": "Resultados de las consultas de Senado Participa, 2024-2025",
        "file_name": "resultados-consultas-2024-2025.csv",
        "content": """consulta,comision,apertura,cierre,participantes,regiones,informe_entregado
Convivencia escolar digital,Educación y Cultura,2024-10-14,2024-11-15,2314,16,2024-11-25
Ley marco de humedales urbanos,Medio Ambiente y Bienes Nacionales,2024-10-21,2024-11-22,1087,14,2024-12-02
Teletrabajo en el sector público,Trabajo y Previsión Social,2025-01-06,2025-02-07,3952,16,2025-02-17
Pago a 30 días a proveedores del Estado,Economía,2025-03-03,2025-04-04,1216,15,2025-04-14
Seguridad vial en ciclovías,Transportes y Telecomunicaciones,2025-05-05,2025-06-06,5870,16,2025-06-16
Delitos informáticos,Seguridad Pública,2025-07-07,2025-08-08,6744,16,2025-08-18
""",
    },
}

# Each edition: its month (edition numbers follow this order), teams and tags (keys above), hero
# illustration, explicit related notes (Spanish slugs of earlier editions; empty: related by tag),
# and its Spanish and English texts.
EDITIONS = [
    {
        "month": datetime.date(2024, 10, 1),
        "teams": ["participation", "digital"],
        "tags": ["participation", "services"],
        "hero": "network",
        "es": {
            "slug": "plataforma-de-participacion-digital",
            "title": "Senado Participa: una plataforma para opinar sobre los proyectos de ley",
            "summary": "Abrimos la plataforma de participación digital con dos consultas piloto de las comisiones "
            "de Educación y de Medio Ambiente. Contamos cómo la diseñamos, qué principios seguimos y qué haremos "
            "con las opiniones recibidas.",
            "hero_alt": "Círculos blancos y rojos unidos por líneas sobre un fondo azul, como una red de personas "
            "conectadas.",
            "body": [
                ("paragraph", "<p>Durante años la ciudadanía nos dijo lo mismo en encuestas y talleres: quiere "
                 "opinar sobre los proyectos de ley mientras se discuten, no cuando ya están aprobados. Este mes "
                 "abrimos Senado Participa, una plataforma en la que las comisiones publican preguntas concretas "
                 "sobre un proyecto y cualquier persona puede responder con su Clave Única.</p>"),
                ("heading", "Tres principios: informar, consultar, colaborar"),
                ("paragraph", "<p>Seguimos los principios que la Secretaría de Gobierno Digital propone para las "
                 "plataformas de participación. Primero, <b>informar</b>: cada consulta parte con un resumen del "
                 "proyecto en lenguaje claro y un enlace a su tramitación. Segundo, <b>consultar</b>: pocas "
                 "preguntas, cerradas, con un espacio para comentarios. Tercero, <b>colaborar</b>: cualquiera "
                 "puede proponer temas para futuras consultas.</p>"),
                ("table", {"caption": "Consultas piloto de octubre de 2024", "rows": [
                    ["Comisión", "Proyecto", "Abre", "Cierra"],
                    ["Educación y Cultura", "Convivencia escolar digital", "14-10-2024", "15-11-2024"],
                    ["Medio Ambiente y Bienes Nacionales", "Ley marco de humedales urbanos", "21-10-2024", "22-11-2024"],
                ]}),
                ("quote", "Queremos que cada opinión llegue a la mesa de la comisión con un resumen honesto de lo "
                 "que dijo la gente, no solo con una cifra."),
                ("heading", "Qué pasa con las respuestas"),
                ("paragraph", "<p>La Unidad de Participación y Vinculación Ciudadana sistematiza las respuestas y "
                 "entrega un informe a la comisión antes de la votación en general. El informe se publica en la "
                 "misma consulta, sin nombres ni RUT de quienes participaron.</p>"),
                ("callout", {"title": "Cómo participar", "text": "<ul><li>Entre a Senado Participa y elija una "
                 "consulta abierta.</li><li>Inicie sesión con su Clave Única.</li><li>Responda las preguntas; "
                 "puede cambiar su respuesta hasta el cierre.</li></ul>"}),
            ],
        },
        "en": {
            "slug": "digital-participation-platform",
            "title": "Senado Participa: a platform to comment on bills",
            "summary": "We opened the digital participation platform with two pilot consultations from the "
            "Education and Environment committees. Here is how we designed it, the principles we followed and "
            "what we will do with the opinions we receive.",
            "hero_alt": "White and red circles joined by lines on a blue background, like a network of connected "
            "people.",
            "body": [
                ("paragraph", "<p>For years citizens told us the same thing in surveys and workshops: they want "
                 "to comment on bills while they are being discussed, not once they have been passed. This month "
                 "we opened Senado Participa, a platform where committees publish specific questions about a bill "
                 "and anyone can answer with their ClaveÚnica.</p>"),
                ("heading", "Three principles: inform, consult, collaborate"),
                ("paragraph", "<p>We followed the principles the Digital Government Secretariat recommends for "
                 "participation platforms. First, <b>inform</b>: every consultation starts with a plain-language "
                 "summary of the bill and a link to its progress. Second, <b>consult</b>: few, closed questions, "
                 "with room for comments. Third, <b>collaborate</b>: anyone can suggest topics for future "
                 "consultations.</p>"),
                ("table", {"caption": "Pilot consultations, October 2024", "rows": [
                    ["Committee", "Bill", "Opens", "Closes"],
                    ["Education and Culture", "Digital coexistence at school", "14 Oct 2024", "15 Nov 2024"],
                    ["Environment and National Assets", "Urban wetlands framework law", "21 Oct 2024", "22 Nov 2024"],
                ]}),
                ("quote", "We want every opinion to reach the committee's table with an honest summary of what "
                 "people said, not just a number."),
                ("heading", "What happens to the answers"),
                ("paragraph", "<p>The Citizen Participation and Liaison Unit analyses the answers and delivers a "
                 "report to the committee before the vote in principle. The report is published in the "
                 "consultation itself, without the names or RUT numbers of those who took part.</p>"),
                ("callout", {"title": "How to take part", "text": "<ul><li>Go to Senado Participa and choose an "
                 "open consultation.</li><li>Sign in with your ClaveÚnica.</li><li>Answer the questions; you can "
                 "change your answer until the consultation closes.</li></ul>"}),
            ],
        },
    },
    {
        "month": datetime.date(2024, 11, 1),
        "teams": ["records", "digital"],
        "tags": ["paperless", "procurement"],
        "hero": "sheets",
        "es": {
            "slug": "cero-papel-expediente-electronico",
            "title": "Cero Papel: el expediente electrónico llega a las compras",
            "summary": "Desde julio el libro de registro de compras en papel está cerrado y cada procedimiento "
            "tiene un expediente electrónico. Revisamos los primeros cuatro meses: cuántos documentos dejaron de "
            "imprimirse y qué costó el cambio.",
            "hero_alt": "Hojas blancas superpuestas sobre fondo azul; la de adelante tiene una marca de "
            "verificación roja.",
            "body": [
                ("paragraph", "<p>La Ley N° 21.180 de Transformación Digital del Estado, publicada el 11 de "
                 "noviembre de 2019, pide que todo el procedimiento administrativo sea electrónico. Aunque el "
                 "Senado la aplica por decisión propia, las compras eran el mejor lugar para empezar: cada una "
                 "reunía cotizaciones, resoluciones y facturas en carpetas que viajaban entre tres oficinas.</p>"),
                ("heading", "Lo que cambió en las compras"),
                ("paragraph", "<p>La modificación del reglamento de compras, vigente desde el 1 de julio de 2024, "
                 "creó el expediente electrónico de cada procedimiento y cerró el libro de registro en papel el "
                 "30 de junio. Los libros antiguos se están digitalizando y quedarán en el Archivo del Senado.</p>"),
                ("table", {"caption": "Documentos de compras, julio a octubre de 2024", "rows": [
                    ["Mes", "Expedientes abiertos", "Documentos firmados electrónicamente", "Hojas no impresas (estimado)"],
                    ["Julio", "142", "1.873", "9.400"],
                    ["Agosto", "167", "2.205", "11.000"],
                    ["Septiembre", "121", "1.598", "8.100"],
                    ["Octubre", "188", "2.461", "12.300"],
                ]}),
                ("quote", "Antes buscábamos una orden de compra en tres archivadores; ahora la encontramos con el "
                 "número de la licitación."),
                ("callout", {"title": "Oficina de Partes Virtual", "text": "<p>Proveedores e instituciones pueden "
                 "enviar documentos a la Oficina de Partes Virtual: reciben un número de ingreso y siguen su "
                 "tramitación sin viajar a Valparaíso.</p>"}),
            ],
        },
        "en": {
            "slug": "paperless-electronic-records",
            "title": "Paperless: electronic records reach procurement",
            "summary": "Since July the paper purchase register has been closed and every procedure has an "
            "electronic record. We review the first four months: how many documents are no longer printed and "
            "what the change took.",
            "hero_alt": "White sheets of paper stacked on a blue background; the front one has a red tick.",
            "body": [
                ("paragraph", "<p>Law 21,180 on the Digital Transformation of the State, published on 11 "
                 "November 2019, requires the whole administrative procedure to be electronic. The Senate applies "
                 "it by its own decision, and procurement was the best place to start: every purchase gathered "
                 "quotes, resolutions and invoices in folders that travelled between three offices.</p>"),
                ("heading", "What changed in procurement"),
                ("paragraph", "<p>The amendment to the procurement regulation, in force since 1 July 2024, created "
                 "an electronic record for every procedure and closed the paper register on 30 June. The old "
                 "registers are being digitised and will be kept by the Senate Archive.</p>"),
                ("table", {"caption": "Procurement documents, July to October 2024", "rows": [
                    ["Month", "Records opened", "Documents signed electronically", "Sheets not printed (estimate)"],
                    ["July", "142", "1,873", "9,400"],
                    ["August", "167", "2,205", "11,000"],
                    ["September", "121", "1,598", "8,100"],
                    ["October", "188", "2,461", "12,300"],
                ]}),
                ("quote", "We used to look for a purchase order in three binders; now we find it with the tender "
                 "number."),
                ("callout", {"title": "Virtual Registry Office", "text": "<p>Suppliers and institutions can send "
                 "documents to the Virtual Registry Office: they get an entry number and follow its progress "
                 "without travelling to Valparaíso.</p>"}),
            ],
        },
    },
    {
        "month": datetime.date(2025, 1, 1),
        "teams": ["digital", "it"],
        "tags": ["identity", "services"],
        "hero": "rings",
        "es": {
            "slug": "clave-unica",
            "title": "Ya puede entrar con Clave Única a los servicios del Senado",
            "summary": "Las solicitudes de información, la plataforma de participación y la inscripción en visitas "
            "guiadas usan ahora Clave Única, la identidad digital del Estado. Una sola clave, menos contraseñas "
            "olvidadas y ningún dato que no necesitemos.",
            "hero_alt": "Anillos concéntricos azules y rojos junto a una cuadrícula de puntos blancos, que evocan "
            "a muchas personas con una misma llave.",
            "body": [
                ("paragraph", "<p>Hasta diciembre, quien quería pedir información, opinar en una consulta e "
                 "inscribirse en una visita guiada necesitaba tres cuentas distintas. El 31% de los llamados a "
                 "nuestra mesa de ayuda era por contraseñas olvidadas. Desde el 9 de diciembre, los tres "
                 "servicios usan Clave Única.</p>"),
                ("heading", "Qué datos recibimos"),
                ("paragraph", "<p>Cuando usted entra con Clave Única, la autenticación ocurre en el Registro Civil: "
                 "el Senado nunca ve su contraseña. Recibimos solo su RUN y su nombre, y su correo si usted lo "
                 "autoriza. No guardamos nada más.</p>"),
                ("callout", {"title": "¿No tiene Clave Única?", "text": "<p>Se solicita en claveunica.gob.cl o en "
                 "una oficina del Registro Civil con su cédula de identidad vigente. Mientras tanto, puede enviar "
                 "su solicitud de información por correo o en la Oficina de Partes.</p>"}),
                ("heading", "Primeros resultados"),
                ("paragraph", "<p>En las tres primeras semanas hubo 4.120 inicios de sesión. Los llamados por "
                 "contraseñas bajaron del 31% al 6% de la mesa de ayuda, y ese tiempo hoy se dedica a resolver "
                 "dudas sobre los trámites mismos.</p>"),
            ],
        },
        "en": {
            "slug": "claveunica-sign-in",
            "title": "You can now sign in to the Senate's services with ClaveÚnica",
            "summary": "Information requests, the participation platform and guided-tour bookings now use "
            "ClaveÚnica, the State's digital identity. One password, fewer forgotten passwords and no data we do "
            "not need.",
            "hero_alt": "Blue and red concentric rings beside a grid of white dots, suggesting many people sharing "
            "one key.",
            "body": [
                ("paragraph", "<p>Until December, anyone who wanted to request information, comment in a "
                 "consultation and book a guided tour needed three different accounts. 31% of the calls to our "
                 "help desk were about forgotten passwords. Since 9 December, all three services have used "
                 "ClaveÚnica.</p>"),
                ("heading", "What data we receive"),
                ("paragraph", "<p>When you sign in with ClaveÚnica, authentication happens at the Civil Registry: "
                 "the Senate never sees your password. We receive only your RUN and your name, and your e-mail "
                 "address if you allow it. We keep nothing else.</p>"),
                ("callout", {"title": "No ClaveÚnica yet?", "text": "<p>Request it at claveunica.gob.cl or at a "
                 "Civil Registry office with your valid identity card. Meanwhile, you can send your information "
                 "request by e-mail or at the Registry Office.</p>"}),
                ("heading", "First results"),
                ("paragraph", "<p>In the first three weeks there were 4,120 sign-ins. Password calls fell from 31% "
                 "to 6% of the help desk's work, and that time now goes to questions about the services "
                 "themselves.</p>"),
            ],
        },
    },
    {
        "month": datetime.date(2025, 3, 1),
        "teams": ["digital", "participation"],
        "tags": ["research", "accessibility", "services"],
        "hero": "rings",
        "es": {
            "slug": "investigacion-con-usuarios",
            "title": "Lo que aprendimos escuchando a 40 personas",
            "summary": "Entrevistamos a 40 personas —estudiantes, periodistas, dirigentes vecinales, proveedores "
            "y personas mayores— para entender cómo buscan información del Senado. Estos son los cinco hallazgos "
            "que cambiarán el nuevo portal.",
            "hero_alt": "Anillos concéntricos azules y rojos y una cuadrícula de puntos blancos, como un grupo de "
            "personas alrededor de una conversación.",
            "body": [
                ("paragraph", "<p>Antes de diseñar el nuevo portal quisimos saber cómo busca la gente. Hicimos 40 "
                 "entrevistas en Valparaíso, Santiago, Temuco y Antofagasta, y 12 pruebas de uso en celular en "
                 "las que pedimos tareas concretas, como encontrar cuánto gastó el Senado el mes pasado.</p>"),
                ("heading", "Cinco hallazgos"),
                ("table", {"caption": "Hallazgos de la investigación y qué haremos con cada uno", "rows": [
                    ["Hallazgo", "Qué haremos"],
                    ["Las personas buscan por tema, no por comisión", "Navegación por temas y un buscador que entiende palabras sin tilde"],
                    ["El 70% entra desde el celular", "Diseño pensado primero para pantallas pequeñas"],
                    ["«Transparencia activa» no dice nada a quien no trabaja en el Estado", "Títulos en lenguaje claro y una explicación de cada categoría"],
                    ["Los periodistas necesitan citar una versión estable", "Enlaces permanentes a cada artículo y versión"],
                    ["Las personas mayores piden letra grande y buen contraste", "Cumplir las pautas WCAG 2.1 nivel AA"],
                ]}),
                ("quote", "No sé qué es una comisión; yo quiero saber qué pasa con la ley de pensiones."),
                ("image", {"image": "bars", "alt_text": "Gráfico de barras abstracto en blanco y rojo sobre fondo "
                           "azul, que representa los resultados de las pruebas de uso."}),
                ("paragraph", "<p>Publicamos la guía de entrevistas para que otras instituciones la reutilicen. "
                 "Las grabaciones se borraron al terminar el análisis, como prometimos a cada participante.</p>"),
                ("document", {"document": "interview-guide", "label": "Descargar la guía de entrevistas (texto)"}),
            ],
        },
        "en": {
            "slug": "user-research",
            "title": "What we learnt from listening to 40 people",
            "summary": "We interviewed 40 people — students, journalists, neighbourhood leaders, suppliers and "
            "older people — to understand how they look for information about the Senate. These are the five "
            "findings that will change the new portal.",
            "hero_alt": "Blue and red concentric rings and a grid of white dots, like a group of people around a "
            "conversation.",
            "body": [
                ("paragraph", "<p>Before designing the new portal we wanted to know how people search. We held 40 "
                 "interviews in Valparaíso, Santiago, Temuco and Antofagasta, and 12 mobile usability tests with "
                 "concrete tasks, such as finding how much the Senate spent last month.</p>"),
                ("heading", "Five findings"),
                ("table", {"caption": "Research findings and what we will do about each", "rows": [
                    ["Finding", "What we will do"],
                    ["People search by topic, not by committee", "Topic navigation and a search that understands words typed without accents"],
                    ["70% arrive on a mobile phone", "A design for small screens first"],
                    ["“Proactive transparency” means nothing to people outside government", "Plain-language titles and an explanation of each category"],
                    ["Journalists need to cite a stable version", "Permanent links to every article and version"],
                    ["Older people ask for large text and good contrast", "Meeting WCAG 2.1 level AA"],
                ]}),
                ("quote", "I don't know what a committee is; I want to know what is happening with the pensions "
                 "law."),
                ("image", {"image": "bars", "alt_text": "Abstract white and red bar chart on a blue background, "
                           "standing for the results of the usability tests."}),
                ("paragraph", "<p>We have published the interview guide so that other institutions can reuse it. "
                 "The recordings were deleted once the analysis was finished, as we promised every "
                 "participant.</p>"),
                ("document", {"document": "interview-guide", "label": "Download the interview guide (text, in Spanish)"}),
            ],
        },
    },
    {
        "month": datetime.date(2025, 4, 1),
        "teams": ["data", "it"],
        "tags": ["open-data", "transparency"],
        "hero": "bars",
        "es": {
            "slug": "votaciones-datos-abiertos",
            "title": "Votaciones y asistencia, ahora como datos abiertos",
            "summary": "Cada votación de la Sala desde 2018 y la asistencia a sesiones de Sala y comisiones se "
            "descargan en CSV y JSON, con licencia CC BY 4.0. Explicamos qué contiene cada archivo y cómo citarlo.",
            "hero_alt": "Gráfico de barras ascendente en blanco, con la última barra en rojo, sobre un fondo azul.",
            "body": [
                ("paragraph", "<p>Los datos de votaciones ya estaban en nuestro sitio, pero repartidos en miles de "
                 "páginas. Investigadores y periodistas los copiaban a mano o escribían programas para extraerlos. "
                 "Desde abril se descargan completos, en formatos abiertos y con una licencia que permite "
                 "reutilizarlos sin pedir permiso.</p>"),
                ("heading", "Qué publicamos"),
                ("table", {"caption": "Conjuntos de datos legislativos abiertos", "rows": [
                    ["Conjunto", "Desde", "Actualización", "Formatos"],
                    ["Votaciones de Sala", "2018", "Después de cada sesión", "CSV, JSON"],
                    ["Asistencia a Sala", "2018", "Diaria", "CSV, JSON"],
                    ["Asistencia a comisiones", "2022", "Semanal", "CSV, JSON"],
                    ["Proyectos de ley y su tramitación", "2010", "Diaria", "JSON"],
                ]}),
                ("paragraph", "<p>Todos los conjuntos usan la licencia Creative Commons Atribución 4.0 (CC BY 4.0): "
                 "puede copiarlos, combinarlos y usarlos incluso con fines comerciales, siempre que cite la "
                 "fuente. Cada archivo trae una fila de encabezado y está codificado en UTF-8.</p>"),
                ("document", {"document": "votes-sample", "label": "Descargar una muestra de votaciones de marzo de 2025 (CSV)"}),
                ("callout", {"title": "Cómo citar", "text": "<p><i>Fuente: Senado de la República de Chile, "
                 "Votaciones de Sala, descargado el 02-04-2025. Licencia CC BY 4.0.</i></p>"}),
            ],
        },
        "en": {
            "slug": "votes-open-data",
            "title": "Votes and attendance, now as open data",
            "summary": "Every floor vote since 2018 and attendance at floor and committee sessions can be "
            "downloaded as CSV and JSON under a CC BY 4.0 licence. We explain what each file contains and how to "
            "cite it.",
            "hero_alt": "Rising white bar chart, the last bar in red, on a blue background.",
            "body": [
                ("paragraph", "<p>Voting data was already on our site, but spread over thousands of pages. "
                 "Researchers and journalists copied it by hand or wrote programs to extract it. Since April it "
                 "can be downloaded in full, in open formats and under a licence that allows reuse without asking "
                 "for permission.</p>"),
                ("heading", "What we publish"),
                ("table", {"caption": "Open legislative datasets", "rows": [
                    ["Dataset", "Since", "Updated", "Formats"],
                    ["Floor votes", "2018", "After every session", "CSV, JSON"],
                    ["Floor attendance", "2018", "Daily", "CSV, JSON"],
                    ["Committee attendance", "2022", "Weekly", "CSV, JSON"],
                    ["Bills and their progress", "2010", "Daily", "JSON"],
                ]}),
                ("paragraph", "<p>Every dataset uses the Creative Commons Attribution 4.0 licence (CC BY 4.0): you "
                 "may copy, combine and use it, commercially too, as long as you credit the source. Every file has "
                 "a header row and is encoded in UTF-8.</p>"),
                ("document", {"document": "votes-sample", "label": "Download a sample of March 2025 votes (CSV)"}),
                ("callout", {"title": "How to cite", "text": "<p><i>Source: Senate of the Republic of Chile, Floor "
                 "votes, downloaded on 2 April 2025. Licence CC BY 4.0.</i></p>"}),
            ],
        },
    },
    {
        "month": datetime.date(2025, 6, 1),
        "teams": ["digital", "records"],
        "tags": ["interoperability", "paperless"],
        "hero": "network",
        "es": {
            "slug": "interoperabilidad",
            "title": "Interoperabilidad: pedir cada documento una sola vez",
            "summary": "Nos conectamos a la Red de Interoperabilidad del Estado para consultar en línea "
            "certificados que antes pedíamos en papel a proveedores y personas. Son cuatro documentos menos por "
            "cada contrato.",
            "hero_alt": "Red de círculos blancos y rojos unidos por líneas sobre fondo azul, como instituciones "
            "que intercambian datos.",
            "body": [
                ("paragraph", "<p>Uno de los principios de la Ley de Transformación Digital es que el Estado no "
                 "debe pedir a las personas documentos que ya tiene. Cada contrato del Senado exigía cuatro "
                 "certificados que emiten otras instituciones públicas, y los proveedores los conseguían, "
                 "imprimían y traían.</p>"),
                ("heading", "Qué consultamos ahora directamente"),
                ("table", {"caption": "Certificados consultados por interoperabilidad desde junio de 2025", "rows": [
                    ["Documento", "Institución que lo emite", "Antes", "Ahora"],
                    ["Certificado de antecedentes", "Registro Civil", "Lo traía el proveedor", "Consulta en línea"],
                    ["Inicio de actividades", "Servicio de Impuestos Internos", "PDF por correo", "Consulta en línea"],
                    ["Cumplimiento de obligaciones laborales (F30)", "Dirección del Trabajo", "Papel firmado", "Consulta en línea"],
                    ["Inscripción en el Registro de Proveedores", "Dirección ChileCompra", "Captura de pantalla", "Consulta en línea"],
                ]}),
                ("quote", "Un proveedor pequeño perdía medio día consiguiendo papeles que el Estado ya tenía."),
                ("paragraph", "<p>Cada consulta queda registrada con su motivo y el número del procedimiento, y "
                 "solo el personal de la Unidad de Compras puede hacerla. Los datos se usan para ese contrato y "
                 "para nada más.</p>"),
            ],
        },
        "en": {
            "slug": "interoperability",
            "title": "Interoperability: asking for each document only once",
            "summary": "We joined the State's Interoperability Network to check online certificates we used to "
            "ask suppliers and citizens for on paper. That is four fewer documents for every contract.",
            "hero_alt": "Network of white and red circles joined by lines on a blue background, like institutions "
            "exchanging data.",
            "body": [
                ("paragraph", "<p>One of the principles of the Digital Transformation Law is that the State must "
                 "not ask people for documents it already holds. Every Senate contract required four certificates "
                 "issued by other public bodies, and suppliers had to obtain, print and bring them.</p>"),
                ("heading", "What we now check directly"),
                ("table", {"caption": "Certificates checked through interoperability since June 2025", "rows": [
                    ["Document", "Issued by", "Before", "Now"],
                    ["Criminal record certificate", "Civil Registry", "Brought by the supplier", "Checked online"],
                    ["Registration of business activity", "Internal Revenue Service", "PDF by e-mail", "Checked online"],
                    ["Labour and pension compliance (F30)", "Labour Directorate", "Signed paper", "Checked online"],
                    ["Registration in the Supplier Register", "ChileCompra", "Screenshot", "Checked online"],
                ]}),
                ("quote", "A small supplier lost half a day gathering papers the State already had."),
                ("paragraph", "<p>Every check is logged with its purpose and the procedure's number, and only "
                 "Procurement Unit staff can make it. The data is used for that contract and nothing else.</p>"),
            ],
        },
    },
    {
        "month": datetime.date(2025, 7, 1),
        "teams": ["it"],
        "tags": ["security", "identity"],
        "hero": "shield",
        "es": {
            "slug": "ciberseguridad-doble-factor",
            "title": "Ciberseguridad: dos factores para todas las cuentas",
            "summary": "Desde junio todas las cuentas del personal del Senado usan un segundo factor de "
            "autenticación. Contamos por qué lo hicimos, cómo acompañamos a 1.100 personas y qué aprendimos en el "
            "camino.",
            "hero_alt": "Escudo blanco con el centro rojo y una cerradura, sobre un fondo azul.",
            "body": [
                ("paragraph", "<p>En 2024 bloqueamos más de 38.000 correos maliciosos, pero tres cuentas fueron "
                 "usadas por terceros con contraseñas robadas. Ninguna filtró información reservada, y las tres "
                 "se habrían evitado con un segundo factor: un código en el celular o una llave física.</p>"),
                ("heading", "Cómo lo desplegamos"),
                ("table", {"caption": "Despliegue del segundo factor por etapas, 2025", "rows": [
                    ["Etapa", "Personas", "Fechas", "Cobertura"],
                    ["Piloto (Tecnologías de la Información)", "85", "3 al 14 de marzo", "100%"],
                    ["Secretaría General y comités", "420", "17 de marzo al 25 de abril", "99%"],
                    ["Oficinas parlamentarias", "595", "28 de abril al 30 de mayo", "97%"],
                ]}),
                ("paragraph", "<p>Instalamos mesas de ayuda en cada edificio y entregamos llaves físicas a quienes "
                 "no querían usar su teléfono personal. Las pocas cuentas pendientes son de personas con licencia "
                 "y se activan cuando vuelven.</p>"),
                ("quote", "La seguridad no puede depender de que nadie haga clic en el correo equivocado."),
                ("callout", {"title": "Si recibe un correo sospechoso", "text": "<ol><li>No abra enlaces ni "
                 "archivos adjuntos.</li><li>Use el botón «Reportar phishing» de su correo.</li><li>Si ya entregó "
                 "su clave, llame de inmediato a la mesa de ayuda, anexo 4000.</li></ol>"}),
            ],
        },
        "en": {
            "slug": "cybersecurity-two-factor",
            "title": "Cybersecurity: two factors for every account",
            "summary": "Since June every Senate staff account uses a second authentication factor. Here is why "
            "we did it, how we supported 1,100 people and what we learnt along the way.",
            "hero_alt": "White shield with a red centre and a keyhole, on a blue background.",
            "body": [
                ("paragraph", "<p>In 2024 we blocked more than 38,000 malicious e-mails, yet three accounts were "
                 "used by outsiders with stolen passwords. None leaked confidential information, and all three "
                 "would have been stopped by a second factor: a code on a phone or a physical key.</p>"),
                ("heading", "How we rolled it out"),
                ("table", {"caption": "Second-factor roll-out by stage, 2025", "rows": [
                    ["Stage", "People", "Dates", "Coverage"],
                    ["Pilot (Information Technology)", "85", "3 to 14 March", "100%"],
                    ["General Secretariat and party groups", "420", "17 March to 25 April", "99%"],
                    ["Senators' offices", "595", "28 April to 30 May", "97%"],
                ]}),
                ("paragraph", "<p>We set up help desks in every building and handed out physical keys to those "
                 "who did not want to use their personal phone. The few accounts still pending belong to people "
                 "on leave and are switched on when they return.</p>"),
                ("quote", "Security cannot depend on nobody ever clicking the wrong e-mail."),
                ("callout", {"title": "If you receive a suspicious e-mail", "text": "<ol><li>Do not open links or "
                 "attachments.</li><li>Use the “Report phishing” button in your mail.</li><li>If you have already "
                 "given away your password, call the help desk at once, extension 4000.</li></ol>"}),
            ],
        },
    },
    {
        "month": datetime.date(2025, 9, 1),
        "teams": ["digital", "participation"],
        "tags": ["accessibility", "research"],
        "hero": "rings",
        "es": {
            "slug": "auditoria-de-accesibilidad",
            "title": "Auditamos la accesibilidad del sitio con personas usuarias",
            "summary": "Una auditoría con las pautas WCAG 2.1 y pruebas con personas ciegas, con baja visión y que "
            "navegan solo con teclado encontró 63 barreras. Corregimos 48 y publicamos el plan para las demás.",
            "hero_alt": "Anillos concéntricos azules y rojos con puntos blancos alrededor, que evocan un sitio "
            "abierto a todas las personas.",
            "body": [
                ("paragraph", "<p>Una revisión automática encuentra algunas barreras, pero no todas. Por eso, "
                 "además de auditar el sitio con las pautas WCAG 2.1 nivel AA, invitamos a ocho personas ciegas, "
                 "con baja visión o que navegan solo con teclado a hacer trámites reales mientras las "
                 "observábamos.</p>"),
                ("heading", "Lo que encontramos"),
                ("table", {"caption": "Barreras de accesibilidad encontradas y corregidas, agosto de 2025", "rows": [
                    ["Tipo de barrera", "Casos", "Corregidos"],
                    ["Imágenes sin texto alternativo", "17", "17"],
                    ["Contraste de color insuficiente", "12", "12"],
                    ["Formularios sin etiquetas", "9", "8"],
                    ["Documentos PDF escaneados sin texto", "14", "3"],
                    ["Foco de teclado invisible o perdido", "11", "8"],
                ]}),
                ("quote", "Con el lector de pantalla, el buscador me decía «botón, botón, botón». No sabía cuál "
                 "era el de buscar."),
                ("image", {"image": "sheets", "alt_text": "Hojas superpuestas con una marca de verificación roja, "
                           "como la lista de barreras revisadas una a una."}),
                ("paragraph", "<p>Los PDF escaneados son el trabajo más largo: cada documento debe reconocerse, "
                 "revisarse y etiquetarse a mano. Antes de marzo de 2026 quedarán convertidos los que más se "
                 "descargan, y los nuevos se publicarán siempre con texto.</p>"),
                ("callout", {"title": "¿Encontró una barrera?", "text": "<p>Escríbanos a "
                 "accesibilidad@senado.example contando en qué página y con qué tecnología de apoyo. Respondemos "
                 "en un plazo de 10 días hábiles.</p>"}),
            ],
        },
        "en": {
            "slug": "accessibility-audit",
            "title": "We audited the site's accessibility with users",
            "summary": "An audit against WCAG 2.1 and tests with blind people, people with low vision and "
            "keyboard-only users found 63 barriers. We fixed 48 and have published the plan for the rest.",
            "hero_alt": "Blue and red concentric rings with white dots around them, suggesting a site open to "
            "everyone.",
            "body": [
                ("paragraph", "<p>An automated review finds some barriers, but not all. So, besides auditing the "
                 "site against WCAG 2.1 level AA, we invited eight people who are blind, have low vision or use "
                 "only a keyboard to carry out real tasks while we watched.</p>"),
                ("heading", "What we found"),
                ("table", {"caption": "Accessibility barriers found and fixed, August 2025", "rows": [
                    ["Type of barrier", "Cases", "Fixed"],
                    ["Images without alternative text", "17", "17"],
                    ["Insufficient colour contrast", "12", "12"],
                    ["Form fields without labels", "9", "8"],
                    ["Scanned PDF documents without text", "14", "3"],
                    ["Invisible or lost keyboard focus", "11", "8"],
                ]}),
                ("quote", "With the screen reader, the search box said “button, button, button”. I could not "
                 "tell which one searched."),
                ("image", {"image": "sheets", "alt_text": "Stacked sheets with a red tick, like the list of "
                           "barriers checked one by one."}),
                ("paragraph", "<p>Scanned PDFs are the longest job: every document has to be recognised, checked "
                 "and tagged by hand. The most downloaded ones will be converted before March 2026, and new ones "
                 "will always be published with text.</p>"),
                ("callout", {"title": "Found a barrier?", "text": "<p>Write to accesibilidad@senado.example "
                 "telling us which page and which assistive technology you use. We answer within 10 working "
                 "days.</p>"}),
            ],
        },
    },
    {
        "month": datetime.date(2025, 10, 1),
        "teams": ["data", "digital"],
        "tags": ["procurement", "open-data", "transparency"],
        "hero": "bars",
        "es": {
            "slug": "compras-mercado-publico",
            "title": "Compras del Senado en Mercado Público: más ofertas, más pymes",
            "summary": "Un año después de subir la compra ágil a 100 UTM, las compras del Senado reciben más "
            "cotizaciones y las ganan más empresas de menor tamaño. Publicamos las cifras y cada orden de compra "
            "en formato abierto.",
            "hero_alt": "Barras blancas que crecen de izquierda a derecha sobre fondo azul; la más alta es roja.",
            "body": [
                ("paragraph", "<p>La modificación del reglamento de compras de julio de 2024 subió el tope de la "
                 "compra ágil de 30 a 100 UTM y exigió al menos tres cotizaciones por Mercado Público, el sistema "
                 "de compras del Estado que administra la Dirección ChileCompra. Queríamos saber si eso abría la "
                 "puerta a más proveedores.</p>"),
                ("table", {"caption": "Compras ágiles del Senado, antes y después del cambio", "rows": [
                    ["Período", "Compras", "Cotizaciones promedio", "Adjudicadas a empresas de menor tamaño"],
                    ["Julio 2023 a junio 2024", "212", "2,8", "54%"],
                    ["Julio 2024 a junio 2025", "468", "4,1", "71%"],
                ]}),
                ("heading", "Dónde ver cada compra"),
                ("paragraph", "<p>Cada orden de compra está en Mercado Público, buscando por el organismo "
                 "«Senado». Además, la tabla mensual de contrataciones de Transparencia Activa reúne las compras "
                 "del mes con su monto, proveedor y enlace a la ficha, y se descarga en CSV.</p>"),
                ("callout", {"title": "Para proveedores", "text": "<ul><li>Regístrese gratis en "
                 "mercadopublico.cl.</li><li>Mantenga su inscripción hábil en el Registro de Proveedores.</li>"
                 "<li>Pagamos las facturas dentro de 30 días desde su recepción.</li></ul>"}),
                ("quote", "Por primera vez le vendimos al Senado: la cotización se hizo en diez minutos desde "
                 "Rancagua."),
            ],
        },
        "en": {
            "slug": "procurement-mercado-publico",
            "title": "The Senate's purchases on Mercado Público: more bids, more small firms",
            "summary": "A year after the quick-purchase ceiling was raised to 100 UTM, the Senate's purchases "
            "receive more quotes and more small firms win them. We publish the figures and every purchase order "
            "in an open format.",
            "hero_alt": "White bars growing from left to right on a blue background; the tallest is red.",
            "body": [
                ("paragraph", "<p>The July 2024 amendment to the procurement regulation raised the ceiling for "
                 "quick purchases (<i>compra ágil</i>) from 30 to 100 UTM and required at least three quotes "
                 "through Mercado Público, the State's procurement system run by ChileCompra. We wanted to know "
                 "whether that opened the door to more suppliers.</p>"),
                ("table", {"caption": "The Senate's quick purchases, before and after the change", "rows": [
                    ["Period", "Purchases", "Average quotes", "Awarded to small firms"],
                    ["July 2023 to June 2024", "212", "2.8", "54%"],
                    ["July 2024 to June 2025", "468", "4.1", "71%"],
                ]}),
                ("heading", "Where to see every purchase"),
                ("paragraph", "<p>Every purchase order is on Mercado Público, under the buyer “Senado”. The "
                 "monthly contracts table in Proactive Transparency also lists the month's purchases with their "
                 "amount, supplier and a link to their record, and downloads as CSV.</p>"),
                ("callout", {"title": "For suppliers", "text": "<ul><li>Register for free at "
                 "mercadopublico.cl.</li><li>Keep your Supplier Register entry in good standing.</li><li>We pay "
                 "invoices within 30 days of receiving them.</li></ul>"}),
                ("quote", "For the first time we sold to the Senate: the quote took ten minutes, from Rancagua."),
            ],
        },
    },
    {
        "month": datetime.date(2025, 12, 1),
        "teams": ["data", "participation"],
        "tags": ["transparency", "open-data", "participation"],
        "hero": "sheets",
        "es": {
            "slug": "seguimiento-de-proyectos",
            "title": "Cada proyecto de ley, con su historia completa",
            "summary": "La nueva ficha de cada proyecto reúne en una página sus trámites, votaciones, informes de "
            "comisión, indicaciones y consultas ciudadanas, con alertas por correo para quien quiera seguirlo.",
            "hero_alt": "Hojas superpuestas sobre fondo azul, con una marca roja en la primera, como el "
            "expediente de un proyecto.",
            "body": [
                ("paragraph", "<p>Seguir un proyecto de ley exigía saltar entre la tramitación, las actas, los "
                 "informes y las votaciones, cada uno en una sección distinta. La nueva ficha los ordena en una "
                 "sola línea de tiempo, desde el ingreso hasta la publicación en el Diario Oficial.</p>"),
                ("heading", "Qué reúne la ficha"),
                ("paragraph", "<ul><li>Cada trámite, con su fecha y la cámara en que ocurrió.</li><li>Las "
                 "votaciones, con el voto de cada senadora y senador.</li><li>Los informes de comisión y las "
                 "indicaciones presentadas.</li><li>Las consultas de Senado Participa y su informe de "
                 "resultados.</li></ul>"),
                ("quote", "Ahora puedo enlazar a una votación concreta en mi nota y el enlace sigue funcionando un "
                 "año después."),
                ("heading", "Alertas"),
                ("paragraph", "<p>Quien quiera seguir un proyecto puede suscribirse con su correo y recibir un "
                 "aviso cada vez que cambie su estado. No pedimos nada más que el correo, y cada aviso trae un "
                 "enlace para darse de baja.</p>"),
                ("callout", {"title": "Los datos detrás de la ficha", "text": "<p>Todo lo que muestra la ficha "
                 "está también en los datos abiertos de proyectos de ley, en JSON y con licencia CC BY 4.0.</p>"}),
            ],
        },
        "en": {
            "slug": "bill-tracking",
            "title": "Every bill with its full history",
            "summary": "Each bill's new page gathers its stages, votes, committee reports, amendments and citizen "
            "consultations, with e-mail alerts for anyone who wants to follow it.",
            "hero_alt": "Stacked sheets on a blue background, with a red mark on the first one, like a bill's "
            "file.",
            "body": [
                ("paragraph", "<p>Following a bill meant jumping between its progress, the minutes, the reports "
                 "and the votes, each in a different section. The new page puts them on a single timeline, from "
                 "introduction to publication in the Official Gazette.</p>"),
                ("heading", "What the page brings together"),
                ("paragraph", "<ul><li>Every stage, with its date and the chamber where it happened.</li><li>The "
                 "votes, with how each senator voted.</li><li>Committee reports and the amendments tabled.</li>"
                 "<li>Senado Participa consultations and their results report.</li></ul>"),
                ("quote", "Now I can link to a specific vote in my story and the link still works a year later."),
                ("heading", "Alerts"),
                ("paragraph", "<p>Anyone who wants to follow a bill can subscribe with their e-mail address and be "
                 "told each time its status changes. We ask for nothing but the address, and every alert has an "
                 "unsubscribe link.</p>"),
                ("callout", {"title": "The data behind the page", "text": "<p>Everything the page shows is also in "
                 "the open data on bills, as JSON under a CC BY 4.0 licence.</p>"}),
            ],
        },
    },
    {
        "month": datetime.date(2026, 1, 1),
        "teams": ["digital", "it"],
        "tags": ["ai", "security"],
        "hero": "network",
        "es": {
            "slug": "orientaciones-inteligencia-artificial",
            "title": "Siete orientaciones para usar inteligencia artificial en el Senado",
            "summary": "Aprobamos orientaciones para el uso de herramientas de inteligencia artificial "
            "generativa: qué se puede hacer, qué nunca se sube a un servicio externo y cómo se revisa lo que "
            "produce una máquina.",
            "hero_alt": "Red de nodos blancos y rojos conectados sobre fondo azul, que sugiere un sistema que "
            "aprende de datos.",
            "body": [
                ("paragraph", "<p>Una encuesta interna mostró que cuatro de cada diez personas ya usaban "
                 "herramientas de inteligencia artificial generativa para resumir documentos o redactar borradores, "
                 "casi siempre con cuentas personales. Prohibirlas no habría funcionado; preferimos acordar cómo "
                 "usarlas bien.</p>"),
                ("heading", "Las siete orientaciones"),
                ("paragraph", "<ol><li>Quien usa la herramienta responde por el resultado.</li><li>Nunca se "
                 "ingresan datos personales ni documentos reservados en servicios externos.</li><li>Todo texto "
                 "generado se revisa contra las fuentes.</li><li>Se informa cuando un documento público se redactó "
                 "con apoyo de inteligencia artificial.</li><li>Solo se usan cuentas institucionales "
                 "autorizadas.</li><li>No se toman decisiones sobre personas con resultados automáticos.</li><li>Los "
                 "equipos comparten sus usos y errores.</li></ol>"),
                ("callout", {"title": "Lo que nunca se sube", "text": "<p>Datos personales, documentos reservados, "
                 "borradores de informes no publicados y cualquier texto entregado por una persona en una "
                 "solicitud o reclamo.</p>"}),
                ("quote", "La máquina puede escribir el primer borrador; la responsabilidad sigue siendo nuestra."),
                ("document", {"document": "ai-guidelines", "label": "Descargar las orientaciones completas (texto)"}),
            ],
        },
        "en": {
            "slug": "artificial-intelligence-guidelines",
            "title": "Seven guidelines for using artificial intelligence at the Senate",
            "summary": "We approved guidelines for using generative artificial intelligence tools: what may be "
            "done, what is never uploaded to an outside service and how the output of a machine is checked.",
            "hero_alt": "Network of connected white and red nodes on a blue background, suggesting a system that "
            "learns from data.",
            "body": [
                ("paragraph", "<p>An internal survey showed that four in ten people already used generative AI "
                 "tools to summarise documents or write drafts, almost always with personal accounts. Banning them "
                 "would not have worked; we preferred to agree on how to use them well.</p>"),
                ("heading", "The seven guidelines"),
                ("paragraph", "<ol><li>Whoever uses the tool answers for the result.</li><li>Personal data and "
                 "confidential documents are never entered into outside services.</li><li>Every generated text is "
                 "checked against the sources.</li><li>We say when a public document was drafted with the help of "
                 "artificial intelligence.</li><li>Only authorised institutional accounts are used.</li><li>No "
                 "decision about a person is taken on automated output.</li><li>Teams share their uses and "
                 "mistakes.</li></ol>"),
                ("callout", {"title": "What is never uploaded", "text": "<p>Personal data, confidential documents, "
                 "unpublished draft reports and any text a person sent us in a request or complaint.</p>"}),
                ("quote", "The machine may write the first draft; the responsibility is still ours."),
                ("document", {"document": "ai-guidelines", "label": "Download the full guidelines (text, in Spanish)"}),
            ],
        },
    },
    {
        "month": datetime.date(2026, 3, 1),
        "teams": ["participation"],
        "tags": ["participation", "research"],
        "hero": "network",
        "related": ["plataforma-de-participacion-digital", "investigacion-con-usuarios"],
        "es": {
            "slug": "balance-de-senado-participa",
            "title": "Senado Participa: más de 21.000 opiniones y lo que cambiaron",
            "summary": "Seis consultas, 21.183 participantes de las 16 regiones y tres indicaciones que las "
            "comisiones presentaron a partir de las opiniones recibidas. El balance y lo que mejoraremos.",
            "hero_alt": "Red de círculos blancos y rojos unidos por líneas sobre fondo azul, como personas de "
            "distintas regiones conectadas.",
            "body": [
                ("paragraph", "<p>En octubre de 2024 abrimos Senado Participa con dos consultas piloto. Desde entonces, "
                 "seis comisiones consultaron a la ciudadanía y 21.183 personas respondieron, con participación "
                 "de las 16 regiones en casi todas las consultas.</p>"),
                ("table", {"caption": "Las cinco regiones con más participantes", "rows": [
                    ["Región", "Participantes", "Por cada 10.000 habitantes"],
                    ["Metropolitana", "8.904", "11,0"],
                    ["Valparaíso", "3.370", "16,9"],
                    ["Biobío", "1.811", "11,0"],
                    ["La Araucanía", "1.244", "12,4"],
                    ["Los Lagos", "902", "10,0"],
                ]}),
                ("heading", "Qué cambió gracias a las opiniones"),
                ("paragraph", "<p>En tres proyectos, las comisiones presentaron indicaciones que recogían "
                 "propuestas de la consulta: la obligación de avisar a las familias en la ley de convivencia "
                 "escolar digital, un plazo de transición para las ciclovías y la definición de «proveedor pequeño» "
                 "en la ley de pago a 30 días.</p>"),
                ("quote", "Leí mi propuesta, con otras palabras, en el informe de la comisión. No sabía que eso "
                 "podía pasar."),
                ("document", {"document": "consultation-results", "label": "Descargar los resultados de cada consulta (CSV)"}),
                ("callout", {"title": "Lo que mejoraremos", "text": "<p>Consultas en lenguaje más simple, una "
                 "versión para lectores de pantalla revisada con personas usuarias y aviso por correo cuando el "
                 "informe de resultados esté listo.</p>"}),
            ],
        },
        "en": {
            "slug": "senado-participa-results",
            "title": "Senado Participa: over 21,000 opinions and what they changed",
            "summary": "Six consultations, 21,183 participants from all 16 regions and three amendments that "
            "committees tabled from the opinions received. The results and what we will improve.",
            "hero_alt": "Network of white and red circles joined by lines on a blue background, like people from "
            "different regions connected.",
            "body": [
                ("paragraph", "<p>In October 2024 we opened Senado Participa with two pilot consultations. Since then, "
                 "six committees have consulted the public and 21,183 people have answered, with all 16 regions "
                 "taking part in almost every consultation.</p>"),
                ("table", {"caption": "The five regions with the most participants", "rows": [
                    ["Region", "Participants", "Per 10,000 inhabitants"],
                    ["Santiago Metropolitan", "8,904", "11.0"],
                    ["Valparaíso", "3,370", "16.9"],
                    ["Biobío", "1,811", "11.0"],
                    ["La Araucanía", "1,244", "12.4"],
                    ["Los Lagos", "902", "10.0"],
                ]}),
                ("heading", "What changed thanks to the opinions"),
                ("paragraph", "<p>On three bills, committees tabled amendments that took up proposals from the "
                 "consultation: a duty to inform families in the digital school coexistence law, a transition "
                 "period for cycle lanes and a definition of “small supplier” in the 30-day payment law.</p>"),
                ("quote", "I read my proposal, in other words, in the committee's report. I didn't know that could "
                 "happen."),
                ("document", {"document": "consultation-results", "label": "Download the results of each consultation (CSV)"}),
                ("callout", {"title": "What we will improve", "text": "<p>Consultations in simpler language, a "
                 "screen-reader version tested with users and an e-mail when the results report is ready.</p>"}),
            ],
        },
    },
    {
        "month": datetime.date(2026, 5, 1),
        "teams": ["digital"],
        "tags": ["skills", "paperless"],
        "hero": "bars",
        "es": {
            "slug": "competencias-digitales",
            "title": "600 personas formadas en competencias digitales",
            "summary": "El programa de formación que diseñó el propio personal, a partir de lo que cada equipo "
            "dijo necesitar, ya suma 600 personas capacitadas en firma electrónica, datos, seguridad y lenguaje "
            "claro.",
            "hero_alt": "Barras blancas ascendentes sobre fondo azul, la última en rojo, como un avance paso a "
            "paso.",
            "body": [
                ("paragraph", "<p>La transformación digital no ocurre solo con sistemas nuevos: exige cambiar la "
                 "manera de trabajar. En 2025 una comisión del personal preguntó a cada equipo qué necesitaba "
                 "aprender, y con esas respuestas armamos los cursos, en lugar de comprar un catálogo "
                 "genérico.</p>"),
                ("table", {"caption": "Cursos del programa de competencias digitales, a abril de 2026", "rows": [
                    ["Curso", "Horas", "Personas aprobadas"],
                    ["Firma electrónica avanzada y expediente electrónico", "6", "214"],
                    ["Hojas de cálculo y datos abiertos", "12", "131"],
                    ["Seguridad de la información", "4", "163"],
                    ["Lenguaje claro", "8", "92"],
                ]}),
                ("heading", "Aprender haciendo"),
                ("paragraph", "<p>Cada curso termina con una tarea real del propio equipo: digitalizar un "
                 "procedimiento, publicar una tabla en formato abierto o reescribir una carta a la ciudadanía. "
                 "Las mejores se comparten en la comunidad interna de práctica.</p>"),
                ("quote", "Reescribimos la carta de respuesta a las solicitudes de información y las consultas de "
                 "seguimiento bajaron a la mitad."),
                ("callout", {"title": "Próximos cursos", "text": "<p>Documentos accesibles e inteligencia "
                 "artificial responsable, desde junio de 2026.</p>"}),
            ],
        },
        "en": {
            "slug": "digital-skills",
            "title": "600 people trained in digital skills",
            "summary": "The training programme designed by staff themselves, from what each team said it needed, "
            "has now trained 600 people in electronic signatures, data, security and plain language.",
            "hero_alt": "Rising white bars on a blue background, the last one red, like step-by-step progress.",
            "body": [
                ("paragraph", "<p>Digital transformation does not happen through new systems alone: it takes a new "
                 "way of working. In 2025 a staff committee asked every team what it needed to learn, and we built "
                 "the courses from those answers instead of buying a generic catalogue.</p>"),
                ("table", {"caption": "Digital skills courses, as of April 2026", "rows": [
                    ["Course", "Hours", "People who passed"],
                    ["Advanced electronic signature and electronic records", "6", "214"],
                    ["Spreadsheets and open data", "12", "131"],
                    ["Information security", "4", "163"],
                    ["Plain language", "8", "92"],
                ]}),
                ("heading", "Learning by doing"),
                ("paragraph", "<p>Every course ends with a real task from the team itself: digitising a procedure, "
                 "publishing a table in an open format or rewriting a letter to citizens. The best ones are shared "
                 "in the internal community of practice.</p>"),
                ("quote", "We rewrote the reply letter to information requests and follow-up questions fell by "
                 "half."),
                ("callout", {"title": "Coming next", "text": "<p>Accessible documents and responsible artificial "
                 "intelligence, from June 2026.</p>"}),
            ],
        },
    },
    {
        "month": datetime.date(2026, 8, 1),
        "teams": ["data"],
        "tags": ["open-data", "transparency", "procurement"],
        "hero": "sheets",
        "related": ["votaciones-datos-abiertos", "compras-mercado-publico"],
        "es": {
            "slug": "presupuesto-abierto",
            "title": "Presupuesto abierto: la ejecución del Senado mes a mes",
            "summary": "Publicamos la ejecución presupuestaria del Senado por subtítulo y por mes, en CSV y JSON, "
            "con una explicación en lenguaje claro de qué es un subtítulo y por qué el gasto se concentra a fin "
            "de año.",
            "hero_alt": "Hojas superpuestas sobre fondo azul con una marca roja, como los informes de ejecución "
            "presupuestaria revisados.",
            "body": [
                ("paragraph", "<p>El presupuesto del Senado se aprueba cada año en la Ley de Presupuestos, pero "
                 "saber cuánto se ha gastado a la fecha exigía leer informes en PDF. Desde este mes, la ejecución "
                 "se publica cada mes como tabla descargable en la sección de Transparencia Activa.</p>"),
                ("heading", "Cómo leer la tabla"),
                ("paragraph", "<p>El gasto público se clasifica en subtítulos: el 21 son los gastos en personal, el "
                 "22 los bienes y servicios de consumo, el 24 las transferencias y el 29 la compra de equipos y "
                 "programas. Las inversiones suelen pagarse a fin de año, cuando se reciben los bienes, por eso su "
                 "porcentaje de ejecución es bajo a mitad de año.</p>"),
                ("table", {"caption": "Ejecución acumulada al 31 de julio de 2026 (miles de pesos)", "rows": [
                    ["Subtítulo", "Presupuesto vigente", "Ejecutado", "Porcentaje"],
                    ["21 Gastos en personal", "98.450.000", "56.116.500", "57,0%"],
                    ["22 Bienes y servicios de consumo", "14.230.000", "6.830.400", "48,0%"],
                    ["24 Transferencias corrientes", "3.120.000", "1.560.000", "50,0%"],
                    ["29 Adquisición de activos no financieros", "4.870.000", "1.120.100", "23,0%"],
                ]}),
                ("image", {"image": "bars", "alt_text": "Barras que crecen de izquierda a derecha, como el gasto "
                           "acumulado durante el año."}),
                ("callout", {"title": "Dónde descargarla", "text": "<p>Transparencia Activa, letra k) "
                 "«Presupuesto y su ejecución»: cada mes en CSV y JSON, con los meses anteriores siempre "
                 "disponibles.</p>"}),
            ],
        },
        "en": {
            "slug": "open-budget",
            "title": "Open budget: the Senate's spending month by month",
            "summary": "We publish the Senate's budget execution by subtitle and by month, as CSV and JSON, with "
            "a plain-language explanation of what a subtitle is and why spending peaks at the end of the year.",
            "hero_alt": "Stacked sheets on a blue background with a red tick, like checked budget execution "
            "reports.",
            "body": [
                ("paragraph", "<p>The Senate's budget is approved every year in the Budget Law, but finding out how "
                 "much had been spent so far meant reading PDF reports. From this month on, execution is published "
                 "monthly as a downloadable table in the Proactive Transparency section.</p>"),
                ("heading", "How to read the table"),
                ("paragraph", "<p>Public spending is classified into subtitles: 21 is staff, 22 goods and services "
                 "for current use, 24 transfers and 29 purchases of equipment and software. Investments are "
                 "usually paid at the end of the year, when the goods arrive, which is why their execution rate is "
                 "low mid-year.</p>"),
                ("table", {"caption": "Execution to 31 July 2026 (thousands of pesos)", "rows": [
                    ["Subtitle", "Current budget", "Spent", "Percentage"],
                    ["21 Staff", "98,450,000", "56,116,500", "57.0%"],
                    ["22 Goods and services for current use", "14,230,000", "6,830,400", "48.0%"],
                    ["24 Current transfers", "3,120,000", "1,560,000", "50.0%"],
                    ["29 Purchase of non-financial assets", "4,870,000", "1,120,100", "23.0%"],
                ]}),
                ("image", {"image": "bars", "alt_text": "Bars growing from left to right, like spending "
                           "accumulating through the year."}),
                ("callout", {"title": "Where to download it", "text": "<p>Proactive Transparency, letter k) "
                 "“Budget and its execution”: every month as CSV and JSON, with earlier months always "
                 "available.</p>"}),
            ],
        },
    },
    {
        "month": datetime.date(2026, 11, 1),
        "teams": ["digital", "data", "participation"],
        "tags": ["transparency", "accessibility", "services", "open-data"],
        "hero": "sheets",
        "related": ["investigacion-con-usuarios", "auditoria-de-accesibilidad", "votaciones-datos-abiertos"],
        "es": {
            "slug": "portal-de-informacion-publica",
            "title": "Un portal para toda la información pública del Senado",
            "summary": "Transparencia activa, reglamentos de compras con todas sus versiones, estas notas y las "
            "preguntas frecuentes están ahora en un solo portal bilingüe, con un buscador que entiende palabras "
            "sin tilde y datos descargables.",
            "hero_alt": "Hojas superpuestas sobre fondo azul con una marca de verificación roja, como documentos "
            "reunidos en un solo lugar.",
            "body": [
                ("paragraph", "<p>La información pública del Senado estaba repartida en cinco sitios con cinco "
                 "buscadores distintos. Este mes los reunimos en un solo portal, en español y en inglés, pensado "
                 "para quien llega desde un celular y para quien usa un lector de pantalla.</p>"),
                ("heading", "Qué encontrará"),
                ("paragraph", "<ul><li>Transparencia Activa: las 13 categorías del artículo 7 de la Ley 20.285, "
                 "cada mes, con los meses anteriores siempre visibles.</li><li>Reglamentos de compras, con cada "
                 "versión, lo que cambió en cada modificación y enlaces permanentes a cada artículo.</li><li>Estas "
                 "notas, con su archivo por año.</li><li>Preguntas frecuentes, revisadas periódicamente.</li></ul>"),
                ("heading", "Hecho con lo que aprendimos"),
                ("paragraph", "<p>El portal aplica lo que nos dijeron 40 personas en 2025: títulos en lenguaje "
                 "claro, diseño primero para el celular y un buscador que encuentra «licitaciones» aunque se "
                 "escriba «licitacion». La auditoría de accesibilidad se repitió antes del lanzamiento.</p>"),
                ("quote", "Si una persona no encuentra un dato público, para ella ese dato no es público."),
                ("callout", {"title": "Para periodistas", "text": "<p>Todo el contenido está disponible en JSON, "
                 "cada tabla se descarga en CSV y estas notas tienen feeds Atom y JSON Feed.</p>"}),
            ],
        },
        "en": {
            "slug": "public-information-portal",
            "title": "One portal for all the Senate's public information",
            "summary": "Proactive transparency, procurement regulations with all their versions, these notes and "
            "the frequently asked questions are now in a single bilingual portal, with a search that understands "
            "words typed without accents and downloadable data.",
            "hero_alt": "Stacked sheets on a blue background with a red tick, like documents brought together in "
            "one place.",
            "body": [
                ("paragraph", "<p>The Senate's public information was spread over five sites with five different "
                 "search boxes. This month we brought them together in a single portal, in Spanish and English, "
                 "designed for people arriving on a phone and for people using a screen reader.</p>"),
                ("heading", "What you will find"),
                ("paragraph", "<ul><li>Proactive Transparency: the 13 categories of article 7 of Law 20,285, every "
                 "month, with earlier months always visible.</li><li>Procurement regulations, with every version, "
                 "what each amendment changed and permanent links to every article.</li><li>These notes, with "
                 "their archive by year.</li><li>Frequently asked questions, reviewed regularly.</li></ul>"),
                ("heading", "Built on what we learnt"),
                ("paragraph", "<p>The portal applies what 40 people told us in 2025: plain-language titles, a "
                 "mobile-first design and a search that finds “licitaciones” even when typed “licitacion”. The "
                 "accessibility audit was repeated before launch.</p>"),
                ("quote", "If people cannot find a piece of public information, for them it is not public."),
                ("callout", {"title": "For journalists", "text": "<p>All content is available as JSON, every table "
                 "downloads as CSV and these notes have Atom and JSON Feed feeds.</p>"}),
            ],
        },
    },
]
