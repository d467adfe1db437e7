"""Tests of the health endpoint and the problem detail of an unknown path."""


def test_health_reports_ok(anonymous_client):
    response = anonymous_client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_unknown_path_returns_a_problem_detail_404(anonymous_client):
    response = anonymous_client.get("/no/such/path")
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"
    assert response.get_json() == {
        "type": "/problems/not-found",
        "title": "Not found",
        "status": 404,
        "detail": response.get_json()["detail"],
    }
