"""The demo FAQ's texts: five categories of five questions, each in Spanish and English, and readers' votes.

Answers state the rules as the demo tells them: Ley 20.285 (20 working days, extendable by 10),
the Senate's procurement regulation as in regulations/demo_texts (compra ágil up to 100 UTM,
payment within 30 days, complaints answered in 2 working days), ClaveÚnica, CC BY 4.0 open data.
Each question has its review date (four are more than a year old, so the "answers to review"
report has work in it), related questions (indices of earlier questions in its category) and
links, named as the builder looks them up: ("note", Spanish slug), ("dataset", dataset slug),
("regulation_article", label in the procurement regulation).
"""

import datetime

INDEX = {
    "es": {
        "slug": "preguntas-frecuentes",
        "title": "Preguntas frecuentes",
        "intro": "<p>Respuestas breves a lo que más nos preguntan sobre transparencia, compras, servicios "
        "digitales, datos abiertos y participación. Cada respuesta indica cuándo se revisó por última vez.</p>",
    },
    "en": {
        "slug": "faq",
        "title": "Frequently asked questions",
        "intro": "<p>Short answers to what we are asked most about transparency, procurement, digital services, "
        "open data and participation. Every answer says when it was last reviewed.</p>",
    },
}

CATEGORIES = [
    {
        "es": {
            "slug": "acceso-a-la-informacion",
            "title": "Acceso a la información y transparencia",
            "description": "Cómo pedir información pública al Senado, en qué plazos se responde y qué publicamos "
            "cada mes sin que nadie lo pida.",
        },
        "en": {
            "slug": "access-to-information",
            "title": "Access to information and transparency",
            "description": "How to request public information from the Senate, the deadlines for answering and "
            "what we publish every month without being asked.",
        },
        "questions": [
            {
                "reviewed": datetime.date(2026, 6, 15),
                "links": [("note", "clave-unica")],
                "es": {
                    "slug": "como-presentar-una-solicitud",
                    "title": "¿Cómo presento una solicitud de acceso a la información?",
                    "answer": "<p>Cualquier persona puede pedir información pública al Senado, sin explicar para "
                    "qué la quiere. Puede presentar su solicitud:</p><ul><li>en el formulario en línea de este "
                    "portal, con o sin Clave Única;</li><li>por correo a transparencia@senado.example;</li><li>por "
                    "carta en la Oficina de Partes, Av. Pedro Montt s/n, Valparaíso.</li></ul><p>Indique su "
                    "nombre, un correo o dirección para recibir la respuesta y la información que busca, con el "
                    "mayor detalle posible. Si prefiere un formato, por ejemplo una planilla en lugar de un PDF, "
                    "dígalo en la solicitud.</p>",
                },
                "en": {
                    "slug": "how-to-make-a-request",
                    "title": "How do I make a request for access to information?",
                    "answer": "<p>Anyone may request public information from the Senate without saying why they "
                    "want it. You can send your request:</p><ul><li>through the online form on this portal, with "
                    "or without ClaveÚnica;</li><li>by e-mail to transparencia@senado.example;</li><li>by letter to "
                    "the Registry Office, Av. Pedro Montt s/n, Valparaíso.</li></ul><p>Give your name, an e-mail "
                    "or postal address for the answer and the information you are looking for, in as much detail "
                    "as you can. If you prefer a format, for example a spreadsheet rather than a PDF, say so in "
                    "the request.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 9, 7),
                "related": [0],
                "es": {
                    "slug": "plazo-de-respuesta",
                    "title": "¿Cuánto tiempo tiene el Senado para responder?",
                    "answer": "<p>El plazo es de <b>20 días hábiles</b> desde que recibimos la solicitud, según el "
                    "artículo 14 de la Ley 20.285. Excepcionalmente puede prorrogarse por <b>10 días hábiles "
                    "más</b> cuando cuesta reunir la información; en ese caso le avisaremos, con el motivo, antes "
                    "de que venza el primer plazo.</p><p>Si la información afecta a otras personas, debemos "
                    "comunicárselo, y ellas tienen 3 días hábiles para oponerse. Los días hábiles no incluyen "
                    "sábados, domingos ni festivos.</p>",
                },
                "en": {
                    "slug": "response-time",
                    "title": "How long does the Senate have to answer?",
                    "answer": "<p>The deadline is <b>20 working days</b> from when we receive the request, under "
                    "article 14 of Law 20,285. Exceptionally it can be extended by <b>10 more working days</b> "
                    "when the information is hard to gather; if so, we will tell you why before the first "
                    "deadline expires.</p><p>If the information concerns other people, we must notify them, and "
                    "they have 3 working days to object. Working days exclude Saturdays, Sundays and public "
                    "holidays.</p>",
                },
            },
            {
                "reviewed": datetime.date(2024, 8, 12),
                "related": [1],
                "es": {
                    "slug": "si-no-me-responden",
                    "title": "¿Qué hago si no me responden o me niegan la información?",
                    "answer": "<p>Si vence el plazo sin respuesta, o si la respuesta niega la información en todo "
                    "o en parte, puede reclamar. Una denegación debe ser por escrito y explicar la causa legal, "
                    "por ejemplo la protección de datos personales.</p><p>En ministerios, servicios públicos y "
                    "municipios, el reclamo de amparo se presenta ante el Consejo para la Transparencia dentro "
                    "de 15 días hábiles. El Congreso Nacional tiene reglas propias: en el Senado, el reclamo se "
                    "dirige a su Comisión de Ética y Transparencia, por los mismos medios que la solicitud.</p>",
                },
                "en": {
                    "slug": "if-there-is-no-answer",
                    "title": "What can I do if I get no answer or the information is refused?",
                    "answer": "<p>If the deadline passes without an answer, or the answer refuses all or part of "
                    "the information, you can complain. A refusal must be in writing and give its legal ground, "
                    "for example the protection of personal data.</p><p>For ministries, public services and "
                    "municipalities, the complaint (<i>amparo</i>) goes to the Council for Transparency within 15 "
                    "working days. The National Congress has its own rules: at the Senate, the complaint goes to "
                    "its Ethics and Transparency Committee, by the same means as the request.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 10, 5),
                "related": [0],
                "links": [("dataset", "personal-de-planta"), ("note", "portal-de-informacion-publica")],
                "es": {
                    "slug": "que-es-la-transparencia-activa",
                    "title": "¿Qué es la transparencia activa y dónde la encuentro?",
                    "answer": "<p>Es la información que la ley obliga a publicar sin que nadie la pida: "
                    "estructura, personal y remuneraciones, compras, transferencias, presupuesto, auditorías y las "
                    "demás materias del artículo 7 de la Ley 20.285. Está en la sección Transparencia Activa de "
                    "este portal, ordenada en las 13 categorías de la ley.</p><p>Cada tabla se actualiza dentro de "
                    "los primeros 10 días hábiles de cada mes, los meses anteriores siguen publicados y todas se "
                    "descargan en CSV y JSON.</p>",
                },
                "en": {
                    "slug": "what-is-proactive-transparency",
                    "title": "What is proactive transparency and where do I find it?",
                    "answer": "<p>It is the information the law requires us to publish without being asked: "
                    "structure, staff and pay, procurement, transfers, budget, audits and the other matters in "
                    "article 7 of Law 20,285. It is in this portal's Proactive Transparency section, arranged in "
                    "the law's 13 categories.</p><p>Every table is updated within the first 10 working days of "
                    "each month, earlier months stay published and all of them download as CSV and JSON.</p>",
                },
            },
            {
                "reviewed": datetime.date(2025, 3, 3),
                "related": [0, 2],
                "es": {
                    "slug": "datos-personales",
                    "title": "¿Puedo pedir información sobre otra persona o sobre mis propios datos?",
                    "answer": "<p>Puede pedir información pública sobre la actividad del Senado, como las "
                    "remuneraciones de sus cargos, que la ley ordena publicar. En cambio, los datos personales de "
                    "otras personas que no son públicos, como su domicilio o su salud, están protegidos por la "
                    "Ley 19.628 sobre protección de la vida privada y no se entregan.</p><p>Sus propios datos sí "
                    "puede pedirlos: tiene derecho a saber qué datos suyos tenemos y para qué los usamos, y a "
                    "pedir que se corrijan o eliminen cuando corresponda. Presente una solicitud identificándose, "
                    "de preferencia con Clave Única.</p>",
                },
                "en": {
                    "slug": "personal-data",
                    "title": "Can I ask for information about another person, or about my own data?",
                    "answer": "<p>You can request public information about the Senate's activity, such as the pay "
                    "of its posts, which the law requires us to publish. Other people's personal data that is not "
                    "public, such as their address or health, is protected by Law 19,628 on the protection of "
                    "private life and is not disclosed.</p><p>Your own data you can ask for: you have the right to "
                    "know what data about you we hold and what we use it for, and to have it corrected or deleted "
                    "where appropriate. Send a request identifying yourself, preferably with ClaveÚnica.</p>",
                },
            },
        ],
    },
    {
        "es": {
            "slug": "compras-y-proveedores",
            "title": "Compras públicas y proveedores",
            "description": "Cómo venderle al Senado, qué procedimientos usa para comprar, cuándo paga y cómo "
            "reclamar.",
        },
        "en": {
            "slug": "procurement-and-suppliers",
            "title": "Public procurement and suppliers",
            "description": "How to sell to the Senate, the procedures it uses to buy, when it pays and how to "
            "complain.",
        },
        "questions": [
            {
                "reviewed": datetime.date(2026, 4, 20),
                "links": [("regulation_article", "art-12"), ("note", "compras-mercado-publico")],
                "es": {
                    "slug": "como-venderle-al-senado",
                    "title": "¿Cómo puedo venderle al Senado?",
                    "answer": "<p>El Senado compra a través de Mercado Público, el sistema de compras del Estado "
                    "que administra la Dirección ChileCompra. Para participar:</p><ol><li>Regístrese gratis como "
                    "proveedor en <a href=\"https://www.mercadopublico.cl\">mercadopublico.cl</a>.</li><li>Revise "
                    "las oportunidades del Senado y active alertas para su rubro.</li><li>Si se adjudica un "
                    "contrato, debe estar inscrito y hábil en el Registro de Proveedores al firmarlo.</li></ol>"
                    "<p>Antes de comprar, el Senado revisa los convenios marco vigentes: si lo que necesita está "
                    "en uno, compra por esa vía.</p>",
                },
                "en": {
                    "slug": "how-to-sell-to-the-senate",
                    "title": "How can I sell to the Senate?",
                    "answer": "<p>The Senate buys through Mercado Público, the State's procurement system run by "
                    "ChileCompra. To take part:</p><ol><li>Register for free as a supplier at <a "
                    "href=\"https://www.mercadopublico.cl\">mercadopublico.cl</a>.</li><li>Watch the Senate's "
                    "opportunities and set alerts for your line of business.</li><li>If you are awarded a "
                    "contract, you must be registered and in good standing in the Supplier Register when you sign "
                    "it.</li></ol><p>Before buying, the Senate checks the framework agreements in force: if what "
                    "it needs is in one, it buys that way.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 4, 20),
                "related": [0],
                "links": [("regulation_article", "art-12-bis")],
                "es": {
                    "slug": "que-es-la-compra-agil",
                    "title": "¿Qué es la compra ágil y hasta qué monto se usa?",
                    "answer": "<p>Es un procedimiento simple para compras de hasta <b>100 UTM</b>. El Senado "
                    "publica su requerimiento en Mercado Público, pide al menos tres cotizaciones a proveedores "
                    "inscritos y adjudica a la que, cumpliendo los requisitos, tiene el menor precio o la mejor "
                    "relación entre calidad y precio.</p><p>La solicitud queda publicada al menos dos días "
                    "hábiles y no exige garantías; en igualdad de condiciones se prefiere a las empresas de menor "
                    "tamaño y a los proveedores locales.</p>",
                },
                "en": {
                    "slug": "what-is-compra-agil",
                    "title": "What is a quick purchase (compra ágil) and up to what amount is it used?",
                    "answer": "<p>It is a simple procedure for purchases of up to <b>100 UTM</b>. The Senate "
                    "publishes its requirement on Mercado Público, asks registered suppliers for at least three "
                    "quotes and awards the one that meets the requirements with the lowest price or the best "
                    "balance of quality and price.</p><p>The request stays published for at least two working "
                    "days and no guarantees are required; other things being equal, small firms and local "
                    "suppliers are preferred.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 2, 9),
                "related": [0],
                "links": [("regulation_article", "art-30")],
                "es": {
                    "slug": "plazo-de-pago",
                    "title": "¿En cuánto tiempo paga el Senado sus facturas?",
                    "answer": "<p>Dentro de <b>30 días corridos</b> desde que recibimos la factura, siempre que se "
                    "haya dado la recepción conforme de los bienes o servicios. La recepción conforme, o los "
                    "reparos que correspondan, se dan dentro de los 8 días corridos siguientes a la recepción de "
                    "la factura.</p><p>Solo por resolución fundada, y en los casos que la ley autoriza, las bases "
                    "pueden fijar un plazo de hasta 60 días. Si un pago se atrasa, escriba a la Unidad de Compras "
                    "con el número de la orden de compra y de la factura.</p>",
                },
                "en": {
                    "slug": "payment-terms",
                    "title": "How soon does the Senate pay its invoices?",
                    "answer": "<p>Within <b>30 calendar days</b> of receiving the invoice, provided the goods or "
                    "services have been accepted as compliant. Acceptance, or any objections, must be given "
                    "within 8 calendar days of receiving the invoice.</p><p>Only by a reasoned resolution, and "
                    "where the law allows it, may the tender terms set up to 60 days. If a payment is late, write "
                    "to the Procurement Unit with the purchase order and invoice numbers.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 8, 24),
                "related": [0],
                "links": [
                    ("dataset", "contrataciones"),
                    ("regulation_article", "art-39"),
                    ("note", "presupuesto-abierto"),
                ],
                "es": {
                    "slug": "donde-ver-las-compras",
                    "title": "¿Dónde puedo ver las compras que ha hecho el Senado?",
                    "answer": "<p>En dos lugares:</p><ul><li>En <a href=\"https://www.mercadopublico.cl\">Mercado "
                    "Público</a> están las bases, ofertas, adjudicaciones y órdenes de compra de cada "
                    "procedimiento; busque por el organismo «Senado».</li><li>En la sección Transparencia Activa "
                    "de este portal, la tabla mensual de contrataciones reúne las compras del mes con su "
                    "proveedor, monto y enlace a Mercado Público, y se descarga en CSV y JSON.</li></ul>",
                },
                "en": {
                    "slug": "where-to-see-purchases",
                    "title": "Where can I see what the Senate has bought?",
                    "answer": "<p>In two places:</p><ul><li><a href=\"https://www.mercadopublico.cl\">Mercado "
                    "Público</a> holds the tender terms, bids, awards and purchase orders of every procedure; "
                    "search for the buyer “Senado”.</li><li>In this portal's Proactive Transparency section, the "
                    "monthly contracts table lists the month's purchases with supplier, amount and a link to "
                    "Mercado Público, and downloads as CSV and JSON.</li></ul>",
                },
            },
            {
                "reviewed": datetime.date(2025, 6, 16),
                "related": [0, 1],
                "links": [("regulation_article", "art-36")],
                "es": {
                    "slug": "reclamar-por-una-licitacion",
                    "title": "¿Cómo reclamo por irregularidades en una licitación?",
                    "answer": "<p>Puede presentar un reclamo en Mercado Público, desde la ficha del procedimiento. "
                    "La Unidad de Compras del Senado debe responderlo dentro de 2 días hábiles desde su "
                    "recepción.</p><p>Además, quien tenga un interés comprometido en el procedimiento puede "
                    "presentar una acción de impugnación ante el Tribunal de Contratación Pública, dentro de 10 "
                    "días hábiles desde que conoció el acto u omisión o desde su publicación, según la Ley "
                    "19.886.</p>",
                },
                "en": {
                    "slug": "complaints-about-a-tender",
                    "title": "How do I complain about irregularities in a tender?",
                    "answer": "<p>You can file a complaint on Mercado Público, from the procedure's page. The "
                    "Senate's Procurement Unit must answer it within 2 working days of receiving it.</p><p>In "
                    "addition, anyone with an interest at stake in the procedure can bring a challenge before the "
                    "Public Procurement Court within 10 working days of learning of the act or omission, or of "
                    "its publication, under Law 19,886.</p>",
                },
            },
        ],
    },
    {
        "es": {
            "slug": "servicios-digitales",
            "title": "Servicios digitales y Clave Única",
            "description": "Cómo usar los servicios en línea del Senado: Clave Única, accesibilidad y protección "
            "de sus datos.",
        },
        "en": {
            "slug": "digital-services",
            "title": "Digital services and ClaveÚnica",
            "description": "How to use the Senate's online services: ClaveÚnica, accessibility and the protection "
            "of your data.",
        },
        "questions": [
            {
                "reviewed": datetime.date(2026, 7, 13),
                "links": [("note", "clave-unica")],
                "es": {
                    "slug": "que-es-la-clave-unica",
                    "title": "¿Qué es la Clave Única y cómo la obtengo?",
                    "answer": "<p>La Clave Única es la identidad digital del Estado de Chile: una sola contraseña, "
                    "asociada a su RUN, para entrar a los servicios en línea de las instituciones públicas. La "
                    "entrega el Servicio de Registro Civil e Identificación.</p><p>Puede solicitarla en <a "
                    "href=\"https://claveunica.gob.cl\">claveunica.gob.cl</a> o en una oficina del Registro Civil, "
                    "con su cédula de identidad vigente. Recibirá un código para activarla; la clave es personal "
                    "y no debe compartirla con nadie, tampoco con el Senado.</p>",
                },
                "en": {
                    "slug": "what-is-claveunica",
                    "title": "What is ClaveÚnica and how do I get it?",
                    "answer": "<p>ClaveÚnica is the Chilean State's digital identity: a single password, linked to "
                    "your RUN, to sign in to public institutions' online services. It is issued by the Civil "
                    "Registry and Identification Service.</p><p>You can request it at <a "
                    "href=\"https://claveunica.gob.cl\">claveunica.gob.cl</a> or at a Civil Registry office with "
                    "your valid identity card. You will receive a code to activate it; the password is personal "
                    "and you must not share it with anyone, the Senate included.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 7, 13),
                "related": [0],
                "links": [("note", "clave-unica"), ("note", "plataforma-de-participacion-digital")],
                "es": {
                    "slug": "tramites-con-clave-unica",
                    "title": "¿Qué puedo hacer en el Senado con Clave Única?",
                    "answer": "<p>Con Clave Única puede:</p><ul><li>presentar solicitudes de acceso a la "
                    "información y seguir su estado;</li><li>responder las consultas de Senado Participa sobre "
                    "proyectos de ley;</li><li>inscribirse en visitas guiadas al edificio del Congreso en "
                    "Valparaíso.</li></ul><p>Para informarse no la necesita: leer proyectos, votaciones, datos "
                    "abiertos y estas respuestas es libre y no exige iniciar sesión.</p>",
                },
                "en": {
                    "slug": "what-can-i-do-with-claveunica",
                    "title": "What can I do at the Senate with ClaveÚnica?",
                    "answer": "<p>With ClaveÚnica you can:</p><ul><li>send requests for access to information and "
                    "follow their status;</li><li>answer Senado Participa consultations on bills;</li><li>book "
                    "guided tours of the Congress building in Valparaíso.</li></ul><p>You do not need it to stay "
                    "informed: reading bills, votes, open data and these answers is open to everyone without "
                    "signing in.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 7, 13),
                "related": [0],
                "es": {
                    "slug": "olvide-mi-clave-unica",
                    "title": "Olvidé mi Clave Única o está bloqueada, ¿qué hago?",
                    "answer": "<p>Entre a <a href=\"https://claveunica.gob.cl\">claveunica.gob.cl</a> y elija "
                    "recuperar su clave: recibirá en el correo que registró un enlace para crear una nueva. Tras "
                    "varios intentos fallidos la clave se bloquea por seguridad, y se desbloquea con el mismo "
                    "procedimiento.</p><p>Si ya no tiene acceso a ese correo, acuda a una oficina del Registro "
                    "Civil con su cédula de identidad. El Senado no puede ver, cambiar ni desbloquear su Clave "
                    "Única.</p>",
                },
                "en": {
                    "slug": "forgotten-claveunica",
                    "title": "I forgot my ClaveÚnica or it is locked. What do I do?",
                    "answer": "<p>Go to <a href=\"https://claveunica.gob.cl\">claveunica.gob.cl</a> and choose to "
                    "recover your password: you will receive a link at the e-mail address you registered to "
                    "create a new one. After several failed attempts the password is locked for security, and it "
                    "is unlocked the same way.</p><p>If you no longer have access to that e-mail, go to a Civil "
                    "Registry office with your identity card. The Senate cannot see, change or unlock your "
                    "ClaveÚnica.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 9, 28),
                "links": [("note", "auditoria-de-accesibilidad")],
                "es": {
                    "slug": "accesibilidad-del-portal",
                    "title": "¿El portal es accesible para personas con discapacidad?",
                    "answer": "<p>Ese es nuestro compromiso: el portal busca cumplir las Pautas de Accesibilidad "
                    "para el Contenido Web (WCAG) 2.1, nivel AA. Puede recorrerlo con teclado y con lector de "
                    "pantalla, ampliar el texto sin perder contenido, y las imágenes tienen texto "
                    "alternativo.</p><p>Si encuentra una barrera, escríbanos a accesibilidad@senado.example "
                    "indicando la página y la tecnología de apoyo que usa; responderemos dentro de 10 días "
                    "hábiles.</p>",
                },
                "en": {
                    "slug": "portal-accessibility",
                    "title": "Is the portal accessible to people with disabilities?",
                    "answer": "<p>That is our commitment: the portal aims to meet the Web Content Accessibility "
                    "Guidelines (WCAG) 2.1, level AA. You can use it with a keyboard and a screen reader and "
                    "enlarge the text without losing content, and images have alternative text.</p><p>If you find "
                    "a barrier, write to accesibilidad@senado.example with the page and the assistive technology "
                    "you use; we will answer within 10 working days.</p>",
                },
            },
            {
                "reviewed": datetime.date(2025, 10, 20),
                "related": [0, 1],
                "links": [("note", "ciberseguridad-doble-factor")],
                "es": {
                    "slug": "proteccion-de-datos-en-linea",
                    "title": "¿Cómo protege el Senado mis datos cuando uso sus servicios en línea?",
                    "answer": "<p>Pedimos solo los datos necesarios para cada trámite y los usamos únicamente para "
                    "ese fin. Cuando entra con Clave Única recibimos su RUN y su nombre, nunca su "
                    "contraseña.</p><p>La comunicación con el portal va cifrada, el personal entra a los sistemas "
                    "con un segundo factor de autenticación y no vendemos ni cedemos datos a terceros. Las "
                    "opiniones sobre la utilidad de estas respuestas se guardan sin ningún dato que lo "
                    "identifique.</p>",
                },
                "en": {
                    "slug": "online-data-protection",
                    "title": "How does the Senate protect my data when I use its online services?",
                    "answer": "<p>We ask only for the data each service needs and use it for that purpose alone. "
                    "When you sign in with ClaveÚnica we receive your RUN and your name, never your "
                    "password.</p><p>Traffic to the portal is encrypted, staff sign in to our systems with a "
                    "second authentication factor and we neither sell nor hand over data to third parties. Votes "
                    "on whether these answers were useful are stored without anything that identifies you.</p>",
                },
            },
        ],
    },
    {
        "es": {
            "slug": "datos-abiertos",
            "title": "Datos abiertos y reutilización",
            "description": "Qué datos publica el Senado en formatos abiertos, con qué licencia y cómo informar "
            "un error.",
        },
        "en": {
            "slug": "open-data",
            "title": "Open data and reuse",
            "description": "What data the Senate publishes in open formats, under which licence and how to report "
            "an error.",
        },
        "questions": [
            {
                "reviewed": datetime.date(2026, 5, 18),
                "links": [("note", "votaciones-datos-abiertos"), ("dataset", "ejecucion-presupuestaria")],
                "es": {
                    "slug": "que-datos-abiertos-publica",
                    "title": "¿Qué datos abiertos publica el Senado?",
                    "answer": "<p>Publicamos, entre otros:</p><ul><li>las votaciones de Sala desde 2018 y la "
                    "asistencia a Sala y comisiones;</li><li>los proyectos de ley y su tramitación;</li><li>las "
                    "tablas de Transparencia Activa: personal, compras, transferencias, presupuesto y su "
                    "ejecución, auditorías;</li><li>los reglamentos de compras, con cada versión y sus "
                    "artículos.</li></ul><p>Todos se descargan sin registrarse y sin costo.</p>",
                },
                "en": {
                    "slug": "what-open-data",
                    "title": "What open data does the Senate publish?",
                    "answer": "<p>Among others, we publish:</p><ul><li>floor votes since 2018 and attendance at "
                    "floor and committee sessions;</li><li>bills and their progress;</li><li>the Proactive "
                    "Transparency tables: staff, procurement, transfers, budget and its execution, "
                    "audits;</li><li>the procurement regulations, with every version and its "
                    "articles.</li></ul><p>All of them download free of charge and without registering.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 5, 18),
                "related": [0],
                "links": [("note", "votaciones-datos-abiertos")],
                "es": {
                    "slug": "licencia-de-los-datos",
                    "title": "¿Con qué licencia puedo reutilizar los datos?",
                    "answer": "<p>Los datos abiertos del Senado se publican con la licencia <a "
                    "href=\"https://creativecommons.org/licenses/by/4.0/deed.es\">Creative Commons Atribución 4.0 "
                    "(CC BY 4.0)</a>. Puede copiarlos, transformarlos, combinarlos con otros y usarlos con "
                    "cualquier fin, incluso comercial.</p><p>La única condición es citar la fuente, por ejemplo: "
                    "«Fuente: Senado de la República de Chile, [conjunto de datos], descargado el [fecha]». No "
                    "presente su trabajo como si el Senado lo respaldara.</p>",
                },
                "en": {
                    "slug": "data-licence",
                    "title": "Under which licence can I reuse the data?",
                    "answer": "<p>The Senate's open data is published under the <a "
                    "href=\"https://creativecommons.org/licenses/by/4.0/\">Creative Commons Attribution 4.0 "
                    "licence (CC BY 4.0)</a>. You may copy, transform, combine and use it for any purpose, "
                    "commercial ones included.</p><p>The only condition is to credit the source, for example: "
                    "“Source: Senate of the Republic of Chile, [dataset], downloaded on [date]”. Do not present "
                    "your work as endorsed by the Senate.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 5, 18),
                "related": [0],
                "links": [("dataset", "personal-de-planta")],
                "es": {
                    "slug": "formatos-y-actualizacion",
                    "title": "¿En qué formatos se descargan los datos y cada cuánto se actualizan?",
                    "answer": "<p>Las tablas se descargan en <b>CSV</b> (UTF-8, con fila de encabezado) y en "
                    "<b>JSON</b>. Las de Transparencia Activa se actualizan dentro de los primeros 10 días hábiles "
                    "de cada mes, y cada mes anterior sigue disponible tal como se publicó. Las votaciones se "
                    "actualizan después de cada sesión.</p><p>Si un mes se corrige, la versión corregida pasa a "
                    "ser la descarga principal, pero la anterior sigue visible, marcada como corregida y con una "
                    "nota que explica el cambio.</p>",
                },
                "en": {
                    "slug": "formats-and-updates",
                    "title": "In which formats does the data download, and how often is it updated?",
                    "answer": "<p>Tables download as <b>CSV</b> (UTF-8, with a header row) and as <b>JSON</b>. "
                    "Proactive Transparency tables are updated within the first 10 working days of each month, "
                    "and every earlier month stays available as published. Votes are updated after every "
                    "session.</p><p>If a month is corrected, the corrected version becomes the main download, but "
                    "the earlier one stays visible, marked as corrected, with a note explaining the change.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 10, 19),
                "related": [2],
                "links": [("note", "portal-de-informacion-publica")],
                "es": {
                    "slug": "api-para-periodistas",
                    "title": "¿Hay una forma automática de obtener los datos, por ejemplo una API?",
                    "answer": "<p>Sí. Todo el contenido publicado en este portal —páginas, notas, preguntas "
                    "frecuentes, tablas de transparencia y artículos de los reglamentos— está disponible en "
                    "formato JSON, con identificadores estables que enlazan cada página con su "
                    "traducción.</p><p>Las Notas de Transformación Digital tienen además feeds Atom y JSON Feed "
                    "para recibir cada edición en su lector de noticias. No necesita registrarse ni pedir una "
                    "clave.</p>",
                },
                "en": {
                    "slug": "api-for-journalists",
                    "title": "Is there an automatic way to get the data, such as an API?",
                    "answer": "<p>Yes. Everything published on this portal — pages, notes, frequently asked "
                    "questions, transparency tables and regulation articles — is available as JSON, with stable "
                    "identifiers that link each page to its translation.</p><p>The Digital Transformation Notes "
                    "also have Atom and JSON Feed feeds, so each edition reaches your news reader. You do not "
                    "need to register or ask for a key.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 10, 19),
                "related": [2],
                "links": [("dataset", "personal-de-planta")],
                "es": {
                    "slug": "informar-un-error-en-los-datos",
                    "title": "Encontré un error en un conjunto de datos, ¿cómo lo informo?",
                    "answer": "<p>Escríbanos a transparencia@senado.example indicando el conjunto de datos, el "
                    "mes, la fila y el valor que cree equivocado. Si puede, adjunte la fuente que muestra el valor "
                    "correcto.</p><p>Revisaremos el dato y, si hay un error, publicaremos una corrección: el mes "
                    "corregido muestra una nota con lo que cambió y la versión anterior sigue disponible, de modo "
                    "que nadie pierde lo que ya citó.</p>",
                },
                "en": {
                    "slug": "report-a-data-error",
                    "title": "I found an error in a dataset. How do I report it?",
                    "answer": "<p>Write to transparencia@senado.example with the dataset, the month, the row and "
                    "the value you believe is wrong. If you can, attach the source showing the right "
                    "value.</p><p>We will check it and, if there is an error, publish a correction: the corrected "
                    "month shows a note with what changed and the earlier version stays available, so nobody "
                    "loses what they have already cited.</p>",
                },
            },
        ],
    },
    {
        "es": {
            "slug": "participacion-ciudadana",
            "title": "Participación ciudadana",
            "description": "Cómo opinar sobre los proyectos de ley, asistir a las sesiones y reunirse con "
            "senadoras y senadores.",
        },
        "en": {
            "slug": "citizen-participation",
            "title": "Citizen participation",
            "description": "How to comment on bills, attend sessions and meet senators.",
        },
        "questions": [
            {
                "reviewed": datetime.date(2026, 3, 16),
                "links": [("note", "plataforma-de-participacion-digital"), ("dataset", "participacion-ciudadana")],
                "es": {
                    "slug": "opinar-sobre-un-proyecto",
                    "title": "¿Cómo opino sobre un proyecto de ley?",
                    "answer": "<p>Las comisiones abren consultas en Senado Participa, la plataforma de "
                    "participación digital del Senado. Cada consulta explica el proyecto en lenguaje claro y hace "
                    "unas pocas preguntas, con espacio para comentarios.</p><ol><li>Elija una consulta "
                    "abierta.</li><li>Inicie sesión con su Clave Única.</li><li>Responda; puede cambiar su "
                    "respuesta hasta el cierre.</li></ol><p>También puede escribir a la comisión que estudia el "
                    "proyecto; su correo está en la página de cada comisión.</p>",
                },
                "en": {
                    "slug": "comment-on-a-bill",
                    "title": "How do I comment on a bill?",
                    "answer": "<p>Committees open consultations on Senado Participa, the Senate's digital "
                    "participation platform. Each consultation explains the bill in plain language and asks a few "
                    "questions, with room for comments.</p><ol><li>Choose an open consultation.</li><li>Sign in "
                    "with your ClaveÚnica.</li><li>Answer; you can change your answer until it "
                    "closes.</li></ol><p>You can also write to the committee studying the bill; its e-mail address "
                    "is on each committee's page.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 3, 16),
                "related": [0],
                "links": [("note", "balance-de-senado-participa")],
                "es": {
                    "slug": "que-pasa-con-mi-opinion",
                    "title": "¿Qué pasa con las opiniones que dejo en una consulta?",
                    "answer": "<p>La Unidad de Participación y Vinculación Ciudadana analiza todas las respuestas "
                    "y entrega un informe a la comisión antes de que vote el proyecto en general. El informe se "
                    "publica en la misma consulta.</p><p>Las consultas no son vinculantes: orientan la discusión, "
                    "pero la decisión es de las senadoras y los senadores. Su nombre y su RUT nunca se "
                    "publican.</p>",
                },
                "en": {
                    "slug": "what-happens-to-my-opinion",
                    "title": "What happens to the opinions I leave in a consultation?",
                    "answer": "<p>The Citizen Participation and Liaison Unit analyses every answer and delivers a "
                    "report to the committee before it votes on the bill in principle. The report is published in "
                    "the consultation itself.</p><p>Consultations are not binding: they inform the debate, but "
                    "senators decide. Your name and RUN are never published.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 6, 1),
                "es": {
                    "slug": "asistir-a-las-sesiones",
                    "title": "¿Puedo asistir a las sesiones o verlas en vivo?",
                    "answer": "<p>Sí. Las sesiones de Sala y la mayoría de las sesiones de comisión son públicas. "
                    "Para asistir en persona al edificio del Congreso Nacional en Valparaíso, inscríbase con "
                    "anticipación, porque los cupos en las tribunas son limitados.</p><p>Todas las sesiones de "
                    "Sala se transmiten en vivo por TV Senado y por el sitio web, y sus grabaciones quedan "
                    "disponibles junto a las actas.</p>",
                },
                "en": {
                    "slug": "attend-sessions",
                    "title": "Can I attend sessions or watch them live?",
                    "answer": "<p>Yes. Floor sessions and most committee sessions are public. To attend in person "
                    "at the National Congress building in Valparaíso, register in advance, as gallery seats are "
                    "limited.</p><p>Every floor session is broadcast live on TV Senado and on the website, and the "
                    "recordings stay available next to the minutes.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 6, 1),
                "related": [2],
                "es": {
                    "slug": "reunion-con-un-senador",
                    "title": "¿Cómo solicito una reunión con una senadora o un senador?",
                    "answer": "<p>Las reuniones en que se busca influir en una decisión se rigen por la Ley 20.730, "
                    "conocida como Ley del Lobby. Se piden en la plataforma de registro de audiencias, indicando "
                    "quién asiste, a quién representa y qué materia quiere tratar.</p><p>Cada audiencia concedida "
                    "se publica en el registro público de agenda, con su fecha, asistentes y materia. Si solo "
                    "quiere hacer llegar una opinión, puede escribir directamente a la oficina "
                    "parlamentaria.</p>",
                },
                "en": {
                    "slug": "meeting-a-senator",
                    "title": "How do I ask for a meeting with a senator?",
                    "answer": "<p>Meetings that seek to influence a decision are governed by Law 20,730, known as "
                    "the Lobbying Law. They are requested on the hearings register platform, stating who will "
                    "attend, whom they represent and what they want to discuss.</p><p>Every hearing granted is "
                    "published in the public diary register, with its date, attendees and subject. If you only "
                    "want to share an opinion, you can write directly to the senator's office.</p>",
                },
            },
            {
                "reviewed": datetime.date(2026, 8, 10),
                "related": [0],
                "links": [("dataset", "participacion-ciudadana")],
                "es": {
                    "slug": "senado-en-tu-sala",
                    "title": "¿Qué es «Senado en tu sala» y cómo lo pido para mi colegio?",
                    "answer": "<p>Es el programa de educación cívica del Senado para estudiantes de enseñanza "
                    "básica y media. Un equipo del Senado visita el establecimiento, o se conecta en línea, para "
                    "explicar cómo se hace una ley y conversar con las y los estudiantes sobre un proyecto en "
                    "discusión.</p><p>Los establecimientos lo solicitan con el formulario de la Unidad de "
                    "Participación y Vinculación Ciudadana, al menos un mes antes de la fecha deseada. No tiene "
                    "costo.</p>",
                },
                "en": {
                    "slug": "senado-en-tu-sala",
                    "title": "What is “Senado en tu sala” and how can my school ask for it?",
                    "answer": "<p>It is the Senate's civic education programme for primary and secondary school "
                    "students. A Senate team visits the school, or joins online, to explain how a law is made and "
                    "talk with students about a bill under discussion.</p><p>Schools request it with the Citizen "
                    "Participation and Liaison Unit's form, at least a month before the date they want. It is "
                    "free of charge.</p>",
                },
            },
        ],
    },
]

# Readers' votes on some answers, by page slug: (useful, not useful, [(useful, comment), ...]).
FEEDBACK = {
    "plazo-de-respuesta": (18, 3, [
        (True, "Claro y con el plazo exacto. Gracias."),
        (False, "No dice desde cuándo se cuentan los días si envío la solicitud un viernes en la noche."),
    ]),
    "si-no-me-responden": (2, 6, [
        (False, "Me confunde: ¿el reclamo va al Consejo para la Transparencia o no?"),
        (False, "Falta el plazo para reclamar ante el Senado."),
    ]),
    "plazo-de-pago": (6, 4, [(False, "Nos pagaron a los 45 días y no sabemos a quién escribir.")]),
    "olvide-mi-clave-unica": (9, 5, [
        (False, "No tengo acceso al correo antiguo y la oficina del Registro Civil más cercana está lejos."),
    ]),
    "licencia-de-los-datos": (7, 1, []),
    "data-licence": (3, 0, [(True, "Exactly what I needed to cite the votes dataset in my thesis.")]),
    "how-to-sell-to-the-senate": (2, 1, [(False, "Does a foreign company need a Chilean tax number to register?")]),
}
FEEDBACK_UNTIL = datetime.date(2026, 11, 20)  # the latest vote; earlier ones every few days before it
