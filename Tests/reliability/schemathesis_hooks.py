"""schemathesis hooks (SCHEMATHESIS_HOOKS): real credentials for the protected routes.

The stage registers AUTHLAB_FUZZ_USER on the live server at AUTHLAB_FUZZ_BASE; these
providers log it in so that fuzzed requests also reach the 200/204 answers, not only
the 401s. Session cases get a fresh session each (logout may end it); every other
logout case gets the right X-CSRF-Token, the rest keep the generated one (403).
"""

from __future__ import annotations

import itertools
import os
import re

import requests
import schemathesis

BASE = os.environ.get("AUTHLAB_FUZZ_BASE", "http://127.0.0.1:8080")
USER = {"username": os.environ.get("AUTHLAB_FUZZ_USER", "fuzzer"),
        "password": os.environ.get("AUTHLAB_FUZZ_PASSWORD", "fuzzer-password")}


@schemathesis.auth(refresh_interval=None).apply_to(path_regex="^/session/(me|sessions|logout)$")
class SessionCookie:
    turns = itertools.count()

    def get(self, case, context):
        response = requests.post(f"{BASE}/session/login", json=USER, timeout=10)
        response.raise_for_status()
        sid = re.search(r"sid=([^;]+)", response.headers["Set-Cookie"]).group(1)
        return sid, response.json()["csrf_token"]

    def set(self, case, data, context):
        sid, csrf = data
        case.cookies = {**(case.cookies or {}), "sid": sid}
        if case.path == "/session/logout" and next(self.turns) % 2 == 0:
            case.headers = {**(case.headers or {}), "X-CSRF-Token": csrf}


@schemathesis.auth().apply_to(path_regex="^/jwt/(me|logout)$")
class BearerToken:
    def get(self, case, context):
        response = requests.post(f"{BASE}/jwt/login", json=USER, timeout=10)
        response.raise_for_status()
        return response.json()["access_token"]

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}
