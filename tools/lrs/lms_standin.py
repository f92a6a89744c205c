"""A small LMS stand-in in front of Ralph, for Praxis's cmi5 tests (Ralph has no State API).

Usage: python lms_standin.py PORT RALPH_XAPI_ENDPOINT RALPH_USER RALPH_PASSWORD CONFIG LOG

It plays the LMS's part of a cmi5 launch (cmi5 spec, AICC CMI-5_Spec_Current):
- POST /fetch/<key>: the authorization token, once per key (§8.2.1); a second POST answers
  error-code 1 (§8.2.3); GET is refused (§8.2.1: POST only);
- GET /xAPI/activities/state with stateId LMS.LaunchData: the launch data of CONFIG, for the
  configured activityId, agent and registration only (§10.1); writes to it are refused (403),
  the AU must not modify it (§10.2.1);
- GET /xAPI/agents/profile with profileId cmi5LearnerPreferences: the preferences of CONFIG,
  or 404 (§11);
- every other /xAPI/ request (statements, about) is checked for the token and forwarded to
  Ralph with Ralph's own credentials.
Ralph 5.1.0's file-system backend never matches a `verb` or `activity` filter (the API turns
the parameter into an IRI object, the backend compares it with a string), so statement
queries with those filters are answered here: Ralph is asked with the other filters and the
result filtered on the statements' verb and object ids.
CONFIG (JSON) is read at each request: {"actor", "registration", "activityId", "launchData",
"preferences" (or null)}. Every request is logged to LOG as one JSON line.
"""

import base64
import json
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, ralph, ralph_user, ralph_password, config_path, log_path = sys.argv[1:7]
ralph_auth = "Basic " + base64.b64encode(f"{ralph_user}:{ralph_password}".encode()).decode()
tokens = {}  # fetch key -> token
valid = set()


def config():
    with open(config_path, encoding="utf-8") as f:
        return json.load(f)


def same_agent(a, b):
    return a.get("account") == b.get("account")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", content_type="application/json", headers=None):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Experience-API-Version", "1.0.3")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        url = urllib.parse.urlsplit(self.path)
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(json.dumps({
                "method": self.command,
                "path": url.path,
                "query": dict(urllib.parse.parse_qsl(url.query)),
                "status": status,
            }) + "\n")

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def handle_any(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        data = self.body()
        if url.path.startswith("/fetch/"):
            if self.command != "POST":
                return self.reply(405, {"error-code": "2", "error-text": "use POST"})
            key = url.path[len("/fetch/"):]
            if key in tokens:
                return self.reply(200, {"error-code": "1",
                                        "error-text": "The authorization token has already been returned."})
            tokens[key] = secrets.token_urlsafe(24)
            valid.add(tokens[key])
            return self.reply(200, {"auth-token": tokens[key]})
        if not url.path.startswith("/xAPI/"):
            return self.reply(404, {"error": "not found"})
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Basic ") or auth[6:] not in valid:
            return self.reply(401, {"error": "no valid cmi5 authorization token"})
        cfg = config()
        rest = url.path[len("/xAPI/"):]
        if rest == "activities/state":
            if self.command != "GET":
                return self.reply(403, {"error": "the AU must not modify LMS.LaunchData"})
            agent = json.loads(query.get("agent", "{}"))
            if (query.get("stateId") != "LMS.LaunchData"
                    or query.get("activityId") != cfg["activityId"]
                    or query.get("registration") != cfg["registration"]
                    or not same_agent(agent, cfg["actor"])):
                return self.reply(404, {"error": "no such state"})
            return self.reply(200, cfg["launchData"])
        if rest == "agents/profile":
            agent = json.loads(query.get("agent", "{}"))
            if (query.get("profileId") != "cmi5LearnerPreferences"
                    or not same_agent(agent, cfg["actor"]) or cfg.get("preferences") is None):
                return self.reply(404, {"error": "no such profile"})
            return self.reply(200, cfg["preferences"])
        if rest == "statements" and self.command == "GET" and ("verb" in query or "activity" in query):
            return self.filtered(query)
        target = ralph + rest + (("?" + url.query) if url.query else "")
        req = urllib.request.Request(target, data=data if data else None, method=self.command)
        req.add_header("Authorization", ralph_auth)
        req.add_header("X-Experience-API-Version", "1.0.3")
        if self.headers.get("Content-Type"):
            req.add_header("Content-Type", self.headers["Content-Type"])
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return self.reply(r.status, r.read(), r.headers.get("Content-Type", "application/json"))
        except urllib.error.HTTPError as e:
            return self.reply(e.code, e.read(), e.headers.get("Content-Type", "application/json"))

    def ralph_get(self, url):
        req = urllib.request.Request(url)
        req.add_header("Authorization", ralph_auth)
        req.add_header("X-Experience-API-Version", "1.0.3")
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.load(r)

    def filtered(self, query):
        verb = query.pop("verb", None)
        activity = query.pop("activity", None)
        limit = int(query.pop("limit", "0") or 0)
        query["limit"] = "100"
        origin = ralph.split("/xAPI/")[0]
        url = ralph + "statements?" + urllib.parse.urlencode(query)
        found = []
        while url:
            page = self.ralph_get(url)
            for st in page.get("statements", []):
                if verb and st.get("verb", {}).get("id") != verb:
                    continue
                if activity and st.get("object", {}).get("id") != activity:
                    continue
                found.append(st)
            more = page.get("more")
            url = origin + more if more else None
        if limit:
            found = found[:limit]
        return self.reply(200, {"statements": found, "more": ""})

    do_GET = do_POST = do_PUT = do_DELETE = handle_any


ThreadingHTTPServer(("127.0.0.1", int(port)), Handler).serve_forever()
