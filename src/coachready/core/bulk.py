"""Inserting many rows of one model without building model instances.

Imports and the synthetic data set write hundreds of thousands of rows.
`bulk_create` builds a model instance and runs the SQL compiler for every
row; for a 100,000-row certification file that alone costs more than the
database's work. Here the columns come from the model's own field list (so a
field added later is filled from its default, as `bulk_create` would) and
the rows go to the database with COPY on PostgreSQL, and with `executemany`
in batches elsewhere (SQLite runs them as one prepared statement).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connections, models, router
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone

BATCH_SIZE = 5000


def insert_rows(model: type[models.Model], varying: Sequence[str], rows: Iterable[Sequence[Any]],
                constant: dict[str, Any] | None = None) -> int:
    """INSERT `rows` (values of the `varying` attnames, in order) into `model`'s
    table; `constant` gives values shared by every row; every other field
    takes its default, or now() for auto_now fields. Returns the row count."""
    connection = connections[router.db_for_write(model)]
    constant = dict(constant or {})
    fields = [f for f in model._meta.concrete_fields if not isinstance(f, AutoFieldMixin)]
    by_attname = {f.attname: f for f in fields}
    fixed: dict[str, Any] = {}
    now = timezone.now()
    for field in fields:
        if field.attname in varying:
            continue
        if field.attname in constant:
            value = constant[field.attname]
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = now
        else:
            # What a new instance would hold: the default, "" for text, or None.
            value = field.get_default()
        fixed[field.attname] = field.get_db_prep_save(value, connection)
    quote = connection.ops.quote_name
    columns = [by_attname[name] for name in varying] + [by_attname[name] for name in fixed]
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in columns)}) "
           f"VALUES ({', '.join(['%s'] * len(columns))})")
    prepare = [by_attname[name].get_db_prep_save for name in varying]
    tail = tuple(fixed.values())
    count = 0

    def prepared():
        nonlocal count
        for row in rows:
            count += 1
            yield tuple(prep(value, connection) for prep, value in zip(prepare, row, strict=True)) + tail

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY is PostgreSQL's bulk path: one statement streaming every row.
            copy_sql = f"COPY {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in columns)}) FROM STDIN"
            with cursor.cursor.copy(copy_sql) as copy:
                for row in prepared():
                    copy.write_row(row)
            return count
        batch: list[tuple] = []
        for row in prepared():
            batch.append(row)
            if len(batch) >= BATCH_SIZE:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
    return count
