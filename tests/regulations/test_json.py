"""The JSON twins of the version, article and comparison pages, for journalists' scripts."""

import pytest


def articles_of(provisions):
    for provision in provisions:
        if provision["kind"] == "article":
            yield provision
        yield from articles_of(provision.get("children", []))


def test_a_version_as_json_has_its_facts_and_its_whole_tree(client, today, versions, regulation_page):
    response = client.get(f"{regulation_page.url}2025-01-01/json/")
    document = response.json()

    assert response["Content-Type"] == "application/json"
    assert document["version"]["effective_from"] == "2024-07-01"
    assert document["version"]["effective_to"] == "2027-02-28"
    assert document["version"]["status"] == "in_force"
    assert document["version"]["act"]["number"] == "412"
    assert document["regulation"]["text_language"] == "es"
    articles = {article["label"]: article for article in articles_of(document["provisions"])}
    assert list(articles) == ["art-1", "art-2", "art-3", "art-3-bis", "art-1-transitorio"]
    assert articles["art-3"]["url"] == f"http://testserver{regulation_page.url}2024-07-01/art-3/"
    assert articles["art-3"]["incisos"][0]["text"].startswith("Compra ágil. Las compras de hasta 100 UTM")
    assert [title["label"] for title in document["provisions"]] == [
        "titulo-1", "titulo-2", "disposiciones-transitorias", "anexo-1",
    ]  # fmt: skip


def test_an_article_as_json_lists_the_versions_in_which_it_changed(client, today, versions, regulation_page):
    document = client.get(f"{regulation_page.url}2023-05-01/art-3/json/").json()

    assert "hasta 30 UTM" in document["article"]["text"]
    assert [(entry["effective_from"], entry["change"]) for entry in document["changed_in"]] == [
        ("2024-07-01", "changed"),
        ("2023-04-01", "original"),
    ]


def test_a_comparison_as_json_has_each_change_and_its_redline(client, today, versions, regulation_page):
    document = client.get(f"{regulation_page.url}compare/2023-04-01/2024-07-01/json/").json()
    changes = {change["label"]: change for change in document["changes"]}

    assert changes["art-3"]["change"] == "changed"
    assert {"operation": "delete", "text": "30"} in changes["art-3"]["redline"]
    assert changes["art-3-bis"]["change"] == "added" and changes["art-4"]["change"] == "removed"
    assert changes["art-1"]["change"] == "unchanged" and changes["art-1"]["redline"] == []


@pytest.mark.parametrize(
    "path",
    ["2020-01-01/json/", "2024-02-30/json/", "2025-01-01/art-4/json/", "compare/2020-01-01/2024-07-01/json/"],
)
def test_what_is_not_there_is_a_json_404(client, today, versions, regulation_page, path):
    response = client.get(f"{regulation_page.url}{path}")

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_a_missing_article_says_where_it_can_be_found(client, today, versions, regulation_page):
    document = client.get(f"{regulation_page.url}2025-01-01/art-4/json/").json()

    assert document["found_in"] == [f"http://testserver{regulation_page.url}2023-04-01/art-4/"]


def test_the_pages_link_to_their_json(client, today, versions, regulation_page):
    for path in ("2024-07-01/", "2024-07-01/art-3/", "compare/2023-04-01/2024-07-01/"):
        html = client.get(f"{regulation_page.url}{path}").content.decode()
        assert f'<link rel="alternate" type="application/json" href="{regulation_page.url}{path}json/">' in html
