"""Savings dashboard benchmark: GET /api/v1/savings per groupBy and the dashboard page over a year of daily ledger
rows for 10,000 endpoints, with the portal's clock set in turn to several days of a month (libfaketime), in one run.

Run through run.sh. Prints one line per figure, a per-kind table and a Markdown row for bench/README.md.
"""
import datetime
import glob
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ENDPOINTS = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
DAYS = int(sys.argv[2]) if len(sys.argv) > 2 else 365
WARM_UP = int(os.environ.get("BENCH_WARM_UP", "20"))
TIMED = int(os.environ.get("BENCH_TIMED", "200"))
NATS, MISSED_VPCS = 200, 100
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GROUPS = {"team": "team_id", "account": "account_id", "region": "region", "service": "service",
          "month": "to_char(day, 'YYYY-MM')", "endpoint": "resource_id"}
started = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def load():
    return open("/proc/loadavg").read().split()[0]


def wait_http(url, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except Exception:
            time.sleep(0.5)
    raise SystemExit("not up: " + url)


def psql(pg_port, sql):
    r = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-d", "postgres",
                        "-v", "ON_ERROR_STOP=1", "-qAt"], input=sql, capture_output=True, text=True,
                       env=dict(os.environ, PGPASSWORD="postgres"))
    if r.returncode != 0:
        raise SystemExit("psql failed: " + r.stderr[-2000:])
    return r.stdout.strip()


# 10,000 endpoints in 40 accounts of 20 teams (two accounts each), 4 regions, 10 services (s3 and dynamodb gateway
# endpoints, 8 interface services with 2-3 ENIs); 0-50 GB a day each; plus NAT gateways (bytes still through NAT) and
# VPCs sending S3 traffic through NAT (missed savings). Priced like the shipped us-east-1 figures: NAT $0.045/GB,
# interface endpoint $0.01 per ENI-hour and $0.01/GB.
SEED_SQL = """
insert into savings_ledger_day (day, resource_id, kind, team_id, account_id, region, vpc_id, service, enis, bytes,
                                endpoint_cost, avoided_nat_cost, net_saving, nat_cost)
select day, id, kind, team, account, region, vpc, 'com.amazonaws.' || region || '.' || svc, enis, bytes,
       cost, avoided, avoided - cost, 0
from (select d.day, 'vpce-s' || lpad(to_hex(e), 16, '0') as id,
             case when (e / 7) %% 10 < 2 then 'GATEWAY' else 'INTERFACE' end as kind,
             'team-' || lpad((e %% 40 %% 20)::text, 2, '0') as team, '9' || lpad((e %% 40)::text, 11, '0') as account,
             (array['us-east-1','eu-west-1','eu-central-1','ap-southeast-1'])[1 + (e / 40) %% 4] as region,
             'vpc-s' || lpad(to_hex(e %% 2000), 16, '0') as vpc,
             (array['s3','dynamodb','ssm','logs','ecr.api','ecr.dkr','sts','kms','secretsmanager',
                    'execute-api'])[1 + (e / 7) %% 10] as svc,
             case when (e / 7) %% 10 < 2 then 0 else 2 + e %% 2 end as enis,
             ((e * 37 + d.i * 11) %% 100) * (1 + e %% 5) / 10.0 as gb
      from generate_series(0, %(endpoints)d - 1) e
      cross join (select i, date '%(first)s' + i as day from generate_series(0, %(days)d - 1) i) d) s
cross join lateral (select (gb * 1073741824)::bigint as bytes,
                           case when kind = 'GATEWAY' then 0 else enis * 24 * 0.01 + gb * 0.01 end as cost,
                           gb * 0.045 as avoided) p;
insert into savings_ledger_day (day, resource_id, kind, team_id, account_id, region, vpc_id, service, enis, bytes,
                                endpoint_cost, avoided_nat_cost, net_saving, nat_cost)
select d.day, r.id, r.kind, 'team-' || lpad((r.n %% 20)::text, 2, '0'), '9' || lpad((r.n %% 40)::text, 11, '0'),
       r.region, 'vpc-s' || lpad(to_hex(r.n), 16, '0'), r.service, 0,
       ((r.n * 13 + d.i * 7) %% 100 + 1)::bigint * 1073741824, 0, 0, 0,
       ((r.n * 13 + d.i * 7) %% 100 + 1) * 0.045
from (select n, 'nat-s' || lpad(to_hex(n), 16, '0') as id, 'NAT' as kind,
             (array['us-east-1','eu-west-1','eu-central-1','ap-southeast-1'])[1 + n %% 4] as region,
             'NAT gateway' as service from generate_series(0, %(nats)d - 1) n
      union all
      select n, 'vpc-s' || lpad(to_hex(n), 16, '0'), 'MISSED',
             (array['us-east-1','eu-west-1','eu-central-1','ap-southeast-1'])[1 + n %% 4],
             'com.amazonaws.' || (array['us-east-1','eu-west-1','eu-central-1','ap-southeast-1'])[1 + n %% 4] || '.s3'
      from generate_series(0, %(missed)d - 1) n) r
cross join (select i, date '%(first)s' + i as day from generate_series(0, %(days)d - 1) i) d;
analyze savings_ledger_day;
-- the monthly rollup, through the function the portal's ledger writer calls after each write
select count(savings_ledger_month_refresh(m::date, null))
from generate_series(date_trunc('month', date '%(first)s'), date_trunc('month', date '%(last)s'), interval '1 month') m;
analyze;
"""

