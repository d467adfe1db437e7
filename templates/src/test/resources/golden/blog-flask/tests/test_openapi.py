"""Tests of the OpenAPI document: it is the shipped one and names exactly the app's routes."""
import pathlib
import re

DOCUMENT = pathlib.Path(__file__).resolve().parent.parent / "app" / "openapi.json"
METHODS = {"get", "put", "post", "delete", "patch"}


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def test_served_document_is_the_shipped_one(anonymous_client):
    response = anonymous_client.get("/openapi.json")
    assert response.status_code == 200
    assert response.content_type == "application/json"
    assert response.get_data() == DOCUMENT.read_bytes()
    assert response.get_json()["openapi"] == "3.0.3"


def test_document_names_every_route_and_no_other(app, anonymous_client):
    document = anonymous_client.get("/openapi.json").get_json()
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            routes.add((method.lower(), path))
    documented = {(method, path) for path, method, _ in operations(document)}
    assert documented == routes


def test_every_operation_has_an_id_a_summary_security_and_responses(anonymous_client):
    document = anonymous_client.get("/openapi.json").get_json()
    ids = []
    for path, method, operation in operations(document):
        ids.append(operation["operationId"])
        assert operation["summary"], (method, path)
        assert "security" in operation, (method, path)
        assert operation["responses"], (method, path)
    assert len(ids) == len(set(ids))


def test_every_error_is_a_problem_detail(anonymous_client):
    document = anonymous_client.get("/openapi.json").get_json()
    for path, method, operation in operations(document):
        for status, response in operation["responses"].items():
            if status[0] in "45" and status != "4XX" and "content" in response:
                assert list(response["content"]) == ["application/problem+json"], (
                    method,
                    path,
                    status,
                )
