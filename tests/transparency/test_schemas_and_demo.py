"""Ready-made schemas (installed by migration 0002) and the demo Transparencia Activa section."""

import datetime
import importlib
import re

from django.core.validators import validate_slug
from django.db import migrations
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, Site

from tests.conftest import load_demo
from transparency import categories, schemas
from transparency.columns import ColumnType
from transparency.demo import (
    CORRECTION_NOTE,
    LATE_DATASET,
    MONTHS_OF_DATA,
    NO_MOVEMENTS_DATASET,
    add_months,
    build_transparency_demo,
)
from transparency.models import (
    Dataset,
    DatasetPage,
    DatasetSchema,
    SchemaColumn,
    Snapshot,
    SnapshotRow,
    TransparencyCategoryPage,
    TransparencyIndexPage,
)
from transparency.obligations import Status, obligations

STAFF_SCHEMAS = [schemas.PLANTA, schemas.CONTRATA, schemas.CODIGO_DEL_TRABAJO, schemas.HONORARIOS]
PERSON_RUT = re.compile(r"\b\d{1,2}\.?\d{3}\.?\d{3}-[\dkK]\b")


# Ready-made schemas


def test_migrations_install_a_schema_for_every_letter_as_defined(db):
    installed = {schema.name: schema for schema in DatasetSchema.objects.prefetch_related("columns")}
    for definition in schemas.SCHEMAS:
        schema = installed[definition["name"]]
        assert schema.description == definition["description"]
        columns = [
            (column.key, column.header_es, column.header_en, column.type, column.required)
            for column in schema.columns.all()
        ]
        assert columns == definition["columns"], definition["name"]
    assert {definition["letter"] for definition in schemas.SCHEMAS} == {c.letter for c in categories.ARTICLE_7}


def test_staff_are_four_separate_tables_with_their_pay_required(db):
    staff = [DatasetSchema.objects.get(name=name) for name in STAFF_SCHEMAS]
    assert len({schema.pk for schema in staff}) == 4
    assert {schemas.BY_NAME[name]["letter"] for name in STAFF_SCHEMAS} == {"d"}
    for schema in staff:
        columns = {column.key: column for column in schema.columns.all()}
        pay = columns.get("remuneracion_bruta") or columns["remuneracion_total"]
        assert (pay.type, pay.required) == (ColumnType.MONEY, True), schema.name
        assert columns["fecha_inicio"].type == ColumnType.DATE
        assert columns["fecha_termino"].type == ColumnType.DATE
        assert not any(re.search(r"(^|_)rut(_|$)", key) for key in columns), "no RUTs of persons"
    assert "grado_eus" in columns_of(schemas.PLANTA) and "grado_eus" in columns_of(schemas.CONTRATA)
    assert "descripcion_funcion" in columns_of(schemas.HONORARIOS)


def columns_of(name):
    return [column[0] for column in schemas.BY_NAME[name]["columns"]]


def test_procurement_and_budget_columns_have_the_right_types(db):
    procurement = {
        column.key: column.type
        for column in SchemaColumn.objects.filter(schema__name="Contrataciones de bienes y servicios")
    }
    assert procurement["enlace_mercado_publico"] == ColumnType.URL
    assert procurement["monto_total"] == ColumnType.MONEY
    assert procurement["fecha"] == ColumnType.DATE
    budget = {
        column.key: column.type for column in SchemaColumn.objects.filter(schema__name="Ejecución presupuestaria")
    }
    assert budget["presupuesto_vigente"] == budget["devengado"] == budget["pagado"] == ColumnType.MONEY
    assert budget["porcentaje_ejecutado"] == ColumnType.INTEGER


def test_every_column_is_valid_with_headers_in_both_languages(db):
    for column in SchemaColumn.objects.select_related("schema"):
        column.full_clean()  # lengths, slug-shaped key, known type (SQLite would not check them)
        validate_slug(column.key)
        assert column.key == column.key.lower() and "-" not in column.key, column.key
        assert column.header_es.strip() and column.header_en.strip(), column.key
    for definition in schemas.SCHEMAS:
        keys = [column[0] for column in definition["columns"]]
        assert len(keys) == len(set(keys)), definition["name"]
        spanish = [column[1] for column in definition["columns"]]
        assert len(spanish) == len(set(spanish)), definition["name"]  # the importer matches headers by name


