"""CRUD handling shared by every resource blueprint.

A resource is described by data (its fields and relations); the functions here turn requests
into queries and rows into JSON the same way for every entity.
"""
import dataclasses
import decimal
import re

import flask
import sqlalchemy
from marshmallow import ValidationError

from . import inputs
from .errors import ApiError, field_error, field_errors
from .extensions import db
from .validation import NoRowHolds, parse_query_value

PAGINATED = True
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# The OpenAPI document declares page an int32; the offset it gives fits every database's bigint.
MAX_PAGE = 2**31 - 1
# Ids are int64 in the OpenAPI document; a larger one is no row's, whatever the database.
MAX_ID = 2**63 - 1
PAGING_PARAMS = ("page", "size", "sort")

RESOURCES = {}


@dataclasses.dataclass(frozen=True)
class Field:
    """A scalar field: its JSON name, model attribute and spec type."""

    key: str
    attr: str
    kind: str
    unique: bool = False


@dataclasses.dataclass(frozen=True)
class ToOne:
    """A many-to-one relation, sent and returned as ``<name>Id``."""

    key: str
    attr: str
    target: str
    required: bool = False


@dataclasses.dataclass(frozen=True)
class ToMany:
    """A many-to-many relation, sent and returned as ``<name>Ids``."""

    key: str
    attr: str
    target: str
    table: str
    owner_column: str
    target_column: str


@dataclasses.dataclass(frozen=True)
class Inbound:
    """A many-to-one column of another resource that points at this one."""

    source: str
    attr: str


@dataclasses.dataclass(frozen=True)
class InboundMany:
    """A many-to-many association table column that points at this one."""

    table: str
    column: str


@dataclasses.dataclass(frozen=True)
class Resource:
    """Everything the CRUD functions need to know about one entity."""

    name: str
    model: type
    schema: type
    fields: tuple = ()
    to_one: tuple = ()
    to_many: tuple = ()
    inbound: tuple = ()
    inbound_many: tuple = ()


def register(resource):
    """Makes ``resource`` known by name, so relations can find it at request time."""
    RESOURCES[resource.name] = resource
    return resource


def _utc_iso(value):
    return None if value is None else value.isoformat() + "Z"


def _encode(kind, value):
    if value is None:
        return None
    if kind == "decimal":
        return format(decimal.Decimal(value).normalize(), "f")
    if kind == "datetime":
        return _utc_iso(value)
    if kind == "date":
        return value.isoformat()
    return value


def dump(resource, row):
    """The JSON form of ``row``."""
    out = {"id": row.id}
    for field in resource.fields:
        out[field.key] = _encode(field.kind, getattr(row, field.attr))
    for relation in resource.to_one:
        out[relation.key] = getattr(row, relation.attr)
    for relation in resource.to_many:
        out[relation.key] = sorted(item.id for item in getattr(row, relation.attr))
    out["createdAt"] = _utc_iso(row.created_at)
    out["updatedAt"] = _utc_iso(row.updated_at)
    return out


def _find(resource, row_id):
    row = db.session.get(resource.model, row_id) if row_id <= MAX_ID else None
    if row is None:
        raise ApiError(404, "not-found", f"{resource.name} {row_id} does not exist.")
    return row


def _load(resource, partial):
    body = inputs.json_object()
    try:
        data = resource.schema().load(body, partial=partial)
    except ValidationError as error:
        raise ApiError(
            400,
            "validation-failed",
            "The request is invalid.",
            field_errors(error.messages),
        ) from None
    errors = []
    for relation in resource.to_one:
        row_id = data.get(relation.attr)
        if row_id is not None:
            target = RESOURCES[relation.target]
            if db.session.get(target.model, row_id) is None:
                message = f"{target.name} {row_id} does not exist."
                errors.append(field_error(relation.key, message))
    for relation in resource.to_many:
        if relation.attr in data:
            target = RESOURCES[relation.target]
            rows = []
            for row_id in dict.fromkeys(data[relation.attr] or []):
                row = db.session.get(target.model, row_id)
                if row is None:
                    message = f"{target.name} {row_id} does not exist."
                    errors.append(field_error(relation.key, message))
                rows.append(row)
            data[relation.attr] = rows
    if errors:
        raise ApiError(400, "validation-failed", "The request is invalid.", errors)
    return data


def _apply(resource, row, data, full):
    for field in resource.fields:
        if field.attr in data or full:
            setattr(row, field.attr, data.get(field.attr))
    for relation in resource.to_one:
        if relation.attr in data or full:
            setattr(row, relation.attr, data.get(relation.attr))
    for relation in resource.to_many:
        if relation.attr in data or full:
            setattr(row, relation.attr, data.get(relation.attr) or [])


def _check_unique(resource, row):
    errors = []
    model = resource.model
    with db.session.no_autoflush:
        for field in resource.fields:
            value = getattr(row, field.attr)
            if not field.unique or value is None:
                continue
            query = model.query.filter(getattr(model, field.attr) == value)
            if row.id is not None:
                query = query.filter(model.id != row.id)
            if db.session.query(query.exists()).scalar():
                errors.append(field_error(field.key, "This value is already used."))
    if errors:
        raise ApiError(409, "conflict", "A unique value is already used.", errors)


def _commit():
    db.session.commit()


def _json(body, status=200):
    response = flask.jsonify(body)
    response.status_code = status
    return response


