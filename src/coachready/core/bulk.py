"""Fast bulk inserts for generated and imported data.

On PostgreSQL rows go through COPY, which is several times faster than
multi-row INSERTs and skips building a model instance per row; elsewhere a
plain executemany of one INSERT. Callers pass plain tuples in the order of
`fields`, including values Django would fill in (auto_now_add timestamps).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice

from django.db import connections, models

CHUNK = 5000


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[tuple], using: str = "default") -> int:
    """Insert `rows` into `model`'s table; returns the number of rows written."""
    connection = connections[using]
    meta = model._meta
    columns = [meta.get_field(name).column for name in fields]
    qn = connection.ops.quote_name
    table = qn(meta.db_table)
    column_list = ", ".join(qn(c) for c in columns)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        placeholders = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({column_list}) VALUES ({placeholders})"
        iterator = iter(rows)
        while chunk := list(islice(iterator, CHUNK)):
            cursor.executemany(sql, chunk)
            count += len(chunk)
    return count