def months_back(today, n):
    d = today.replace(day=1)
    for _ in range(n):
        d = (d - datetime.timedelta(days=1)).replace(day=1)
    return d


def simulated_days():
    """The days the portal's clock is set to in turn: BENCH_TODAYS (comma-separated ISO days), or the 1st, the 15th
    and the last day of last month (all in the seeded ledger, which ends yesterday)."""
    given = os.environ.get("BENCH_TODAYS")
    if given:
        return [datetime.date.fromisoformat(d.strip()) for d in given.split(",")]
    last = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
    return [last.replace(day=1), last.replace(day=15), last]


def faketime_library():
    found = glob.glob("/usr/lib/*/faketime/libfaketime.so.1") + glob.glob("/usr/lib/faketime/libfaketime.so.1")
    if not found:
        raise SystemExit("libfaketime missing (it sets the portal's clock to the simulated day): "
                         "apt-get install -y faketime")
    return found[0]


def start_portal(portal_jar, work, app_port, pg_port, today):
    """Starts the portal with its clock (and its embedded PostgreSQL's) at noon UTC of `today`; the clock runs
    on from there. The data directory is kept between starts."""
    env = dict(os.environ, LD_PRELOAD=faketime_library(), FAKETIME="@%s 12:00:00" % today, TZ="UTC")
    started.append(subprocess.Popen(
        ["java", "-Xmx768m", "-jar", portal_jar, "--server.port=%d" % app_port, "--spring.profiles.active=demo",
         "--portal.aws.mode=plan", "--portal.embedded-db.dir=" + os.path.join(work, "pg"),
         "--portal.embedded-db.port=%d" % pg_port, "--portal.inventory.scheduled=false"],
        stdout=open(os.path.join(work, "portal-%s.log" % today), "w"), stderr=subprocess.STDOUT, cwd=work, env=env))
    try:
        # BENCH_START_TIMEOUT: seconds to wait for health (a first start on a reused directory runs new migrations)
        wait_http("http://127.0.0.1:%d/actuator/health" % app_port, int(os.environ.get("BENCH_START_TIMEOUT", "600")))
    except SystemExit:
        print(open(os.path.join(work, "portal-%s.log" % today)).read()[-3000:], file=sys.stderr)
        raise


def stop_portal():
    p = started.pop()
    p.terminate()
    try:
        p.wait(120)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1)]


