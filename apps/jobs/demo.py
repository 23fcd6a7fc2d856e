"""Demo jobs: published, bilingual listings of the kinds of work Camino's seekers look for.

Each job belongs to one of the demo organizations (apps.organizations.demo). Most are in
Spanish and English; a few are in one language only, so the "missing translation" notices
can be seen. "place" is (city, state, ZIP code); "pay" is (from, up to, period), either end
may be None, and a job without "pay" does not state it.
"""

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from apps.accounts.models import User
from apps.core.indexing import search_index
from apps.core.models import DEFAULT_LISTING_DAYS, PublicationStatus
from apps.jobs.models import (
    Category,
    EmploymentType,
    Job,
    PayUnit,
    WorkAuthorization,
    WorkLanguage,
    Workplace,
)
from apps.organizations.models import Organization

TRANSLATED_FIELDS = ["title", "description", "requirements", "benefits", "schedule_notes"]

DEMO_JOBS = [
    # --- Sabor Catering: a catering company in Chicago ---
    {
        "org": "sabor-catering",
        "category": Category.FOOD,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("17.00", "20.00", PayUnit.HOUR),
        "place": ("Chicago", "IL", "60623"),
        "title_es": "Cocinero(a) de línea para banquetes",
        "title_en": "Line cook for banquets",
        "description_es": (
            "Buscamos cocineros con experiencia en cocina de producción para preparar comida para "
            "bodas, quinceañeras y eventos de empresas. Trabajará en nuestra cocina central de La "
            "Villita con un equipo de seis personas. Aceptamos permiso de trabajo (EAD)."
        ),
        "description_en": (
            "We are looking for cooks with production kitchen experience to prepare food for "
            "weddings, quinceañeras and corporate events. You will work in our central kitchen in "
            "Little Village with a team of six. We accept work permits (EAD)."
        ),
        "requirements_es": (
            "Un año de experiencia como cocinero o cocinera. Certificado de manipulador de "
            "alimentos (lo podemos pagar)."
        ),
        "requirements_en": (
            "One year of experience as a cook. Food handler certificate (we can pay for it)."
        ),
        "benefits_es": (
            "Comida en cada turno, seguro médico después de 90 días y una semana de vacaciones "
            "pagadas."
        ),
        "benefits_en": (
            "A meal every shift, health insurance after 90 days and one week of paid vacation."
        ),
        "schedule_notes_es": "Martes a sábado, 7:00 a.m. a 3:30 p.m.",
        "schedule_notes_en": "Tuesday to Saturday, 7:00 a.m. to 3:30 p.m.",
        "apply_email": "empleos@sabor.example.org",
    },
    {
        "org": "sabor-catering",
        "category": Category.FOOD,
        "employment_type": EmploymentType.PART_TIME,
        "work_authorization": WorkAuthorization.UNCLEAR,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("17.00", None, PayUnit.HOUR),
        "place": ("Chicago", "IL", "60608"),
        "title_es": "Ayudante de cocina (preparación)",
        "title_en": "Prep cook",
        "description_es": (
            "Cortar verduras, marinar carnes y preparar salsas para los cocineros del turno de la "
            "mañana. No se necesita experiencia: le enseñamos en el trabajo. En la cocina se habla "
            "español."
        ),
        "description_en": (
            "Chop vegetables, marinate meat and make sauces for the morning cooks. No experience "
            "needed: we train you on the job. Spanish is spoken in the kitchen."
        ),
        "schedule_notes_es": "De 20 a 25 horas por semana, de lunes a viernes.",
        "schedule_notes_en": "20 to 25 hours a week, Monday to Friday.",
        "apply_in_person": (
            "1840 S. Blue Island Ave., Chicago, IL 60608 · lun.–vie. / Mon–Fri 2:00–4:00 p.m."
        ),
    },
    {
        "org": "sabor-catering",
        "category": Category.FOOD,
        "employment_type": EmploymentType.TEMPORARY,
        "work_authorization": WorkAuthorization.UNCLEAR,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("150.00", None, PayUnit.DAY),
        "place": ("Chicago", "IL", "60632"),
        "title_es": "Cocinera de tamales para temporada navideña",
        "description_es": (
            "Necesitamos cocineras y cocineros que sepan preparar tamales de rajas, de puerco en "
            "salsa verde y de dulce en grandes cantidades. Es un trabajo de temporada de seis "
            "semanas en diciembre y enero. Pago al final de cada día."
        ),
        "requirements_es": "Experiencia haciendo tamales para venta o para fiestas grandes.",
        "schedule_notes_es": "Jornadas de 8 horas, de lunes a sábado.",
        "apply_email": "tamales@sabor.example.org",
    },
    {
        "org": "sabor-catering",
        "category": Category.FOOD,
        "employment_type": EmploymentType.PART_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("17.00", "18.00", PayUnit.HOUR),
        "place": ("Chicago", "IL", "60616"),
        "title_es": "Meseros y meseras para banquetes",
        "title_en": "Banquet servers",
        "description_es": (
            "Servir comida y bebidas en eventos de 100 a 400 invitados en salones del sur de "
            "Chicago. Le damos el uniforme y una capacitación de un día. Las propinas se reparten "
            "entre todo el equipo."
        ),
        "description_en": (
            "Serve food and drinks at events of 100 to 400 guests in halls on Chicago's South "
            "Side. We provide the uniform and one day of training. Tips are shared with the whole "
            "team."
        ),
        "benefits_es": (
            "Propinas además del pago por hora. Transporte de regreso después de los eventos que "
            "terminan tarde."
        ),
        "benefits_en": "Tips on top of the hourly pay. A ride home after events that end late.",
        "schedule_notes_es": "Viernes, sábados y algunos domingos.",
        "schedule_notes_en": "Fridays, Saturdays and some Sundays.",
        "apply_url": "https://example.org/sabor/empleos/meseros",
    },
    {
        "org": "sabor-catering",
        "category": Category.FOOD,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.UNCLEAR,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("17.00", "17.50", PayUnit.HOUR),
        "place": ("Chicago", "IL", "60623"),
        "title_es": "Lavaplatos",
        "title_en": "Dishwasher",
        "description_es": (
            "Lavar ollas, charolas y utensilios de la cocina central y mantener limpia el área de "
            "lavado. Es un trabajo de pie y con cargas de hasta 40 libras. Buen ambiente y horario "
            "fijo."
        ),
        "description_en": (
            "Wash pots, sheet pans and utensils in the central kitchen and keep the dish area "
            "clean. You will be on your feet and lift up to 40 pounds. Good team and a steady "
            "schedule."
        ),
        "apply_in_person": (
            "2615 S. Kedzie Ave., Chicago, IL 60623 · lun.–sáb. / Mon–Sat 9:00–11:00 a.m."
        ),
    },
    {
        "org": "sabor-catering",
        "category": Category.TRANSPORT,
        "employment_type": EmploymentType.PART_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("18.00", "21.00", PayUnit.HOUR),
        "place": ("Chicago", "IL", "60623"),
        "title_es": "Chofer de entregas de catering",
        "title_en": "Catering delivery driver",
        "description_es": (
            "Manejar una camioneta de la empresa para llevar comida y equipo a los eventos, montar "
            "las mesas de servicio y recoger al final. Las rutas son dentro de Chicago y los "
            "suburbios cercanos."
        ),
        "description_en": (
            "Drive a company van to take food and equipment to events, set up the serving tables "
            "and pick everything up at the end. Routes are in Chicago and nearby suburbs."
        ),
        "requirements_es": (
            "Licencia de manejo vigente de Illinois y buen historial de manejo. Poder cargar 50 "
            "libras."
        ),
        "requirements_en": (
            "A valid Illinois driver's license and a clean driving record. Able to lift 50 pounds."
        ),
        "apply_email": "empleos@sabor.example.org",
    },
    {
        "org": "sabor-catering",
        "category": Category.CLEANING,
        "employment_type": EmploymentType.PART_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("17.50", None, PayUnit.HOUR),
        "place": ("Chicago", "IL", "60623"),
        "title_es": "Personal de limpieza nocturna de cocina",
        "title_en": "Night kitchen cleaning crew",
        "description_es": (
            "Limpieza profunda de la cocina central después del cierre: campanas, pisos, "
            "refrigeradores y equipo. Usamos productos de limpieza seguros y le damos guantes, "
            "botas y capacitación."
        ),
        "description_en": (
            "Deep cleaning of the central kitchen after closing: hoods, floors, walk-in coolers "
            "and equipment. We use safe cleaning products and provide gloves, boots and training."
        ),
        "schedule_notes_es": "Domingo a jueves, 10:00 p.m. a 2:00 a.m.",
        "schedule_notes_en": "Sunday to Thursday, 10:00 p.m. to 2:00 a.m.",
        "apply_email": "limpieza@sabor.example.org",
    },
    {
        "org": "sabor-catering",
        "category": Category.OFFICE,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("40000", "44000", PayUnit.YEAR),
        "workplace": Workplace.HYBRID,
        "place": ("Chicago", "IL", "60623"),
        "title_es": "Recepcionista de información y pedidos",
        "title_en": "Information and orders receptionist",
        "description_es": (
            "Contestar llamadas y correos de clientes, dar información sobre menús y precios, y "
            "registrar los pedidos en nuestro sistema. Tres días en la oficina y dos desde casa."
        ),
        "description_en": (
            "Answer customer calls and emails, give information about menus and prices, and enter "
            "orders in our system. Three days in the office and two from home."
        ),
        "requirements_es": (
            "Español e inglés hablados y escritos. Experiencia con computadoras y hojas de cálculo."
        ),
        "requirements_en": (
            "Spoken and written Spanish and English. Comfortable with computers and spreadsheets."
        ),
        "benefits_es": "Seguro médico y dental, 10 días de vacaciones y plan de retiro.",
        "benefits_en": "Health and dental insurance, 10 vacation days and a retirement plan.",
        "apply_url": "https://example.org/sabor/empleos/recepcionista",
    },
    {
        "org": "sabor-catering",
        "category": Category.FOOD,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("52000", "58000", PayUnit.YEAR),
        "place": ("Chicago", "IL", "60608"),
        "title_es": "Gerente de cocina",
        "title_en": "Kitchen manager",
        "description_es": (
            "Dirigir a un equipo de 12 cocineros y ayudantes, planear la producción de cada "
            "evento, hacer pedidos a proveedores y cuidar las normas de salud. Reporta a la dueña "
            "de la empresa."
        ),
        "description_en": (
            "Lead a team of 12 cooks and helpers, plan production for each event, order from "
            "suppliers and keep the kitchen up to health code. Reports to the owner."
        ),
        "requirements_es": (
            "Tres años dirigiendo una cocina. Certificado de gerente de seguridad alimentaria "
            "(ServSafe Manager)."
        ),
        "requirements_en": (
            "Three years running a kitchen. Food protection manager certificate (ServSafe Manager)."
        ),
        "benefits_es": "Seguro médico, bono por temporada alta y dos semanas de vacaciones.",
        "benefits_en": "Health insurance, a busy-season bonus and two weeks of vacation.",
        "apply_email": "gerencia@sabor.example.org",
    },
    {
        "org": "sabor-catering",
        "category": Category.FOOD,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("18.00", "21.00", PayUnit.HOUR),
        "place": ("Chicago", "IL", "60632"),
        "title_es": "Panadero(a) para pan dulce y pasteles",
        "description_es": (
            "Preparar conchas, orejas, bolillos y pasteles para eventos y para nuestra panadería "
            "de Brighton Park. El turno empieza de madrugada. Buscamos a alguien ordenado y con "
            "ganas de aprender recetas nuevas."
        ),
        "requirements_es": "Experiencia en panadería mexicana o centroamericana.",
        "schedule_notes_es": "Lunes a viernes, 4:00 a.m. a 12:30 p.m.",
        "apply_in_person": (
            "4350 S. Archer Ave., Chicago, IL 60632 · lun.–vie. / Mon–Fri 1:00–3:00 p.m."
        ),
    },
    {
        "org": "sabor-catering",
        "category": Category.HOSPITALITY,
        "employment_type": EmploymentType.TEMPORARY,
        "work_authorization": WorkAuthorization.UNCLEAR,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("140.00", "160.00", PayUnit.DAY),
        "place": ("Chicago", "IL", "60616"),
        "title_es": "Personal de montaje de eventos",
        "title_en": "Event setup crew",
        "description_es": (
            "Montar y desmontar mesas, sillas, carpas y mantelería en bodas y eventos grandes. "
            "Trabajo físico, en equipo y a veces al aire libre. Pago por día trabajado."
        ),
        "description_en": (
            "Set up and take down tables, chairs, tents and linens at weddings and large events. "
            "Physical teamwork, sometimes outdoors. Paid by the day."
        ),
        "schedule_notes_es": "Principalmente fines de semana, de mayo a octubre.",
        "schedule_notes_en": "Mostly weekends, May to October.",
        "apply_url": "https://example.org/sabor/empleos/montaje",
    },
    {
        "org": "sabor-catering",
        "category": Category.WAREHOUSE,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("18.50", "20.00", PayUnit.HOUR),
        "place": ("Chicago", "IL", "60609"),
        "title_es": "Auxiliar de almacén de alimentos",
        "title_en": "Food warehouse associate",
        "description_es": (
            "Recibir mercancía de proveedores, acomodarla en cámaras frías y secas, y surtir los "
            "pedidos de la cocina. Usamos montacargas y escáneres de mano."
        ),
        "description_en": (
            "Receive deliveries from suppliers, store them in cold and dry storage, and pick "
            "orders for the kitchen. We use forklifts and handheld scanners."
        ),
        "requirements_es": "Certificado de montacargas o disposición para sacarlo (lo pagamos).",
        "requirements_en": "Forklift certification, or willing to get it (we pay for it).",
        "benefits_es": "Seguro médico, tiempo pagado por enfermedad y aumento a los seis meses.",
        "benefits_en": "Health insurance, paid sick time and a raise at six months.",
        "apply_url": "https://example.org/sabor/empleos/almacen",
    },
    {
        "org": "sabor-catering",
        "category": Category.RETAIL,
        "employment_type": EmploymentType.PART_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("17.00", None, PayUnit.HOUR),
        "place": ("Chicago", "IL", "60608"),
        "title_es": "Cajero(a) de mostrador en la taquería",
        "title_en": "Counter cashier at our taquería",
        "description_es": (
            "Atender a los clientes en el mostrador, cobrar en efectivo y con tarjeta, y mantener "
            "limpia el área de servicio. Muchos clientes hablan español y otros solo inglés."
        ),
        "description_en": (
            "Serve customers at the counter, take cash and card payments, and keep the front "
            "clean. Many customers speak Spanish and others only English."
        ),
        "schedule_notes_es": "Tardes y fines de semana, unas 24 horas por semana.",
        "schedule_notes_en": "Evenings and weekends, about 24 hours a week.",
        "apply_in_person": (
            "1840 S. Blue Island Ave., Chicago, IL 60608 · todos los días / daily 10:00 a.m.–6:00 "
            "p.m."
        ),
    },
    {
        "org": "sabor-catering",
        "category": Category.FOOD,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("19.00", "23.00", PayUnit.HOUR),
        "place": ("Chicago", "IL", "60616"),
        "title_en": "Pastry cook",
        "description_en": (
            "Make cakes, tres leches, flan and plated desserts for our events, following recipes "
            "at scale. You will also help plan seasonal dessert menus with the chef. Our pastry "
            "kitchen is near Chinatown."
        ),
        "requirements_en": (
            "Two years of pastry or bakery experience. Able to read and scale recipes."
        ),
        "benefits_en": "Health insurance, paid time off and a free meal every shift.",
        "apply_email": "empleos@sabor.example.org",
    },
    # --- Construye Builders: residential construction, based in Houston ---
    {
        "org": "construye-builders",
        "category": Category.CONSTRUCTION,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("17.00", "19.00", PayUnit.HOUR),
        "place": ("Houston", "TX", "77036"),
        "title_es": "Ayudante general de construcción",
        "title_en": "General construction helper",
        "description_es": (
            "Apoyar a carpinteros y albañiles en obras de construcción de casas nuevas: cargar "
            "material, limpiar el área y preparar herramientas. Es un buen trabajo para empezar y "
            "aprender un oficio. Aceptamos permiso de trabajo."
        ),
        "description_en": (
            "Support carpenters and masons on new home construction sites: carry materials, clean "
            "up and get tools ready. A good way to start and learn a trade. We accept work "
            "permits."
        ),
        "requirements_es": "Botas de seguridad. Le damos casco, chaleco y guantes.",
        "requirements_en": "Safety boots. We provide the hard hat, vest and gloves.",
        "schedule_notes_es": (
            "Lunes a viernes, 7:00 a.m. a 3:30 p.m.; algunos sábados con pago extra."
        ),
        "schedule_notes_en": (
            "Monday to Friday, 7:00 a.m. to 3:30 p.m.; some Saturdays with overtime."
        ),
        "apply_in_person": (
            "9200 Bellaire Blvd., Houston, TX 77036 · lun.–vie. / Mon–Fri 6:30–8:00 a.m."
        ),
    },
    {
        "org": "construye-builders",
        "category": Category.CONSTRUCTION,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("22.00", "27.00", PayUnit.HOUR),
        "place": ("Houston", "TX", "77081"),
        "title_es": "Carpintero(a) de cimbra",
        "title_en": "Formwork carpenter",
        "description_es": (
            "Armar y desarmar cimbra para cimientos, losas y muros de concreto en proyectos "
            "residenciales. Buscamos carpinteros con experiencia que sepan leer medidas y trabajar "
            "en equipo."
        ),
        "description_en": (
            "Build and strip forms for concrete foundations, slabs and walls on residential "
            "projects. We are looking for experienced carpenters who can read measurements and "
            "work as a team."
        ),
        "requirements_es": "Dos años de experiencia en cimbra. Herramienta de mano propia.",
        "requirements_en": "Two years of formwork experience. Your own hand tools.",
        "benefits_es": "Seguro médico, días festivos pagados y horas extra a tiempo y medio.",
        "benefits_en": "Health insurance, paid holidays and overtime at time and a half.",
        "apply_url": "https://example.org/construye/empleos/carpintero",
    },
    {
        "org": "construye-builders",
        "category": Category.CONSTRUCTION,
        "employment_type": EmploymentType.CONTRACT,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("12.00", "15.00", PayUnit.PIECE),
        "place": ("Houston", "TX", "77074"),
        "title_es": "Instaladores de tablaroca (drywall) por contrato",
        "title_en": "Drywall hangers, subcontract",
        "description_es": (
            "Buscamos cuadrillas de instaladores de tablaroca para casas nuevas en el suroeste de "
            "Houston. Se paga por hoja instalada, cada semana. Puede trabajar como contratista "
            "independiente con su ITIN."
        ),
        "description_en": (
            "We are looking for drywall hanging crews for new homes in southwest Houston. Paid per "
            "sheet hung, every week. You can work as an independent contractor with your ITIN."
        ),
        "requirements_es": (
            "Herramienta propia y experiencia comprobable. Seguro de responsabilidad civil es una "
            "ventaja."
        ),
        "requirements_en": (
            "Your own tools and proven experience. General liability insurance is a plus."
        ),
        "apply_email": "subcontratos@construye.example.org",
    },
    {
        "org": "construye-builders",
        "category": Category.CONSTRUCTION,
        "employment_type": EmploymentType.TEMPORARY,
        "work_authorization": WorkAuthorization.UNCLEAR,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("180.00", "220.00", PayUnit.DAY),
        "place": ("Houston", "TX", "77011"),
        "title_es": "Techador(a) para reparación de techos",
        "title_en": "Roofer for roof repairs",
        "description_es": (
            "Trabajo por tres meses cambiando tejas y reparando techos dañados por tormentas. Pago "
            "por día, cada viernes. Proporcionamos arnés y equipo de protección contra caídas."
        ),
        "description_en": (
            "Three months of work replacing shingles and repairing storm-damaged roofs. Paid by "
            "the day, every Friday. We provide harnesses and fall protection."
        ),
        "requirements_es": "Experiencia en techos de teja asfáltica. No tener miedo a las alturas.",
        "requirements_en": "Experience with asphalt shingle roofs. Comfortable working at heights.",
        "apply_in_person": (
            "1500 Navigation Blvd., Houston, TX 77011 · lun.–sáb. / Mon–Sat 6:00–7:30 a.m."
        ),
    },
    {
        "org": "construye-builders",
        "category": Category.TRADES,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("18.00", "22.00", PayUnit.HOUR),
        "place": ("Houston", "TX", "77036"),
        "title_es": "Ayudante de electricista",
        "title_en": "Electrician helper",
        "description_es": (
            "Ayudar a electricistas con licencia a cablear casas nuevas: pasar cable, instalar "
            "cajas y colocar contactos. Le ayudamos a registrarse como aprendiz en Texas y a sumar "
            "horas para su licencia."
        ),
        "description_en": (
            "Help licensed electricians wire new homes: pull wire, mount boxes and install "
            "outlets. We help you register as an apprentice in Texas and log hours toward your "
            "license."
        ),
        "requirements_es": "Herramienta básica de electricista. Saber medir con cinta métrica.",
        "requirements_en": "Basic electrician's hand tools. Able to read a tape measure.",
        "benefits_es": "Seguro médico, plan de retiro y pago de la registración de aprendiz.",
        "benefits_en": "Health insurance, a retirement plan and your apprentice registration paid.",
        "apply_url": "https://example.org/construye/empleos/electricista",
    },
    {
        "org": "construye-builders",
        "category": Category.TRADES,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("25.00", "32.00", PayUnit.HOUR),
        "place": ("Houston", "TX", "77081"),
        "title_es": "Plomero(a) con experiencia",
        "title_en": "Experienced plumber",
        "description_es": (
            "Instalar tubería de agua y drenaje en casas nuevas y remodelaciones, desde la base "
            "hasta los accesorios finales. Tendrá una camioneta de la empresa para ir a las obras."
        ),
        "description_en": (
            "Install water and drain lines in new homes and remodels, from rough-in to final "
            "fixtures. You will have a company truck to get to job sites."
        ),
        "requirements_es": (
            "Licencia de plomero de Texas (Tradesman o superior) y licencia de manejo."
        ),
        "requirements_en": "A Texas plumbing license (Tradesman or higher) and a driver's license.",
        "benefits_es": "Seguro médico y dental, camioneta y herramienta de la empresa.",
        "benefits_en": "Health and dental insurance, company truck and tools.",
        "apply_email": "empleos@construye.example.org",
    },
    {
        "org": "construye-builders",
        "category": Category.TRADES,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("24.00", "30.00", PayUnit.HOUR),
        "place": ("Houston", "TX", "77036"),
        "title_es": "Técnico(a) de aire acondicionado (HVAC)",
        "title_en": "HVAC installer",
        "description_es": (
            "Instalar sistemas de aire acondicionado y calefacción en casas nuevas: ductos, "
            "unidades y termostatos. El verano en Houston es temporada alta, con muchas horas "
            "extra."
        ),
        "description_en": (
            "Install air conditioning and heating systems in new homes: ductwork, units and "
            "thermostats. Summer in Houston is busy season, with plenty of overtime."
        ),
        "requirements_es": "Certificación EPA 608 y un año de experiencia en instalación.",
        "requirements_en": "EPA 608 certification and one year of installation experience.",
        "apply_url": "https://example.org/construye/empleos/hvac",
    },
    {
        "org": "construye-builders",
        "category": Category.TRADES,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("23.00", "28.00", PayUnit.HOUR),
        "place": ("Houston", "TX", "77011"),
        "title_es": "Soldador(a) de estructuras",
        "title_en": "Structural welder",
        "description_es": (
            "Soldar vigas, columnas y escaleras de acero en nuestro taller del East End y en obra. "
            "Trabajamos con soldadura de arco (SMAW) y de alambre (FCAW)."
        ),
        "description_en": (
            "Weld steel beams, columns and stairs in our East End shop and on site. We use stick "
            "(SMAW) and flux-core (FCAW) welding."
        ),
        "requirements_es": "Certificación AWS D1.1 o pasar nuestra prueba de soldadura.",
        "requirements_en": "AWS D1.1 certification, or pass our weld test.",
        "apply_in_person": (
            "1500 Navigation Blvd., Houston, TX 77011 · lun.–vie. / Mon–Fri 1:00–4:00 p.m."
        ),
    },
    {
        "org": "construye-builders",
        "category": Category.CLEANING,
        "employment_type": EmploymentType.CONTRACT,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("750.00", "850.00", PayUnit.WEEK),
        "place": ("Houston", "TX", "77036"),
        "title_es": "Limpieza final de obra (casas nuevas)",
        "title_en": "Post-construction cleaning (new homes)",
        "description_es": (
            "Limpieza final de casas recién terminadas antes de entregarlas: polvo de "
            "construcción, ventanas, pisos y baños. Buscamos personas o equipos de limpieza que "
            "trabajen por contrato y puedan facturar con ITIN."
        ),
        "description_en": (
            "Final cleaning of newly finished homes before handover: construction dust, windows, "
            "floors and bathrooms. We are looking for cleaners or cleaning teams who work as "
            "contractors and can invoice with an ITIN."
        ),
        "schedule_notes_es": "Lunes a viernes; pago semanal.",
        "schedule_notes_en": "Monday to Friday; paid weekly.",
        "apply_email": "subcontratos@construye.example.org",
    },
    {
        "org": "construye-builders",
        "category": Category.CONSTRUCTION,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("26.00", "32.00", PayUnit.HOUR),
        "place": ("Denver", "CO", "80216"),
        "title_es": "Operador(a) de maquinaria pesada",
        "title_en": "Heavy equipment operator",
        "description_es": (
            "Operar retroexcavadora, minicargador y excavadora en la preparación de terrenos para "
            "un nuevo desarrollo de casas en el norte de Denver. Proyecto de al menos 18 meses."
        ),
        "description_en": (
            "Run a backhoe, skid steer and excavator preparing land for a new housing development "
            "in north Denver. The project runs for at least 18 months."
        ),
        "requirements_es": (
            "Tres años de experiencia operando maquinaria. Conocimiento de seguridad OSHA."
        ),
        "requirements_en": (
            "Three years of equipment operating experience. Knowledge of OSHA safety rules."
        ),
        "benefits_es": "Seguro médico, plan de retiro con aportación de la empresa y viáticos.",
        "benefits_en": "Health insurance, a matched retirement plan and a per diem.",
        "apply_url": "https://example.org/construye/empleos/operador-denver",
    },
    {
        "org": "construye-builders",
        "category": Category.TRANSPORT,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("1200.00", "1400.00", PayUnit.WEEK),
        "place": ("Houston", "TX", "77011"),
        "title_es": "Chofer de camión de volteo (CDL clase B)",
        "title_en": "Dump truck driver (CDL Class B)",
        "description_es": (
            "Transportar tierra, grava y escombro entre nuestras obras y los bancos de material "
            "del área de Houston. Regresa a casa todos los días."
        ),
        "description_en": (
            "Haul dirt, gravel and debris between our job sites and material yards around Houston. "
            "Home every night."
        ),
        "requirements_es": "Licencia CDL clase B vigente y examen médico del DOT.",
        "requirements_en": "A valid Class B CDL and a DOT medical card.",
        "apply_email": "empleos@construye.example.org",
    },
    {
        "org": "construye-builders",
        "category": Category.LANDSCAPING,
        "employment_type": EmploymentType.TEMPORARY,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("16.00", "18.00", PayUnit.HOUR),
        "place": ("Houston", "TX", "77081"),
        "title_es": "Jardinería y paisajismo para casas nuevas",
        "title_en": "Landscaping crew for new homes",
        "description_es": (
            "Colocar pasto en rollo, plantar árboles y arbustos, e instalar riego en los jardines "
            "de casas recién construidas. Trabajo de temporada de marzo a noviembre."
        ),
        "description_en": (
            "Lay sod, plant trees and shrubs, and install irrigation in the yards of newly built "
            "homes. Seasonal work from March to November."
        ),
        "schedule_notes_es": "Lunes a viernes, desde las 6:30 a.m. para evitar el calor.",
        "schedule_notes_en": "Monday to Friday, starting at 6:30 a.m. to beat the heat.",
        "apply_in_person": (
            "9200 Bellaire Blvd., Houston, TX 77036 · lun.–vie. / Mon–Fri 6:30–8:00 a.m."
        ),
    },
    {
        "org": "construye-builders",
        "category": Category.OFFICE,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("42000", "48000", PayUnit.YEAR),
        "workplace": Workplace.HYBRID,
        "place": ("Houston", "TX", "77036"),
        "title_es": "Asistente administrativo(a) de construcción",
        "title_en": "Construction office assistant",
        "description_es": (
            "Llevar el control de horas de las cuadrillas, preparar permisos y facturas, y ser el "
            "enlace entre los supervisores de obra y los clientes. Cuatro días en la oficina y uno "
            "desde casa."
        ),
        "description_en": (
            "Track crew hours, prepare permits and invoices, and be the link between site "
            "supervisors and clients. Four days in the office and one from home."
        ),
        "requirements_es": "Español e inglés. Experiencia con Excel o QuickBooks.",
        "requirements_en": "Spanish and English. Experience with Excel or QuickBooks.",
        "benefits_es": "Seguro médico y dental, 12 días de vacaciones y plan de retiro.",
        "benefits_en": "Health and dental insurance, 12 vacation days and a retirement plan.",
        "apply_url": "https://example.org/construye/empleos/asistente",
    },
    {
        "org": "construye-builders",
        "category": Category.OFFICE,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("60000", "72000", PayUnit.YEAR),
        "workplace": Workplace.HYBRID,
        "place": ("Houston", "TX", "77002"),
        "title_en": "Project estimator",
        "description_en": (
            "Prepare cost estimates for residential and light commercial projects from plans and "
            "site visits. You will work with subcontractors to get quotes and with project "
            "managers to track budgets. Hybrid, with three days a week in our downtown office."
        ),
        "requirements_en": (
            "Three years of construction estimating. Experience with takeoff software such as "
            "PlanSwift or Bluebeam."
        ),
        "benefits_en": "Health, dental and vision insurance, a matched 401(k) and a yearly bonus.",
        "apply_url": "https://example.org/construye/careers/estimator",
    },
    {
        "org": "construye-builders",
        "category": Category.CONSTRUCTION,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.UNCLEAR,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("22.00", "26.00", PayUnit.HOUR),
        "place": ("Atlanta", "GA", "30318"),
        "title_es": "Albañil para bloque y ladrillo",
        "description_es": (
            "Buscamos albañiles con experiencia en bloque de concreto y ladrillo para un proyecto "
            "de casas adosadas en el oeste de Atlanta. Trabajo estable por al menos un año y pago "
            "cada semana."
        ),
        "requirements_es": "Cinco años de experiencia en albañilería. Saber leer planos sencillos.",
        "schedule_notes_es": "Lunes a viernes, de 7:00 a.m. a 4:00 p.m.",
        "apply_email": "atlanta@construye.example.org",
    },
    {
        "org": "construye-builders",
        "category": Category.CONSTRUCTION,
        "employment_type": EmploymentType.CONTRACT,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("180.00", "220.00", PayUnit.DAY),
        "place": ("Raleigh", "NC", "27610"),
        "title_es": "Instalador(a) de pisos por contrato",
        "title_en": "Flooring installer, contract",
        "description_es": (
            "Instalar piso laminado, vinil y loseta en casas nuevas del sureste de Raleigh. "
            "Trabajo como contratista independiente; puede facturar con su ITIN."
        ),
        "description_en": (
            "Install laminate, vinyl plank and tile in new homes in southeast Raleigh. Independent "
            "contractor work; you can invoice with your ITIN."
        ),
        "requirements_es": "Herramienta propia y vehículo para llegar a las obras.",
        "requirements_en": "Your own tools and a vehicle to get to job sites.",
        "apply_email": "raleigh@construye.example.org",
    },
    {
        "org": "construye-builders",
        "category": Category.CONSTRUCTION,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("5000", "5800", PayUnit.MONTH),
        "place": ("Houston", "TX", "77002"),
        "title_es": "Coordinador(a) bilingüe de seguridad en obra",
        "title_en": "Bilingual site safety coordinator",
        "description_es": (
            "Dar pláticas de seguridad en español e inglés, revisar las obras cada semana y llevar "
            "los registros de OSHA. Ayudará a que las cuadrillas conozcan sus derechos y trabajen "
            "sin accidentes."
        ),
        "description_en": (
            "Give safety talks in Spanish and English, inspect job sites every week and keep OSHA "
            "records. You will help crews know their rights and work without accidents."
        ),
        "requirements_es": (
            "Tarjeta OSHA 30 y dos años de experiencia en seguridad en construcción."
        ),
        "requirements_en": "An OSHA 30 card and two years of construction safety experience.",
        "benefits_es": "Seguro médico, vehículo de la empresa y teléfono.",
        "benefits_en": "Health insurance, a company vehicle and phone.",
        "apply_url": "https://example.org/construye/empleos/seguridad",
    },
    {
        "org": "construye-builders",
        "category": Category.WAREHOUSE,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("17.00", "19.00", PayUnit.HOUR),
        "place": ("Houston", "TX", "77011"),
        "title_es": "Bodeguero(a) de materiales de construcción",
        "title_en": "Construction materials yard associate",
        "description_es": (
            "Recibir, contar y acomodar madera, tablaroca y material eléctrico en nuestra bodega, "
            "y cargar los camiones que van a las obras cada mañana."
        ),
        "description_en": (
            "Receive, count and stack lumber, drywall and electrical supplies in our yard, and "
            "load the trucks that go to job sites every morning."
        ),
        "requirements_es": "Experiencia con montacargas es una ventaja.",
        "requirements_en": "Forklift experience is a plus.",
        "apply_in_person": (
            "1500 Navigation Blvd., Houston, TX 77011 · lun.–vie. / Mon–Fri 1:00–4:00 p.m."
        ),
    },
    {
        "org": "construye-builders",
        "category": Category.TECHNOLOGY,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("55000", "65000", PayUnit.YEAR),
        "workplace": Workplace.HYBRID,
        "place": ("Houston", "TX", "77002"),
        "title_es": "Técnico(a) de soporte de TI",
        "title_en": "IT support technician",
        "description_es": (
            "Dar soporte a 80 empleados en la oficina y en obra: computadoras, tabletas, teléfonos "
            "y red. También configurará las cuentas nuevas y ayudará con las copias de seguridad."
        ),
        "description_en": (
            "Support 80 employees in the office and on site: computers, tablets, phones and the "
            "network. You will also set up new accounts and help with backups."
        ),
        "requirements_es": (
            "Dos años de experiencia en soporte técnico. Certificación CompTIA A+ es una ventaja."
        ),
        "requirements_en": "Two years of help desk experience. CompTIA A+ certification is a plus.",
        "benefits_es": "Seguro médico y dental, plan de retiro y capacitación pagada.",
        "benefits_en": "Health and dental insurance, a retirement plan and paid training.",
        "apply_url": "https://example.org/construye/empleos/soporte-ti",
    },
    # --- Centro de Trabajadores Unidos: a worker center in Los Angeles that posts day-labor
    # jobs and openings from partner employers that agree to its fair-hiring pledge ---
    {
        "org": "centro-trabajadores",
        "category": Category.OTHER,
        "employment_type": EmploymentType.DAY_LABOR,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("150.00", "180.00", PayUnit.DAY),
        "place": ("Los Angeles", "CA", "90023"),
        "title_es": "Ayudantes de mudanza por día",
        "title_en": "Moving helpers by the day",
        "description_es": (
            "Familias y pequeños negocios piden ayudantes para cargar y descargar muebles. El "
            "Centro acuerda el pago antes de salir y lleva el registro de cada trabajo. El pago es "
            "el mismo día."
        ),
        "description_en": (
            "Families and small businesses ask for helpers to load and unload furniture. The "
            "Center agrees on the pay before you leave and keeps a record of every job. You are "
            "paid the same day."
        ),
        "requirements_es": "Poder cargar objetos pesados. Registrarse en el Centro (es gratis).",
        "requirements_en": "Able to lift heavy items. Sign up at the Center (it's free).",
        "apply_in_person": (
            "3350 E. Olympic Blvd., Los Angeles, CA 90023 · lun.–sáb. / Mon–Sat 6:00–10:00 a.m."
        ),
    },
    {
        "org": "centro-trabajadores",
        "category": Category.CLEANING,
        "employment_type": EmploymentType.DAY_LABOR,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("110.00", "150.00", PayUnit.PIECE),
        "place": ("Los Angeles", "CA", "90033"),
        "title_es": "Limpieza de casas (pago por casa)",
        "title_en": "House cleaning (paid per house)",
        "description_es": (
            "Nuestra cooperativa de limpieza recibe pedidos de limpieza de casas y departamentos "
            "en el Este de Los Ángeles. Se paga por casa según el tamaño, y usted decide qué días "
            "trabaja."
        ),
        "description_en": (
            "Our cleaning cooperative gets requests to clean houses and apartments in East Los "
            "Angeles. Pay is per house, by size, and you choose which days you work."
        ),
        "benefits_es": "Capacitación en productos de limpieza seguros y en derechos laborales.",
        "benefits_en": "Training on safe cleaning products and on workers' rights.",
        "apply_in_person": (
            "3350 E. Olympic Blvd., Los Angeles, CA 90023 · mar. y jue. / Tue & Thu 5:00–7:00 p.m."
        ),
    },
    {
        "org": "centro-trabajadores",
        "category": Category.LANDSCAPING,
        "employment_type": EmploymentType.DAY_LABOR,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("150.00", "180.00", PayUnit.DAY),
        "place": ("Los Angeles", "CA", "90033"),
        "title_es": "Jardinero(a) por día",
        "title_en": "Day gardener",
        "description_es": (
            "Cortar pasto, podar arbustos y limpiar jardines de casas en Boyle Heights y El "
            "Sereno. El Centro presta podadoras y herramientas a quien no tenga."
        ),
        "description_en": (
            "Mow lawns, trim shrubs and clean up yards at homes in Boyle Heights and El Sereno. "
            "The Center lends mowers and tools to anyone who needs them."
        ),
        "apply_in_person": (
            "3350 E. Olympic Blvd., Los Angeles, CA 90023 · lun.–sáb. / Mon–Sat 6:00–10:00 a.m."
        ),
    },
    {
        "org": "centro-trabajadores",
        "category": Category.AGRICULTURE,
        "employment_type": EmploymentType.TEMPORARY,
        "work_authorization": WorkAuthorization.UNCLEAR,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("1.75", "2.00", PayUnit.PIECE),
        "place": ("Salinas", "CA", "93905"),
        "title_es": "Pizca de fresa en Salinas",
        "title_en": "Strawberry harvest in Salinas",
        "description_es": (
            "Un rancho asociado en el Valle de Salinas busca pizcadores para la temporada de "
            "fresa. Se paga por caja llena, con un mínimo garantizado por hora. Hay agua, sombra y "
            "descansos como marca la ley."
        ),
        "description_en": (
            "A partner farm in the Salinas Valley is hiring pickers for strawberry season. Pay is "
            "per full box, with a guaranteed hourly minimum. Water, shade and breaks are provided "
            "as the law requires."
        ),
        "schedule_notes_es": "De abril a octubre, desde las 6:00 a.m.",
        "schedule_notes_en": "April to October, starting at 6:00 a.m.",
        "apply_in_person": (
            "Oficina del rancho / Farm office, 1100 Abbott St., Salinas, CA 93901 · lun.–vie. / "
            "Mon–Fri 7:00–11:00 a.m."
        ),
    },
    {
        "org": "centro-trabajadores",
        "category": Category.AGRICULTURE,
        "employment_type": EmploymentType.TEMPORARY,
        "work_authorization": WorkAuthorization.UNCLEAR,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("0.20", "0.28", PayUnit.PIECE),
        "place": ("Yakima", "WA", "98901"),
        "title_es": "Cosecha de cereza en Yakima",
        "description_es": (
            "Huerta familiar busca cosechadores para la temporada de cereza, de junio a julio. Se "
            "paga por libra cosechada y hay escaleras y cubetas para todos. Hay lugar para acampar "
            "cerca de la huerta."
        ),
        "requirements_es": "Poder subir escaleras y trabajar bajo el sol.",
        "schedule_notes_es": "Todos los días durante la temporada, de 5:30 a.m. a 2:00 p.m.",
        "apply_in_person": (
            "2000 S. 1st St., Yakima, WA 98901 · lun.–sáb. / Mon–Sat 7:00 a.m.–12:00 p.m."
        ),
    },
    {
        "org": "centro-trabajadores",
        "category": Category.AGRICULTURE,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("17.00", "18.50", PayUnit.HOUR),
        "place": ("Yakima", "WA", "98902"),
        "title_es": "Empacador(a) de manzana",
        "title_en": "Apple packing house worker",
        "description_es": (
            "Una empacadora de Yakima busca personal para seleccionar, empacar y etiquetar manzana "
            "y pera. Trabajo bajo techo, todo el año, con turnos de día y de noche."
        ),
        "description_en": (
            "A Yakima packing house is hiring to sort, pack and label apples and pears. Indoor, "
            "year-round work with day and night shifts."
        ),
        "benefits_es": "Seguro médico, vacaciones pagadas y bono de asistencia.",
        "benefits_en": "Health insurance, paid vacation and an attendance bonus.",
        "apply_url": "https://example.org/centro/empleos/empaque-yakima",
    },
    {
        "org": "centro-trabajadores",
        "category": Category.AGRICULTURE,
        "employment_type": EmploymentType.TEMPORARY,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("18.00", "20.00", PayUnit.HOUR),
        "place": ("Salinas", "CA", "93901"),
        "title_es": "Trabajador(a) de campo en lechuga",
        "title_en": "Lettuce field worker",
        "description_es": (
            "Una empresa agrícola grande contrata cuadrillas para cortar y empacar lechuga en el "
            "campo. La empresa verifica la autorización de trabajo con E-Verify. Transporte desde "
            "Salinas incluido."
        ),
        "description_en": (
            "A large grower is hiring crews to cut and pack lettuce in the field. The company "
            "checks work authorization with E-Verify. Transportation from Salinas is included."
        ),
        "schedule_notes_es": "De marzo a noviembre, lunes a sábado.",
        "schedule_notes_en": "March to November, Monday to Saturday.",
        "apply_url": "https://example.org/centro/empleos/lechuga-salinas",
    },
    {
        "org": "centro-trabajadores",
        "category": Category.CARE,
        "employment_type": EmploymentType.PART_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("18.00", "21.00", PayUnit.HOUR),
        "place": ("Los Angeles", "CA", "90011"),
        "title_es": "Cuidador(a) de adultos mayores a domicilio",
        "title_en": "In-home caregiver for older adults",
        "description_es": (
            "Una agencia de cuidado en casa busca cuidadoras para acompañar a personas mayores que "
            "hablan español: ayudar con la comida, el baño, los medicamentos y salir a caminar. La "
            "agencia le ayuda a registrarse como cuidador(a) en California."
        ),
        "description_en": (
            "A home care agency is looking for caregivers for Spanish-speaking older adults: help "
            "with meals, bathing, medication and going for walks. The agency helps you register as "
            "a home care aide in California."
        ),
        "requirements_es": (
            "Experiencia cuidando a familiares o a otras personas. Prueba de tuberculosis."
        ),
        "requirements_en": "Experience caring for family members or others. A TB test.",
        "apply_email": "cuidado@centro.example.org",
    },
    {
        "org": "centro-trabajadores",
        "category": Category.CARE,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("21.00", "24.00", PayUnit.HOUR),
        "place": ("Los Angeles", "CA", "90033"),
        "title_es": "Asistente de enfermería certificado(a) (CNA)",
        "title_en": "Certified nursing assistant (CNA)",
        "description_es": (
            "Un centro de rehabilitación en Boyle Heights busca asistentes de enfermería para "
            "cuidar a pacientes, tomar signos vitales y apoyar al equipo de enfermeras. Muchos de "
            "los pacientes hablan solo español."
        ),
        "description_en": (
            "A rehabilitation center in Boyle Heights needs nursing assistants to care for "
            "patients, take vital signs and support the nursing team. Many patients speak only "
            "Spanish."
        ),
        "requirements_es": "Certificado de CNA de California vigente.",
        "requirements_en": "A current California CNA certificate.",
        "benefits_es": "Seguro médico, dental y de visión, y diferencial por turno de noche.",
        "benefits_en": "Health, dental and vision insurance, and a night-shift differential.",
        "apply_url": "https://example.org/centro/empleos/cna",
    },
    {
        "org": "centro-trabajadores",
        "category": Category.CHILDCARE,
        "employment_type": EmploymentType.PART_TIME,
        "work_authorization": WorkAuthorization.UNCLEAR,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("22.00", "26.00", PayUnit.HOUR),
        "place": ("Los Angeles", "CA", "90023"),
        "title_es": "Niñera que hable español",
        "title_en": "Spanish-speaking nanny",
        "description_es": (
            "Una familia busca niñera para dos niños de 3 y 6 años, por las tardes. Quieren que "
            "los niños practiquen español, así que hablará con ellos en español, los recogerá de "
            "la escuela y preparará la merienda."
        ),
        "description_en": (
            "A family is looking for a nanny for two children aged 3 and 6, in the afternoons. "
            "They want the children to practice Spanish, so you will speak Spanish with them, pick "
            "them up from school and make a snack."
        ),
        "requirements_es": (
            "Referencias de otras familias. Curso de primeros auxilios y RCP (la familia lo paga "
            "si no lo tiene)."
        ),
        "requirements_en": (
            "References from other families. First aid and CPR course (the family pays for it if "
            "needed)."
        ),
        "schedule_notes_es": "Lunes a viernes, de 2:30 a 7:00 p.m.",
        "schedule_notes_en": "Monday to Friday, 2:30 to 7:00 p.m.",
        "apply_email": "familias@centro.example.org",
    },
    {
        "org": "centro-trabajadores",
        "category": Category.CHILDCARE,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("18.00", "19.50", PayUnit.HOUR),
        "place": ("Los Angeles", "CA", "90023"),
        "title_es": "Asistente de guardería familiar",
        "title_en": "Family daycare assistant",
        "description_es": (
            "Una guardería en casa con licencia del estado busca asistente para cuidar a ocho "
            "niños de 1 a 5 años: juegos, comidas, siestas y actividades en español e inglés."
        ),
        "description_en": (
            "A state-licensed home daycare needs an assistant to care for eight children aged 1 to "
            "5: play, meals, naps and activities in Spanish and English."
        ),
        "requirements_es": "Doce unidades de desarrollo infantil o disposición para estudiarlas.",
        "requirements_en": "Twelve units of early childhood education, or willing to take them.",
        "apply_email": "familias@centro.example.org",
    },
    {
        "org": "centro-trabajadores",
        "category": Category.TRANSPORT,
        "employment_type": EmploymentType.CONTRACT,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("21.44", None, PayUnit.HOUR),
        "place": ("New York", "NY", "10034"),
        "title_es": "Repartidor(a) en bicicleta para cooperativa",
        "title_en": "Bike delivery rider for a cooperative",
        "description_es": (
            "Una cooperativa de repartidores del Alto Manhattan busca socios para entregar comida "
            "de restaurantes del barrio. Se paga al menos el mínimo de la ciudad para "
            "repartidores, más propinas. Puede trabajar con ITIN."
        ),
        "description_en": (
            "A delivery workers' cooperative in Upper Manhattan is looking for members to deliver "
            "food from local restaurants. Pay is at least the city's minimum for delivery workers, "
            "plus tips. You can work with an ITIN."
        ),
        "requirements_es": (
            "Bicicleta eléctrica aprobada y teléfono inteligente. La cooperativa da casco y "
            "chaleco."
        ),
        "requirements_en": (
            "An approved e-bike and a smartphone. The cooperative provides a helmet and vest."
        ),
        "apply_url": "https://example.org/centro/empleos/cooperativa-repartidores",
    },
    {
        "org": "centro-trabajadores",
        "category": Category.BEAUTY,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.UNCLEAR,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("700.00", "1000.00", PayUnit.WEEK),
        "place": ("New York", "NY", "10032"),
        "title_es": "Manicurista con licencia",
        "title_en": "Licensed nail technician",
        "description_es": (
            "Un salón de uñas en Washington Heights busca manicuristas para uñas acrílicas, gel y "
            "pedicura. Pago semanal más propinas. El salón tiene buena ventilación y da guantes y "
            "mascarillas."
        ),
        "description_en": (
            "A nail salon in Washington Heights is hiring nail technicians for acrylics, gel and "
            "pedicures. Weekly pay plus tips. The salon is well ventilated and provides gloves and "
            "masks."
        ),
        "requirements_es": "Licencia de tecnología de uñas del estado de Nueva York.",
        "requirements_en": "A New York State nail specialty license.",
        "apply_in_person": (
            "4100 Broadway, New York, NY 10032 · mar.–sáb. / Tue–Sat 10:00 a.m.–6:00 p.m."
        ),
    },
    {
        "org": "centro-trabajadores",
        "category": Category.BEAUTY,
        "employment_type": EmploymentType.CONTRACT,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.SPANISH_OK,
        "place": ("Miami", "FL", "33135"),
        "title_es": "Estilista: renta de silla en salón",
        "title_en": "Hair stylist: salon chair rental",
        "description_es": (
            "Un salón de belleza en La Pequeña Habana renta sillas a estilistas que quieren tener "
            "su propio negocio. Usted pone sus precios y su horario. La renta semanal se acuerda "
            "con la dueña."
        ),
        "description_en": (
            "A beauty salon in Little Havana rents chairs to stylists who want to run their own "
            "business. You set your own prices and hours. The weekly rent is agreed with the "
            "owner."
        ),
        "requirements_es": "Licencia de cosmetología de Florida.",
        "requirements_en": "A Florida cosmetology license.",
        "apply_in_person": (
            "1560 SW 8th St., Miami, FL 33135 · lun.–sáb. / Mon–Sat 10:00 a.m.–5:00 p.m."
        ),
    },
    {
        "org": "centro-trabajadores",
        "category": Category.HOSPITALITY,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("22.50", "24.00", PayUnit.HOUR),
        "place": ("Los Angeles", "CA", "90071"),
        "title_es": "Camarista de hotel (limpieza de habitaciones)",
        "title_en": "Hotel room attendant (housekeeping)",
        "description_es": (
            "Un hotel sindicalizado del centro de Los Ángeles busca camaristas para la limpieza de "
            "habitaciones. El contrato sindical limita el número de cuartos por turno. El hotel "
            "usa E-Verify."
        ),
        "description_en": (
            "A union hotel in downtown Los Angeles is hiring room attendants for housekeeping. The "
            "union contract limits the number of rooms per shift. The hotel uses E-Verify."
        ),
        "benefits_es": "Seguro médico familiar pagado, comida en el trabajo y pensión.",
        "benefits_en": "Paid family health insurance, meals at work and a pension.",
        "apply_url": "https://example.org/centro/empleos/hotel-camarista",
    },
    {
        "org": "centro-trabajadores",
        "category": Category.FOOD,
        "employment_type": EmploymentType.VOLUNTEER,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.SPANISH_OK,
        "place": ("Los Angeles", "CA", "90023"),
        "title_es": "Cocineros voluntarios para el comedor comunitario",
        "title_en": "Volunteer cooks for the community kitchen",
        "description_es": (
            "Cada sábado cocinamos almuerzo para 200 jornaleros y sus familias. Buscamos cocineros "
            "y ayudantes voluntarios, con o sin experiencia. Es una buena manera de conocer a la "
            "comunidad y practicar para trabajar en cocinas."
        ),
        "description_en": (
            "Every Saturday we cook lunch for 200 day laborers and their families. We need "
            "volunteer cooks and helpers, with or without experience. It's a good way to meet the "
            "community and get kitchen practice."
        ),
        "schedule_notes_es": "Sábados de 8:00 a.m. a 1:00 p.m.",
        "schedule_notes_en": "Saturdays, 8:00 a.m. to 1:00 p.m.",
        "apply_in_person": (
            "3350 E. Olympic Blvd., Los Angeles, CA 90023 · sábados / Saturdays 8:00 a.m."
        ),
    },
    {
        "org": "centro-trabajadores",
        "category": Category.OTHER,
        "employment_type": EmploymentType.PART_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("21.00", "23.00", PayUnit.HOUR),
        "place": ("Los Angeles", "CA", "90023"),
        "title_es": "Promotor(a) comunitario(a) de derechos laborales",
        "description_es": (
            "Visitar esquinas de jornaleros, lavanderías y mercados para informar a trabajadores "
            "sobre el robo de salario y la seguridad en el trabajo. Acompañará a personas a "
            "presentar quejas ante el Comisionado Laboral. Buscamos a alguien que conozca la "
            "comunidad."
        ),
        "requirements_es": (
            "Experiencia en organización comunitaria o como trabajador(a) de la construcción, "
            "limpieza o del campo."
        ),
        "schedule_notes_es": "20 horas por semana, incluidos algunos sábados.",
        "apply_email": "promotores@centro.example.org",
    },
    {
        "org": "centro-trabajadores",
        "category": Category.RETAIL,
        "employment_type": EmploymentType.PART_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("18.00", "19.00", PayUnit.HOUR),
        "place": ("Los Angeles", "CA", "90015"),
        "title_es": "Vendedor(a) en tienda de ropa",
        "title_en": "Clothing store sales associate",
        "description_es": (
            "Una tienda de ropa en el Fashion District busca vendedores para atender a clientes, "
            "acomodar mercancía y cobrar en caja. La mayoría de los clientes habla español."
        ),
        "description_en": (
            "A clothing store in the Fashion District is hiring sales associates to help "
            "customers, stock merchandise and run the register. Most customers speak Spanish."
        ),
        "schedule_notes_es": "Jueves a domingo, de 10:00 a.m. a 6:00 p.m.",
        "schedule_notes_en": "Thursday to Sunday, 10:00 a.m. to 6:00 p.m.",
        "apply_in_person": (
            "1100 Santee St., Los Angeles, CA 90015 · lun.–vie. / Mon–Fri 11:00 a.m.–2:00 p.m."
        ),
    },
    {
        "org": "centro-trabajadores",
        "category": Category.LANDSCAPING,
        "employment_type": EmploymentType.DAY_LABOR,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("25.00", None, PayUnit.HOUR),
        "place": ("Denver", "CO", "80219"),
        "title_es": "Cuadrilla para quitar nieve",
        "title_en": "Snow removal crew",
        "description_es": (
            "Un centro de jornaleros aliado en el suroeste de Denver organiza cuadrillas para "
            "palear nieve y echar sal en banquetas y estacionamientos durante las tormentas. Le "
            "avisamos por mensaje de texto la noche anterior."
        ),
        "description_en": (
            "A partner day-labor center in southwest Denver organizes crews to shovel snow and "
            "salt sidewalks and parking lots during storms. We text you the night before."
        ),
        "requirements_es": "Ropa y botas para el frío. Las palas y la sal las pone el cliente.",
        "requirements_en": "Warm clothes and boots. The client provides shovels and salt.",
        "apply_url": "https://example.org/centro/empleos/nieve-denver",
    },
    {
        "org": "centro-trabajadores",
        "category": Category.WAREHOUSE,
        "employment_type": EmploymentType.TEMPORARY,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("19.00", "20.50", PayUnit.HOUR),
        "place": ("Los Angeles", "CA", "90058"),
        "title_es": "Surtidor(a) y empacador(a) de almacén",
        "title_en": "Warehouse picker and packer",
        "description_es": (
            "Un centro de distribución busca personal de temporada para surtir y empacar pedidos "
            "de tiendas en línea. Puede quedarse de planta al terminar la temporada. La empresa "
            "usa E-Verify."
        ),
        "description_en": (
            "A distribution center needs seasonal staff to pick and pack online store orders. You "
            "may be hired permanently after the season. The company uses E-Verify."
        ),
        "schedule_notes_es": "Turnos de 10 horas, cuatro días por semana.",
        "schedule_notes_en": "Ten-hour shifts, four days a week.",
        "apply_url": "https://example.org/centro/empleos/almacen-vernon",
    },
    # --- Clínica Legal Esperanza: immigration legal services in Miami ---
    {
        "org": "clinica-legal-esperanza",
        "category": Category.OFFICE,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("38000", "42000", PayUnit.YEAR),
        "place": ("Miami", "FL", "33135"),
        "title_es": "Recepcionista bilingüe de información",
        "title_en": "Bilingual information receptionist",
        "description_es": (
            "Recibir a las personas que llegan a la clínica, dar información sobre nuestros "
            "servicios y citas, y contestar el teléfono en español e inglés. Es el primer contacto "
            "con familias que a menudo llegan preocupadas, por eso buscamos a alguien paciente y "
            "amable. Aceptamos permiso de trabajo (DACA, TPS)."
        ),
        "description_en": (
            "Welcome people who come to the clinic, give information about our services and "
            "appointments, and answer the phone in Spanish and English. You are the first contact "
            "for families who are often worried, so we are looking for someone patient and kind. "
            "We accept work permits (DACA, TPS)."
        ),
        "requirements_es": "Español e inglés fluidos. Criollo haitiano es una gran ventaja.",
        "requirements_en": "Fluent Spanish and English. Haitian Creole is a big plus.",
        "benefits_es": "Seguro médico pagado, 15 días de vacaciones y horario fijo.",
        "benefits_en": "Paid health insurance, 15 vacation days and a fixed schedule.",
        "apply_email": "empleos@esperanza.example.org",
    },
    {
        "org": "clinica-legal-esperanza",
        "category": Category.INTERPRETING,
        "employment_type": EmploymentType.CONTRACT,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("25.00", "35.00", PayUnit.HOUR),
        "workplace": Workplace.REMOTE,
        "title_es": "Intérprete telefónico(a) español-inglés",
        "title_en": "Spanish-English phone interpreter",
        "description_es": (
            "Interpretar por teléfono o video entre nuestros representantes legales y los clientes "
            "durante consultas. Trabajo desde casa, por contrato, con el horario que usted elija. "
            "Puede facturar con ITIN."
        ),
        "description_en": (
            "Interpret by phone or video between our legal representatives and clients during "
            "consultations. Work from home, as a contractor, on the schedule you choose. You can "
            "invoice with an ITIN."
        ),
        "requirements_es": (
            "Dominio del español y del inglés. Experiencia en interpretación legal o médica es una "
            "ventaja."
        ),
        "requirements_en": (
            "Full command of Spanish and English. Legal or medical interpreting experience is a "
            "plus."
        ),
        "apply_url": "https://example.org/esperanza/interpretes",
    },
    {
        "org": "clinica-legal-esperanza",
        "category": Category.INTERPRETING,
        "employment_type": EmploymentType.CONTRACT,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("0.10", "0.14", PayUnit.PIECE),
        "workplace": Workplace.REMOTE,
        "title_es": "Traductor(a) de documentos por palabra",
        "title_en": "Document translator, paid per word",
        "description_es": (
            "Traducir al inglés actas de nacimiento, cartas y declaraciones para casos de "
            "inmigración, con el certificado de traducción que pide USCIS. Se paga por palabra y "
            "trabaja desde casa."
        ),
        "description_en": (
            "Translate birth certificates, letters and declarations into English for immigration "
            "cases, with the certificate of translation USCIS asks for. Paid per word, working "
            "from home."
        ),
        "requirements_es": "Excelente redacción en inglés y en español. Computadora propia.",
        "requirements_en": "Excellent writing in English and Spanish. Your own computer.",
        "apply_email": "traducciones@esperanza.example.org",
    },
    {
        "org": "clinica-legal-esperanza",
        "category": Category.OFFICE,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("48000", "55000", PayUnit.YEAR),
        "workplace": Workplace.HYBRID,
        "place": ("Miami", "FL", "33130"),
        "title_es": "Asistente legal (paralegal) de inmigración",
        "title_en": "Immigration paralegal",
        "description_es": (
            "Preparar formularios de USCIS, organizar evidencia y dar seguimiento a casos de "
            "asilo, DACA y peticiones familiares, bajo la supervisión de nuestros representantes "
            "acreditados. Tres días en la oficina de Brickell y dos desde casa."
        ),
        "description_en": (
            "Prepare USCIS forms, organize evidence and follow up on asylum, DACA and family "
            "petition cases, supervised by our accredited representatives. Three days at the "
            "Brickell office and two from home."
        ),
        "requirements_es": (
            "Dos años de experiencia en derecho migratorio. Español e inglés escritos."
        ),
        "requirements_en": "Two years of immigration law experience. Written Spanish and English.",
        "benefits_es": "Seguro médico, plan de retiro y apoyo para la acreditación del DOJ.",
        "benefits_en": "Health insurance, a retirement plan and support toward DOJ accreditation.",
        "apply_url": "https://example.org/esperanza/empleos/paralegal",
    },
    {
        "org": "clinica-legal-esperanza",
        "category": Category.INTERPRETING,
        "employment_type": EmploymentType.VOLUNTEER,
        "work_authorization": WorkAuthorization.OPEN_TO_ALL,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "workplace": Workplace.HYBRID,
        "place": ("Miami", "FL", "33135"),
        "title_es": "Intérprete voluntario(a) para talleres de información",
        "title_en": "Volunteer interpreter for information sessions",
        "description_es": (
            "Cada mes damos talleres de información sobre derechos y trámites migratorios. "
            "Buscamos voluntarios que interpreten entre español, inglés y criollo haitiano, en "
            "persona o por videollamada."
        ),
        "description_en": (
            "Every month we hold information sessions on immigrant rights and paperwork. We need "
            "volunteers to interpret between Spanish, English and Haitian Creole, in person or by "
            "video call."
        ),
        "schedule_notes_es": "Un sábado al mes, de 10:00 a.m. a 1:00 p.m.",
        "schedule_notes_en": "One Saturday a month, 10:00 a.m. to 1:00 p.m.",
        "apply_email": "voluntarios@esperanza.example.org",
    },
    {
        "org": "clinica-legal-esperanza",
        "category": Category.TECHNOLOGY,
        "employment_type": EmploymentType.PART_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("24.00", "28.00", PayUnit.HOUR),
        "workplace": Workplace.REMOTE,
        "title_en": "Database and case management assistant",
        "description_en": (
            "Keep our case management database accurate: enter new cases, clean up duplicates and "
            "build simple reports for our funders. Fully remote, about 20 hours a week. We accept "
            "work permits (EAD)."
        ),
        "requirements_en": (
            "Experience with spreadsheets or a database. Attention to detail and respect for "
            "confidentiality."
        ),
        "apply_url": "https://example.org/esperanza/jobs/database-assistant",
    },
    {
        "org": "clinica-legal-esperanza",
        "category": Category.OFFICE,
        "employment_type": EmploymentType.INTERNSHIP,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("2600", None, PayUnit.MONTH),
        "workplace": Workplace.HYBRID,
        "place": ("Miami", "FL", "33135"),
        "title_es": "Pasantía de verano en derecho migratorio",
        "title_en": "Summer immigration law internship",
        "description_es": (
            "Pasantía pagada de diez semanas para estudiantes universitarios que quieran conocer "
            "el trabajo legal con inmigrantes: entrevistas con clientes, investigación de "
            "condiciones de país y apoyo en clínicas de DACA."
        ),
        "description_en": (
            "A paid ten-week internship for college students who want to learn about legal work "
            "with immigrants: client interviews, country conditions research and support at DACA "
            "clinics."
        ),
        "requirements_es": "Estar inscrito(a) en la universidad. Español e inglés.",
        "requirements_en": "Currently enrolled in college. Spanish and English.",
        "apply_url": "https://example.org/esperanza/pasantias",
    },
    {
        "org": "clinica-legal-esperanza",
        "category": Category.CLEANING,
        "employment_type": EmploymentType.PART_TIME,
        "work_authorization": WorkAuthorization.UNCLEAR,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("15.00", "16.00", PayUnit.HOUR),
        "place": ("Miami", "FL", "33125"),
        "title_es": "Limpieza de oficinas por las tardes",
        "description_es": (
            "Limpieza de nuestras oficinas y salas de espera después del horario de atención: "
            "aspirar, sacar la basura, limpiar baños y cocina. Trabajo tranquilo y con horario "
            "fijo."
        ),
        "schedule_notes_es": "Lunes a viernes, de 6:00 a 9:00 p.m.",
        "apply_in_person": (
            "1500 NW 7th St., Miami, FL 33125 · lun.–vie. / Mon–Fri 9:00 a.m.–12:00 p.m."
        ),
    },
    # --- Academia de Oficios: a trade school in Phoenix, with apprenticeships at partner
    # employers ---
    {
        "org": "academia-oficios",
        "category": Category.TRADES,
        "employment_type": EmploymentType.APPRENTICESHIP,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("18.00", "20.00", PayUnit.HOUR),
        "place": ("Phoenix", "AZ", "85009"),
        "title_es": "Aprendiz de electricista",
        "title_en": "Electrical apprentice",
        "description_es": (
            "Programa de aprendizaje de cuatro años: trabaja pagado con un contratista eléctrico "
            "de Phoenix y estudia dos noches por semana en la Academia. El pago sube cada seis "
            "meses."
        ),
        "description_en": (
            "A four-year apprenticeship: paid work with a Phoenix electrical contractor and "
            "classes two evenings a week at the Academy. Pay goes up every six months."
        ),
        "requirements_es": "Tener 18 años o más. Álgebra básica (hay clases de repaso gratis).",
        "requirements_en": "18 or older. Basic algebra (free refresher classes are available).",
        "benefits_es": "Clases gratuitas, herramienta inicial y seguro médico del empleador.",
        "benefits_en": "Free classes, a starter tool kit and health insurance from the employer.",
        "apply_url": "https://example.org/academia/aprendices/electricidad",
    },
    {
        "org": "academia-oficios",
        "category": Category.TRADES,
        "employment_type": EmploymentType.APPRENTICESHIP,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("17.00", "19.00", PayUnit.HOUR),
        "place": ("Phoenix", "AZ", "85041"),
        "title_es": "Aprendiz de técnico HVAC",
        "title_en": "HVAC apprentice",
        "description_es": (
            "Aprenda a instalar y reparar aire acondicionado con una empresa de South Phoenix "
            "mientras estudia para la certificación EPA en la Academia. En Phoenix el aire "
            "acondicionado es indispensable, así que siempre hay trabajo."
        ),
        "description_en": (
            "Learn to install and repair air conditioning with a South Phoenix company while you "
            "study for EPA certification at the Academy. In Phoenix air conditioning is essential, "
            "so there is always work."
        ),
        "requirements_es": "Licencia de manejo y tolerancia al calor.",
        "requirements_en": "A driver's license and able to work in the heat.",
        "apply_url": "https://example.org/academia/aprendices/hvac",
    },
    {
        "org": "academia-oficios",
        "category": Category.TRADES,
        "employment_type": EmploymentType.APPRENTICESHIP,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.SPANISH_OK,
        "pay": ("17.00", None, PayUnit.HOUR),
        "place": ("Phoenix", "AZ", "85034"),
        "title_es": "Aprendiz de soldadura",
        "title_en": "Welding apprentice",
        "description_es": (
            "Aprendizaje de un año en un taller de estructuras metálicas cerca del aeropuerto. Las "
            "clases de la Academia son en español y le preparan para la certificación AWS."
        ),
        "description_en": (
            "A one-year apprenticeship in a steel fabrication shop near the airport. The Academy's "
            "classes are in Spanish and prepare you for AWS certification."
        ),
        "apply_in_person": (
            "2501 W. Buckeye Rd., Phoenix, AZ 85009 · lun.–jue. / Mon–Thu 4:00–7:00 p.m."
        ),
    },
    {
        "org": "academia-oficios",
        "category": Category.TRADES,
        "employment_type": EmploymentType.APPRENTICESHIP,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("20.00", "22.00", PayUnit.HOUR),
        "place": ("Denver", "CO", "80204"),
        "title_es": "Aprendiz de plomería en Denver",
        "title_en": "Plumbing apprentice in Denver",
        "description_es": (
            "Un contratista de plomería de Denver, aliado de la Academia, busca aprendices para "
            "instalaciones residenciales. Las horas de trabajo cuentan para la licencia de plomero "
            "de Colorado."
        ),
        "description_en": (
            "A Denver plumbing contractor that partners with the Academy is looking for "
            "apprentices for residential installs. Your work hours count toward a Colorado "
            "plumbing license."
        ),
        "benefits_es": "Seguro médico, plan de retiro y clases pagadas.",
        "benefits_en": "Health insurance, a retirement plan and paid classes.",
        "apply_url": "https://example.org/academia/aprendices/plomeria-denver",
    },
    {
        "org": "academia-oficios",
        "category": Category.CONSTRUCTION,
        "employment_type": EmploymentType.APPRENTICESHIP,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("17.00", "18.00", PayUnit.HOUR),
        "place": ("Raleigh", "NC", "27601"),
        "title_es": "Aprendiz de carpintería en construcción",
        "title_en": "Construction carpentry apprentice",
        "description_es": (
            "Aprendizaje registrado con una constructora de Raleigh: estructura de madera, "
            "puertas, ventanas y acabados. Incluye el curso OSHA 10 y clases nocturnas en línea."
        ),
        "description_en": (
            "A registered apprenticeship with a Raleigh builder: wood framing, doors, windows and "
            "finish work. Includes the OSHA 10 course and online evening classes."
        ),
        "apply_url": "https://example.org/academia/aprendices/carpinteria-raleigh",
    },
    {
        "org": "academia-oficios",
        "category": Category.TECHNOLOGY,
        "employment_type": EmploymentType.INTERNSHIP,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("18.00", None, PayUnit.HOUR),
        "workplace": Workplace.HYBRID,
        "place": ("Phoenix", "AZ", "85004"),
        "title_es": "Pasantía de soporte técnico",
        "title_en": "IT help desk internship",
        "description_es": (
            "Pasantía pagada de seis meses en el equipo de soporte técnico de la Academia y de sus "
            "empresas aliadas: reparar computadoras, instalar programas y ayudar a estudiantes y "
            "maestros."
        ),
        "description_en": (
            "A paid six-month internship with the help desk team of the Academy and its partner "
            "companies: fix computers, install software and help students and teachers."
        ),
        "requirements_es": (
            "Haber terminado nuestro curso de soporte técnico o tener conocimientos equivalentes."
        ),
        "requirements_en": "Completed our IT support course, or equivalent knowledge.",
        "apply_url": "https://example.org/academia/pasantias/soporte",
    },
    {
        "org": "academia-oficios",
        "category": Category.CHILDCARE,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("58000", "64000", PayUnit.YEAR),
        "place": ("Phoenix", "AZ", "85009"),
        "title_es": "Instructor(a) bilingüe de soldadura",
        "title_en": "Bilingual welding instructor",
        "description_es": (
            "Enseñar soldadura en español e inglés a grupos de adultos, de noche y los sábados. "
            "Preparará a los estudiantes para las pruebas de certificación AWS y les ayudará a "
            "encontrar trabajo."
        ),
        "description_en": (
            "Teach welding in Spanish and English to adult classes, in the evenings and on "
            "Saturdays. You will prepare students for AWS certification tests and help them find "
            "jobs."
        ),
        "requirements_es": (
            "Cinco años como soldador(a) y certificación AWS. Experiencia enseñando es una ventaja."
        ),
        "requirements_en": (
            "Five years as a welder and AWS certification. Teaching experience is a plus."
        ),
        "benefits_es": "Seguro médico, dental y de visión, y plan de retiro.",
        "benefits_en": "Health, dental and vision insurance, and a retirement plan.",
        "apply_email": "empleos@academia.example.org",
    },
    {
        "org": "academia-oficios",
        "category": Category.TECHNOLOGY,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.WORK_PERMIT,
        "work_language": WorkLanguage.FLUENT_ENGLISH,
        "pay": ("65000", "75000", PayUnit.YEAR),
        "workplace": Workplace.REMOTE,
        "title_es": "Desarrollador(a) web junior",
        "title_en": "Junior web developer",
        "description_es": (
            "Una empresa de software aliada con la Academia contrata a graduados de nuestro "
            "programa de programación. Trabajará desde casa en sitios web con Python y JavaScript, "
            "con un mentor asignado. Aceptan permiso de trabajo (EAD)."
        ),
        "description_en": (
            "A software company that partners with the Academy is hiring graduates of our coding "
            "program. You will work from home on websites built with Python and JavaScript, with "
            "an assigned mentor. They accept work permits (EAD)."
        ),
        "requirements_es": "Un portafolio con dos proyectos. Inglés para reuniones de equipo.",
        "requirements_en": "A portfolio with two projects. English for team meetings.",
        "benefits_es": "Seguro médico, computadora portátil y presupuesto para cursos.",
        "benefits_en": "Health insurance, a laptop and a learning budget.",
        "apply_url": "https://example.org/academia/empleos/desarrollo-web",
    },
    {
        "org": "academia-oficios",
        "category": Category.TRADES,
        "employment_type": EmploymentType.FULL_TIME,
        "work_authorization": WorkAuthorization.REQUIRED,
        "work_language": WorkLanguage.BASIC_ENGLISH,
        "pay": ("24.00", "29.00", PayUnit.HOUR),
        "place": ("Atlanta", "GA", "30303"),
        "title_es": "Electricista residencial en Atlanta",
        "title_en": "Residential electrician in Atlanta",
        "description_es": (
            "Un contratista eléctrico de Atlanta busca electricistas para remodelaciones y "
            "servicio residencial. Buscan egresados de la Academia con experiencia y ofrecen "
            "camioneta de trabajo."
        ),
        "description_en": (
            "An Atlanta electrical contractor needs electricians for remodels and residential "
            "service calls. They are looking for experienced Academy graduates and provide a work "
            "truck."
        ),
        "requirements_es": "Licencia de electricista de Georgia o tres años de experiencia.",
        "requirements_en": "A Georgia electrician license or three years of experience.",
        "apply_email": "bolsa@academia.example.org",
    },
]


