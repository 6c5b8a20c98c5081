"""Rendered HTML leaving the site (feeds, the API) with its links absolute (portal/html.py)."""

from portal.html import with_absolute_urls

BASE = "https://portal.example.cl/es/notas/balance/"


def test_links_images_frames_and_srcsets_become_absolute():
    html = (
        '<p>Ver <a href="/es/transparencia/">Transparencia</a> y <a href="anexo/">el anexo</a>.</p>'
        '<picture><source srcset="/media/a.webp 480w, /media/b.webp 960w"><img src="/media/a.png" alt=""></picture>'
        '<iframe src="//video.example.org/e/1"></iframe>'
    )
    assert with_absolute_urls(html, BASE) == (
        '<p>Ver <a href="https://portal.example.cl/es/transparencia/">Transparencia</a> y '
        '<a href="https://portal.example.cl/es/notas/balance/anexo/">el anexo</a>.</p>'
        '<picture><source srcset="https://portal.example.cl/media/a.webp 480w, https://portal.example.cl/media/b.webp 960w">'
        '<img src="https://portal.example.cl/media/a.png" alt=""></picture>'
        '<iframe src="https://video.example.org/e/1"></iframe>'
    )


def test_text_entities_and_absolute_links_are_kept_as_they_were():
    html = '<p>Año 2025 &amp; 2026&nbsp;— <a href="mailto:oirs@example.cl">OIRS</a> <a href="https://gob.cl/">gob.cl</a></p>'
    assert with_absolute_urls(html, BASE) == html


def test_an_address_that_is_not_a_url_is_left_as_written():
    html = '<a href="http://[sin-cerrar">enlace roto</a>'
    assert with_absolute_urls(html, BASE) == html