def create_row(resource, endpoint):
    """POST: validates the body, stores a new row, 201 with the row and its Location."""
    data = _load(resource, partial=False)
    row = resource.model()
    _apply(resource, row, data, full=True)
    _check_unique(resource, row)
    db.session.add(row)
    _commit()
    response = _json(dump(resource, row), 201)
    response.headers["Location"] = flask.url_for(endpoint, id=row.id)
    return response


def get_row(resource, row_id):
    """GET one row, 404 when it does not exist."""
    return _json(dump(resource, _find(resource, row_id)))


def update_row(resource, row_id, partial):
    """PUT (``partial`` false: every field replaced) or PATCH (only the given fields)."""
    row = _find(resource, row_id)
    data = _load(resource, partial=partial)
    with db.session.no_autoflush:
        _apply(resource, row, data, full=not partial)
        _check_unique(resource, row)
    _commit()
    return _json(dump(resource, row))


def delete_row(resource, row_id):
    """DELETE: 204, or 409 while other rows still reference this one."""
    row = _find(resource, row_id)
    for inbound in resource.inbound:
        source = RESOURCES[inbound.source]
        column = getattr(source.model, inbound.attr)
        count = source.model.query.filter(column == row.id).count()
        if count:
            message = f"{resource.name} {row_id} is still referenced by {count} {source.name} row(s)."
            raise ApiError(409, "conflict", message)
    for inbound in resource.inbound_many:
        table = db.metadata.tables[inbound.table]
        db.session.execute(table.delete().where(table.c[inbound.column] == row.id))
    db.session.delete(row)
    _commit()
    return flask.Response(status=204)


def _sortable(resource):
    columns = {"id": resource.model.id, "createdAt": resource.model.created_at}
    columns["updatedAt"] = resource.model.updated_at
    for field in resource.fields:
        columns[field.key] = getattr(resource.model, field.attr)
    for relation in resource.to_one:
        columns[relation.key] = getattr(resource.model, relation.attr)
    return columns


def _filterable(resource):
    kinds = {"id": ("id", "id")}
    kinds.update({field.key: (field.attr, field.kind) for field in resource.fields})
    kinds.update({relation.key: (relation.attr, "id") for relation in resource.to_one})
    return {key: value for key, value in kinds.items() if key not in PAGING_PARAMS}


def _positive_int(args, name, default, errors, maximum):
    raw = args.get(name)
    if raw is None:
        return default
    if re.fullmatch(r"0*[1-9][0-9]*", raw) is None:
        errors.append(field_error(name, "Must be a positive integer."))
        return default
    digits = raw.lstrip("0")
    if len(digits) > len(str(maximum)) or int(digits) > maximum:
        errors.append(field_error(name, f"Must be at most {maximum}."))
        return default
    return int(digits)


def list_rows(resource, query=None):
    """GET list: equality filters, ``sort=field`` or ``sort=-field``, ``page`` and ``size``."""
    args = inputs.query_args()
    errors = []
    page = _positive_int(args, "page", 1, errors, MAX_PAGE)
    size = _positive_int(args, "size", DEFAULT_PAGE_SIZE, errors, MAX_PAGE_SIZE)
    model = resource.model
    query = model.query if query is None else query
    filterable = _filterable(resource)
    for key in sorted(set(args)):
        if key in PAGING_PARAMS:
            continue
        if key not in filterable:
            errors.append(field_error(key, "Unknown query parameter."))
            continue
        attr, kind = filterable[key]
        try:
            value = parse_query_value(kind, args[key])
        except NoRowHolds:
            query = query.filter(sqlalchemy.false())
            continue
        except (ValueError, ValidationError) as error:
            errors.append(field_error(key, str(error) or "Invalid value."))
            continue
        query = query.filter(getattr(model, attr) == value)
    sortable = _sortable(resource)
    order = []
    for part in (args.get("sort") or "id").split(","):
        descending = part.startswith("-")
        key = part[1:] if descending else part
        if key not in sortable:
            errors.append(field_error("sort", f"Cannot sort by '{key}'."))
            continue
        order.append(sortable[key].desc() if descending else sortable[key].asc())
    if errors:
        raise ApiError(400, "validation-failed", "Invalid query parameters.", errors)
    order.append(model.id.asc())
    total = query.count()
    query = query.order_by(*order)
    if not PAGINATED:
        items = [dump(resource, row) for row in query.all()]
        return _json({"items": items, "total": total})
    rows = query.offset((page - 1) * size).limit(size).all()
    items = [dump(resource, row) for row in rows]
    return _json({"items": items, "page": page, "size": size, "total": total})


def list_many_to_many(resource, attr, row_id):
    """GET /<id>/<relation>: the rows a many-to-many relation holds, as a list."""
    row = _find(resource, row_id)
    relation = next(r for r in resource.to_many if r.attr == attr)
    target = RESOURCES[relation.target]
    table = db.metadata.tables[relation.table]
    linked = sqlalchemy.select(table.c[relation.target_column]).where(
        table.c[relation.owner_column] == row.id
    )
    query = target.model.query.filter(target.model.id.in_(linked))
    return list_rows(target, query)


def list_one_to_many(resource, source_name, attr, row_id):
    """GET /<id>/<relation>: the rows of ``source_name`` whose ``attr`` points at this row."""
    _find(resource, row_id)
    source = RESOURCES[source_name]
    query = source.model.query.filter(getattr(source.model, attr) == row_id)
    return list_rows(source, query)