def job_fields(data: dict) -> dict:
    """The Job fields of one DEMO_JOBS entry (every translated field present, blank or not)."""
    fields = {key: value for key, value in data.items() if key not in {"org", "place", "pay"}}
    for name in TRANSLATED_FIELDS:
        for language in ("es", "en"):
            fields.setdefault(f"{name}_{language}", "")
    if place := data.get("place"):
        fields["city"], fields["state"], fields["zip_code"] = place
    if pay := data.get("pay"):
        pay_min, pay_max, fields["pay_unit"] = pay
        fields["pay_min"] = Decimal(pay_min) if pay_min else None
        fields["pay_max"] = Decimal(pay_max) if pay_max else None
    return fields


def load() -> Iterator[str]:
    staff = User.objects.filter(email="staff@example.org").first()
    organizations = {}
    for slug in dict.fromkeys(data["org"] for data in DEMO_JOBS):
        try:
            organizations[slug] = Organization.objects.get(slug=slug)
        except Organization.DoesNotExist:
            yield f"demo jobs: organization {slug!r} not found, its jobs are skipped"
    created = existing = 0
    now = timezone.now()
    for index, data in enumerate(DEMO_JOBS):
        organization = organizations.get(data["org"])
        if organization is None:
            continue
        fields = job_fields(data)
        # A job is known by its organization and its English title, or its Spanish title
        # when it has no English one.
        key = "title_en" if fields["title_en"] else "title_es"
        if Job.objects.filter(organization=organization, **{key: fields[key]}).exists():
            existing += 1
            continue
        # Spread the publication dates over the last 30 days, some of them today.
        published_at = now - timedelta(days=(index * 7) % 30, hours=(index * 5) % 24)
        job = Job(
            **fields,
            organization=organization,
            status=PublicationStatus.PUBLISHED,
            created_by=staff,
            created_at=published_at - timedelta(hours=20),
            submitted_at=published_at - timedelta(hours=18),
            published_at=published_at,
            expires_on=timezone.localtime(published_at).date()
            + timedelta(days=DEFAULT_LISTING_DAYS),
        )
        job.save()
        search_index(job)
        created += 1
    yield f"demo jobs: {created} created, {existing} already there"
