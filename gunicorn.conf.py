"""gunicorn settings for production: `make serve-production`, or `gunicorn` in this folder.

The app is stateless (no sessions, no cookies, no database; the content is read once at
start-up), so any number of copies can run side by side behind a load balancer. Every setting
here can be changed from the environment without editing this file:

    BIND=0.0.0.0:8000  WEB_CONCURRENCY=5  FORWARDED_ALLOW_IPS=10.0.0.1  make serve-production
"""

import multiprocessing
import os

# the production config (HTTPS addresses, pages kept after their first render)
os.environ.setdefault("JOURNEY_CONFIG", "production")

wsgi_app = "journey_app:create_app()"
bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Threads let a worker serve other readers while one phone on a slow connection is still
# receiving its page, and keep connections alive between pages.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# Load and check the content once, before the workers start: broken content stops the server
# at once with the list of problems, and the workers share the rendered content's memory.
preload_app = True
# No control socket: nothing is written outside this folder's process, and several copies can
# run on one machine.
control_socket_disable = True

# The app writes one line per request itself (method, route, status, time) and nothing about the
# reader (journey_app/request_log.py), so gunicorn's own access log is off. If an operator turns
# it on (--access-logfile -), this format still leaves out the reader's address, the page's
# address and its query string, the referrer and the browser.
accesslog = None
access_log_format = '%(t)s "%(m)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = "info"
