"""A proxy between the portal and moto that adds a fixed latency to every AWS call, and logs each call.

moto on loopback answers in milliseconds; AWS takes 100-300 ms. This proxy holds every request for DELAY seconds
before forwarding it, so that calls made one after the other cost what they cost against AWS. It logs one line per
call: arrival time (epoch seconds), the account the call acted in, region, service and action. The account comes
from the access key that signed the call: the proxy reads the AccessKeyId out of every AssumeRole answer it passes
on and remembers the role's account for it (calls signed with the portal's own keys log account "-").

Usage: latency_proxy.py <listen port> <moto url> <delay seconds> <log file>
"""
import http.client
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
TARGET = urllib.parse.urlparse(sys.argv[2])
DELAY = float(sys.argv[3])
LOG = open(sys.argv[4], "a", buffering=1)
LOCK = threading.Lock()
SESSIONS = {}
SCOPE = re.compile(r"Credential=([^/]+)/\d{8}/([^/]+)/([^/]+)/")
KEY = re.compile(rb"<AccessKeyId>([^<]+)</AccessKeyId>")
HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "proxy-connection", "upgrade"}
local = threading.local()


def upstream():
    conn = getattr(local, "conn", None)
    if conn is None:
        conn = http.client.HTTPConnection(TARGET.hostname, TARGET.port, timeout=120)
        local.conn = conn
    return conn


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        arrived = time.time()
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        auth = self.headers.get("Authorization") or ""
        m = SCOPE.search(auth)
        key, region, service = (m.group(1), m.group(2), m.group(3)) if m else ("", "-", "-")
        params = {}
        if body and (self.headers.get("Content-Type") or "").startswith("application/x-www-form-urlencoded"):
            params = dict(urllib.parse.parse_qsl(body.decode("utf-8", "replace")))
        action = params.get("Action") or (self.command + " " + self.path.split("?")[0])
        time.sleep(DELAY)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
        headers["Host"] = "%s:%d" % (TARGET.hostname, TARGET.port)
        for attempt in range(2):
            try:
                conn = upstream()
                conn.request(self.command, self.path, body=body, headers=headers)
                answer = conn.getresponse()
                data = answer.read()
                break
            except (http.client.HTTPException, OSError):
                local.conn = None
                if attempt:
                    raise
        if action == "AssumeRole" and answer.status == 200 and "RoleArn" in params:
            k = KEY.search(data)
            if k:
                with LOCK:
                    SESSIONS[k.group(1).decode()] = params["RoleArn"].split(":")[4]
        account = SESSIONS.get(key, "-")
        LOG.write("%.4f %s %s %s %s %d\n" % (arrived, account, region, service, action, answer.status))
        self.send_response(answer.status)
        for k, v in answer.getheaders():
            if k.lower() not in HOP:
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_any


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512


if __name__ == "__main__":
    Server(("127.0.0.1", PORT), Handler).serve_forever()