def test_install_again_changes_nothing_and_restores_what_was_lost(db):
    assert schemas.install(DatasetSchema, SchemaColumn) == 0

    planta = DatasetSchema.objects.get(name=schemas.PLANTA)
    planta.columns.filter(key="region").delete()
    planta.columns.filter(key="cargo").update(header_en="Job")
    SchemaColumn.objects.create(schema=planta, key="unidad", header_es="Unidad", header_en="Unit", sort_order=1)

    assert schemas.install(DatasetSchema, SchemaColumn, update=False) == 0  # existing schemas left alone
    assert schemas.install(DatasetSchema, SchemaColumn) > 0
    keys = list(planta.columns.values_list("key", flat=True))
    assert keys == columns_of(schemas.PLANTA) + ["unidad"]  # an officer's extra column is kept, last
    assert planta.columns.get(key="cargo").header_en == "Position or role"
    assert schemas.install(DatasetSchema, SchemaColumn) == 0


def test_the_data_migration_is_not_reversed():
    migration = importlib.import_module("transparency.migrations.0002_ready_made_schemas").Migration
    assert ("transparency", "0001_initial") in migration.dependencies
    (operation,) = migration.operations
    assert isinstance(operation, migrations.RunPython) and operation.reverse_code is migrations.RunPython.noop


# The demo section


def months_before(today, count=MONTHS_OF_DATA):
    this_month = today.replace(day=1)
    return [add_months(this_month, -back) for back in range(count, 0, -1)]


def test_demo_has_every_category_in_both_languages_with_live_pages(transparency_demo_site):
    home_es = transparency_demo_site.root_page.specific
    english = Locale.objects.get(language_code="en")
    index_es = TransparencyIndexPage.objects.child_of(home_es).get()
    index_en = index_es.get_translation(english)
    assert (index_es.slug, index_en.slug, index_es.live, index_en.live) == ("transparencia", "transparency", True, True)
    assert index_en.get_parent().specific == home_es.get_translation(english).specific

    pages = TransparencyCategoryPage.objects.child_of(index_es).live()
    assert [page.letter for page in pages.order_by("letter")] == list("abcdefghijklm")
    for page in pages:
        translation = page.get_translation(english).specific
        assert translation.live and translation.letter == page.letter
        assert translation.get_parent().pk == index_en.pk
        assert page.intro and translation.intro and page.title != translation.title
        datasets = DatasetPage.objects.child_of(page).live()
        assert datasets.exists(), page.letter
        for dataset_page in datasets:
            assert dataset_page.dataset.category == page.letter
            assert dataset_page.dataset.schema.name in schemas.BY_NAME
            assert schemas.BY_NAME[dataset_page.dataset.schema.name]["letter"] == page.letter
            translated = dataset_page.get_translation(english).specific
            assert translated.live and translated.dataset_id == dataset_page.dataset_id
            assert translated.get_parent().pk == translation.pk
            assert translated.description and translated.description != dataset_page.description

    staff = DatasetPage.objects.child_of(pages.get(letter="d")).live()
    assert sorted(page.dataset.schema.name for page in staff) == sorted(STAFF_SCHEMAS)


def test_demo_datasets_have_the_last_six_months_published(transparency_demo_site):
    periods = months_before(timezone.localdate())
    datasets = Dataset.objects.all()
    assert datasets.count() == DatasetPage.objects.filter(locale__language_code="es").count() >= 16
    for dataset in datasets:
        assert dataset.reporting_since == periods[0]
        current = list(dataset.current_snapshots().order_by("period"))
        expected = periods[:-1] if dataset.slug == LATE_DATASET else periods
        assert [snapshot.period for snapshot in current] == expected, dataset.slug
        assert not dataset.snapshots.drafts().exists()
        for snapshot in current:
            assert snapshot.published_at <= timezone.now()
            assert snapshot.row_count == snapshot.rows.count()
            if not snapshot.no_movements:
                assert 5 <= snapshot.row_count <= 40, (dataset.slug, snapshot.period, snapshot.row_count)
            if snapshot.version == 1 and not snapshot.no_movements:
                assert snapshot.source_name.endswith(".csv")  # went through the CSV importer


