"""Pages are translated with wagtail-localize: segments extracted, English starts as a draft."""

from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.operations import TranslationCreator

from portal.models import StandardPage
from tests.conftest import publish


def test_spanish_page_gets_a_synced_english_draft(home_es, english, admin_user):
    page = StandardPage(
        title="Datos abiertos",
        slug="datos-abiertos",
        summary="Conjuntos de datos reutilizables.",
        body=[("paragraph", "<p>Publicamos los datos en formatos abiertos.</p>")],
    )
    home_es.add_child(instance=page)
    page = publish(page)

    TranslationCreator(admin_user, [english]).create_translations(page)

    translated = page.get_translation(english)
    assert translated.title == "Datos abiertos"  # untranslated segments keep the source text
    assert not translated.live
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=english)
    texts = set(
        StringSegment.objects.filter(source=translation.source).values_list("string__data", flat=True)
    )
    assert {"Conjuntos de datos reutilizables.", "Publicamos los datos en formatos abiertos."} <= texts
