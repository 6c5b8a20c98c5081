"""Rendered HTML made fit to leave the site: in feeds and the API, relative links must be absolute."""

from urllib.parse import urljoin

from bs4 import BeautifulSoup

URL_ATTRIBUTES = [("a", "href"), ("img", "src"), ("iframe", "src")]
SRCSET_TAGS = ["img", "source"]


def with_absolute_urls(html, base_url):
    """`html` with every relative link and image address resolved against `base_url`."""
    soup = BeautifulSoup(html, "html.parser")
    for tag_name, attribute in URL_ATTRIBUTES:
        for tag in soup.find_all(tag_name, attrs={attribute: True}):
            tag[attribute] = urljoin(base_url, tag[attribute])
    for tag in soup.find_all(SRCSET_TAGS, srcset=True):
        candidates = (candidate.split() for candidate in tag["srcset"].split(",") if candidate.strip())
        tag["srcset"] = ", ".join(" ".join([urljoin(base_url, url), *descriptors]) for url, *descriptors in candidates)
    return str(soup)
