"""Loaded into benchmark workers (celery worker --include bench.querycount): counts every SQL
query each worker process runs and adds it up in Redis after each task."""

import os

import redis
from celery.signals import task_postrun
from django.db.backends.signals import connection_created

COUNTER = "camino-bench:queries"
counted = [0]


def count(execute, sql, params, many, context):
    counted[0] += 1
    return execute(sql, params, many, context)


def on_connection(sender, connection, **kwargs):
    # Fired at every reconnection of the same connection object: wrap it once.
    if count not in connection.execute_wrappers:
        connection.execute_wrappers.append(count)


def after_task(**kwargs):
    if counted[0]:
        redis.Redis.from_url(os.environ["REDIS_URL"]).incrby(COUNTER, counted[0])
        counted[0] = 0


connection_created.connect(on_connection)
task_postrun.connect(after_task)