class Browser:
    """A signed-in browser session over one kept-alive connection: form login with the CSRF token, a cookie jar."""

    def __init__(self, port, user, password):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies = {}
        page = self.get("/login")[1].decode()
        csrf = re.search(r'name="_csrf"\s+value="([^"]+)"', page) or re.search(r'value="([^"]+)"\s+name="_csrf"', page)
        status, _ = self.request("POST", "/login", urllib.parse.urlencode(
            {"username": user, "password": password, "_csrf": csrf.group(1)}),
            {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 302 or "/login?error" in self.location:
            raise SystemExit("form login failed: %d %s" % (status, self.location))

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        try:
            self.conn.request(method, path, body=body, headers=h)
            r = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionError):  # the server closed an idle kept-alive connection
            self.conn.close()
            self.conn.request(method, path, body=body, headers=h)
            r = self.conn.getresponse()
        data = r.read()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, value = v.split(";", 1)[0].split("=", 1)
                self.cookies[name] = value
        self.location = r.getheader("Location") or ""
        return r.status, data

    def get(self, path):
        return self.request("GET", path)


def time_day(app_port, today, results, by_day, before_each=lambda: None):
    """Times every kind of request with the portal's clock on `today`; adds the times to results and by_day.
    `before_each` runs before every request, outside its time."""
    log("as if on %s (the portal's clock; the ledger goes on after it, so the periods ending that day read their "
        "last month in part)" % today)
    # typical periods: the default (this year so far), last month, the last 30 days, the last 12 months
    prev_month_end = today.replace(day=1) - datetime.timedelta(days=1)
    ranges = [None, (prev_month_end.replace(day=1), prev_month_end), (today - datetime.timedelta(days=30), today),
              (months_back(today, 11), today)]

    def query(r):
        return "" if r is None else "from=%s&to=%s" % r

    basic = {"Content-Type": "application/json", "Authorization": "Basic YWRtaW46ZGVtbw=="}
    token = json.loads(urllib.request.urlopen(urllib.request.Request(
        "http://127.0.0.1:%d/api/v1/tokens" % app_port, data=json.dumps({"name": "bench"}).encode(),
        headers=basic), timeout=60).read())["token"]
    api = http.client.HTTPConnection("127.0.0.1", app_port, timeout=120)
    browser = Browser(app_port, "admin", "demo")

    def api_call(group_by, r):
        q = "groupBy=%s%s" % (group_by, "" if r is None else "&" + query(r))
        try:
            api.request("GET", "/api/v1/savings?" + q, headers={"Authorization": "Bearer " + token})
            resp = api.getresponse()
        except (http.client.RemoteDisconnected, ConnectionError):
            api.close()
            api.request("GET", "/api/v1/savings?" + q, headers={"Authorization": "Bearer " + token})
            resp = api.getresponse()
        body = resp.read()
        if resp.status != 200:
            raise SystemExit("savings %s -> %d %s" % (q, resp.status, body[:300]))

    def page_call(r):
        status, body = browser.get("/savings" + ("" if r is None else "?" + query(r)))
        if status != 200 or b'name="password"' in body:
            raise SystemExit("/savings -> %d" % status)

    kinds = [("groupBy=" + g, (lambda g: lambda r: api_call(g, r))(g)) for g in GROUPS] + [("page /savings", page_call)]
    for name, call in kinds:
        for i in range(WARM_UP):
            before_each()
            call(ranges[i % len(ranges)])
        times = []
        for i in range(TIMED):
            before_each()
            t = time.perf_counter()
            call(ranges[i % len(ranges)])
            times.append((time.perf_counter() - t) * 1000)
        results.setdefault(name, []).extend(times)
        by_day[(name, today)] = times
        log("%s %-18s %d requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms (load %s)" % (
            today, name, len(times), percentile(times, 50), percentile(times, 95), max(times), load()))
    return kinds


def main():
    # BENCH_JAR: a copy of a jar to measure (another commit's, for a before/after in one sitting)
    jar = [os.environ["BENCH_JAR"]] if os.environ.get("BENCH_JAR") else \
        [j for j in sorted(glob.glob(os.path.join(ROOT, "target", "vpc-endpoint-portal-*.jar")))
         if not j.endswith("-plain.jar")]
    if not jar:
        raise SystemExit("no portal jar in target/: run ./mvnw -DskipTests package")
    # BENCH_WORK: a work directory kept between runs; its seeded data directory is reused (no second seed), and a
    # newer portal jar migrates it at start (the way an upgrade meets an existing database)
    reuse = os.environ.get("BENCH_WORK")
    if reuse:
        os.makedirs(reuse, exist_ok=True)
    work = reuse or tempfile.mkdtemp(prefix="savings-bench-")
    seeded = os.path.join(work, "seeded")
    app_port, pg_port = free_port(), free_port()
    try:
        log("portal on %d, PostgreSQL on %d, work dir %s, load %s" % (app_port, pg_port, work, load()))
        portal_jar = os.path.join(work, "portal.jar")  # a copy: a rebuild of target/ cannot pull it from under the JVM
        shutil.copy(jar[-1], portal_jar)
        todays = simulated_days()
        start_portal(portal_jar, work, app_port, pg_port, todays[0])
        real_today = datetime.date.today()
        last = real_today - datetime.timedelta(days=1)
        first = last - datetime.timedelta(days=DAYS - 1)
        t = time.perf_counter()
        if os.path.exists(seeded):
            log("reusing the seeded data directory of %s (seeded through %s)" % (work, open(seeded).read().strip()))
            last = datetime.date.fromisoformat(open(seeded).read().strip())
            first = last - datetime.timedelta(days=DAYS - 1)
        else:
            psql(pg_port, SEED_SQL % {"endpoints": ENDPOINTS, "days": DAYS, "first": first, "last": last,
                                      "nats": NATS, "missed": MISSED_VPCS})
            with open(seeded, "w") as f:
                f.write(str(last))
        rows = int(psql(pg_port, "select count(*) from savings_ledger_day"))
        rollup = int(psql(pg_port, "select count(*) from savings_ledger_month"))
        log("seeded %d ledger rows (%d endpoints, %d NAT gateways, %d VPCs with missed savings x %d days, %s to %s; "
            "with the demo's rows) in %.1f s; %d monthly rollup rows" % (
                rows, ENDPOINTS, NATS, MISSED_VPCS, DAYS, first, last, time.perf_counter() - t, rollup))

        results, by_day = {}, {}
        load_before = load()
        for n, today in enumerate(todays):
            if n > 0:
                stop_portal()
                start_portal(portal_jar, work, app_port, pg_port, today)
            # BENCH_COLD=1: the ledger's version moves before every request (as a ledger write would), so no answer
            # comes from the portal's per-instance cache of ledger reads: the first view after a collection
            cold = (lambda: psql(pg_port, "update reference_version set version = version + 1 where name = 'savings'")) \
                if os.environ.get("BENCH_COLD") == "1" else (lambda: None)
            # the bench tokens of earlier days and runs are revoked first: a user has a bounded number of active ones
            psql(pg_port, "update api_token set revoked_at = now() where name = 'bench' and revoked_at is null")
            kinds = time_day(app_port, today, results, by_day, cold)
        load_after = load()

        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
        print("\n| kind | HTTP p50 ms | HTTP p95 ms | HTTP max ms | p95 ms as if on %s |" % " / ".join(
            str(d) for d in todays))
        print("|---|---|---|---|---|")
        for name, _ in kinds:
            h = results[name]
            print("| %s | %.0f | %.0f | %.0f | %s |" % (name, percentile(h, 50), percentile(h, 95), max(h), " / ".join(
                "%.0f" % percentile(by_day[(name, d)], 95) for d in todays)))
        api_p95 = max(percentile(results[n], 95) for n, _ in kinds[:-1])
        page = results[kinds[-1][0]]
        print("\n| date | machine | ledger rows | month rollup rows | days simulated | API p95 (slowest groupBy) | "
              "page p95 |")
        print("|---|---|---|---|---|---|---|")
        print("| %s | %d × %s, load %s-%s | %d | %d | %s | %.0f ms | %.0f ms |" % (
            time.strftime("%Y-%m-%d %H:%M"), os.cpu_count(), cpu, load_before, load_after, rows, rollup,
            ", ".join(str(d) for d in todays), api_p95, percentile(page, 95)))
    finally:
        for p in reversed(started):
            p.terminate()
            try:
                p.wait(60)
            except subprocess.TimeoutExpired:
                p.kill()
        if os.environ.get("BENCH_KEEP") != "1" and not reuse:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    code = 0
    try:
        main()
    except SystemExit as e:
        if e.code not in (None, 0):
            print(e.code if isinstance(e.code, str) else "failed", file=sys.stderr)
            code = 1
    except BaseException:
        import traceback
        traceback.print_exc()
        code = 1
    sys.exit(code)
