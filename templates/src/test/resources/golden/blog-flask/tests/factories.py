"""Valid request bodies and rows for the tests, built from sample values that satisfy the spec.

Each call takes the next sample, so unique fields get distinct values within a test.
"""
import collections

COUNTERS = collections.Counter()


def reset():
    """Starts every entity's samples from the first again."""
    COUNTERS.clear()


def _next(name):
    COUNTERS[name] += 1
    return COUNTERS[name] - 1


def _pick(values, n):
    return {key: samples[n % len(samples)] for key, samples in values.items()}


def _create(client, url, body):
    response = client.post(url, json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


CATEGORY_SAMPLES = {
    "title": [
        "title-0",
        "title-1",
        "title-2",
        "title-3",
        "title-4",
        "title-5",
        "title-6",
        "title-7",
    ],
}


def payload_category(client):
    """A valid body for /api/categories; creates the rows its required relations need."""
    body = _pick(CATEGORY_SAMPLES, _next("Category"))
    return body


def create_category(client, changes=None):
    """Creates a row through the API (with ``changes`` applied to the body); returns its JSON."""
    body = payload_category(client)
    body.update(changes or {})
    return _create(client, "/api/categories", body)


TAG_SAMPLES = {
    "label": [
        "label-0",
        "label-1",
        "label-2",
        "label-3",
        "label-4",
        "label-5",
        "label-6",
        "label-7",
    ],
}


def payload_tag(client):
    """A valid body for /api/tags; creates the rows its required relations need."""
    body = _pick(TAG_SAMPLES, _next("Tag"))
    return body


def create_tag(client, changes=None):
    """Creates a row through the API (with ``changes`` applied to the body); returns its JSON."""
    body = payload_tag(client)
    body.update(changes or {})
    return _create(client, "/api/tags", body)


POST_SAMPLES = {
    "title": [
        "title-0",
        "title-1",
        "title-2",
        "title-3",
        "title-4",
        "title-5",
        "title-6",
        "title-7",
    ],
    "body": [
        "body-0",
        "body-1",
        "body-2",
        "body-3",
        "body-4",
        "body-5",
        "body-6",
        "body-7",
    ],
    "publishedAt": [
        "2024-01-15T09:30:00Z",
        "2024-01-15T14:30:00Z",
        "2024-01-15T19:30:00Z",
        "2024-01-16T00:30:00Z",
        "2024-01-16T05:30:00Z",
        "2024-01-16T10:30:00Z",
        "2024-01-16T15:30:00Z",
        "2024-01-16T20:30:00Z",
    ],
    "views": [0, 1, 2, 3, 4, 5, 6, 7],
}


def payload_post(client):
    """A valid body for /api/posts; creates the rows its required relations need."""
    body = _pick(POST_SAMPLES, _next("Post"))
    return body


def create_post(client, changes=None):
    """Creates a row through the API (with ``changes`` applied to the body); returns its JSON."""
    body = payload_post(client)
    body.update(changes or {})
    return _create(client, "/api/posts", body)


COMMENT_SAMPLES = {
    "author": [
        "author-0",
        "author-1",
        "author-2",
        "author-3",
        "author-4",
        "author-5",
        "author-6",
        "author-7",
    ],
    "text": [
        "text-0",
        "text-1",
        "text-2",
        "text-3",
        "text-4",
        "text-5",
        "text-6",
        "text-7",
    ],
}


def payload_comment(client):
    """A valid body for /api/comments; creates the rows its required relations need."""
    body = _pick(COMMENT_SAMPLES, _next("Comment"))
    reference = create_post(client)
    body["postId"] = reference["id"]
    return body


def create_comment(client, changes=None):
    """Creates a row through the API (with ``changes`` applied to the body); returns its JSON."""
    body = payload_comment(client)
    body.update(changes or {})
    return _create(client, "/api/comments", body)