def test_demo_has_exactly_one_correction_and_a_month_without_movements(transparency_demo_site):
    (superseded,) = Snapshot.objects.filter(superseded_at__isnull=False)
    correction = superseded.dataset.current_snapshots().get(period=superseded.period)
    assert (superseded.version, correction.version) == (1, 2)
    assert superseded.dataset.schema.name == schemas.PLANTA
    assert correction.correction_note == CORRECTION_NOTE and not superseded.correction_note
    assert superseded.superseded_at == correction.published_at > superseded.published_at
    wrong, right = (snapshot.rows.get(position=3).values for snapshot in (superseded, correction))
    assert wrong["remuneracion_bruta"] == 10 * right["remuneracion_bruta"]
    assert {**wrong, "remuneracion_bruta": None} == {**right, "remuneracion_bruta": None}
    def other_rows(snapshot):
        return list(snapshot.rows.exclude(position=3).order_by("position").values_list("values", flat=True))

    assert other_rows(superseded) == other_rows(correction)

    (empty,) = Snapshot.objects.filter(no_movements=True)
    assert empty.dataset.slug == NO_MOVEMENTS_DATASET and empty.is_published and empty.row_count == 0


def test_demo_rows_are_typed_and_hold_no_personal_ids(transparency_demo_site):
    planta = Snapshot.objects.filter(dataset__schema__name=schemas.PLANTA, superseded_at__isnull=True).first()
    row = planta.rows.first().values
    assert isinstance(row["remuneracion_bruta"], int) and row["remuneracion_bruta"] > 500_000
    datetime.date.fromisoformat(row["fecha_inicio"])
    assert row["mes"] in {"Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto",
                          "Septiembre", "Octubre", "Noviembre", "Diciembre"}  # fmt: skip
    staff_rows = SnapshotRow.objects.filter(snapshot__dataset__category="d").values_list("values", flat=True)
    for values in staff_rows:
        assert not any(PERSON_RUT.search(str(value)) for value in values.values() if value), values
    purchase = SnapshotRow.objects.filter(snapshot__dataset__schema__name="Contrataciones de bienes y servicios")
    assert PERSON_RUT.search(purchase.first().values["rut_proveedor"])  # companies' RUTs are public


def test_demo_leaves_one_dataset_due_or_overdue(transparency_demo_site):
    late = [duty for duty in obligations(Dataset.objects.all()) if duty.status != Status.UP_TO_DATE]
    assert [duty.dataset.slug for duty in late] == [LATE_DATASET]
    assert late[0].status in (Status.DUE, Status.OVERDUE) and late[0].missing_months == 1


def transparency_state():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "schemas": list(SchemaColumn.objects.order_by("pk").values_list("pk", "key", "header_es", "header_en")),
        "datasets": list(Dataset.objects.order_by("pk").values()),
        "snapshots": list(Snapshot.objects.order_by("pk").values()),
        "rows": SnapshotRow.objects.count(),
    }


def test_running_the_demo_again_changes_nothing(transparency_demo_site):
    before = transparency_state()
    output = load_demo("transparency")
    assert transparency_state() == before
    assert "0 items created" in output


def test_demo_months_follow_the_day_it_is_built_across_a_new_year(db):
    """Built on 15 March 2026: September 2025 to February 2026, the budget starting again in January."""
    english, _created = Locale.objects.get_or_create(language_code="en")
    home_es = Site.objects.get(is_default_site=True).root_page.specific
    home_en = home_es.copy_for_translation(english)
    home_en.save_revision().publish()

    created = build_transparency_demo(home_es, home_en, datetime.date(2026, 3, 15))

    assert created > 100
    periods = months_before(datetime.date(2026, 3, 15))
    assert periods[0] == datetime.date(2025, 9, 1) and periods[-1] == datetime.date(2026, 2, 1)
    budget = Dataset.objects.get(slug="ejecucion-presupuestaria")
    spent = {
        snapshot.period: sum(row["devengado"] for row in snapshot.rows.values_list("values", flat=True))
        for snapshot in budget.current_snapshots()
    }
    assert spent[datetime.date(2026, 1, 1)] < spent[datetime.date(2025, 12, 1)]  # a new budget year
    for snapshot in Snapshot.objects.filter(no_movements=False, superseded_at__isnull=True):
        assert 5 <= snapshot.row_count <= 40, (snapshot.dataset.slug, snapshot.period, snapshot.row_count)
    assert build_transparency_demo(home_es, home_en, datetime.date(2026, 3, 15)) == 0
