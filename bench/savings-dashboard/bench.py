"""Savings dashboard benchmark: GET /api/v1/savings per groupBy and the dashboard page over a year of daily ledger
rows for 10,000 endpoints, against the same aggregate SQL run in PostgreSQL alone, in one run.

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
FLOOR_RUNS = int(os.environ.get("BENCH_FLOOR_RUNS", "50"))
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
analyze savings_ledger_month; analyze savings_ledger_month_group; analyze savings_ledger_year;
"""

# The SQL of savings.internal.LedgerQueries, to time the database alone.
SUMS = """coalesce(sum(bytes) filter (where kind in ('INTERFACE', 'GATEWAY_LOAD_BALANCER', 'GATEWAY')), 0) as bytes,
coalesce(sum(endpoint_cost), 0) as endpoint_cost, coalesce(sum(avoided_nat_cost), 0) as avoided,
coalesce(sum(net_saving), 0) as net, coalesce(sum(nat_cost) filter (where kind = 'NAT'), 0) as nat,
coalesce(sum(nat_cost) filter (where kind = 'MISSED'), 0) as missed"""
PERIOD_GROUPS = """(select month as day, cast(null as varchar) as resource_id, kind, team_id, account_id, region,
service, bytes, endpoint_cost, avoided_nat_cost, net_saving, nat_cost from savings_ledger_month_group
where month between '{mf}' and '{mt}'
union all select day, resource_id, kind, team_id, account_id, region, service, bytes, endpoint_cost,
avoided_nat_cost, net_saving, nat_cost from savings_ledger_day
where day between '{hf}' and '{ht}' or day between '{tf}' and '{tt}') ledger"""
PERIOD = """(select resource_id, kind, team_id, account_id, region, service, bytes, endpoint_cost, avoided_nat_cost,
net_saving, nat_cost from savings_ledger_year where year between '{yf}' and '{yt}'
union all select resource_id, kind, team_id, account_id, region, service, bytes, endpoint_cost, avoided_nat_cost,
net_saving, nat_cost from savings_ledger_month where month between '{bf}' and '{bt}' or month between '{af}' and '{at}'
union all select resource_id, kind, team_id, account_id, region, service, bytes, endpoint_cost, avoided_nat_cost,
net_saving, nat_cost from savings_ledger_day where day between '{hf}' and '{ht}' or day between '{tf}' and '{tt}') ledger"""
DAILY = "savings_ledger_day where day between '{f}' and '{t}'"
NONE = (datetime.date(9999, 1, 2), datetime.date(9999, 1, 1))


def month_start(d):
    return d.replace(day=1)


def next_month(d):
    return (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


class Periods:
    """LedgerQueries.period: the whole years and months the rollups answer and the days around them."""

    def __init__(self, pg_port):
        self.pg_port = pg_port
        self.cache = {}

    def covered_whole(self, start, nxt, f, t):
        if f <= start and t >= nxt - datetime.timedelta(days=1):
            return True
        key = (start, nxt, f, t)
        if key not in self.cache:
            self.cache[key] = psql(self.pg_port, "select coalesce(min(day) >= '%s' and max(day) <= '%s', true) from "
                                   "savings_ledger_day where day >= '%s' and day < '%s'" % (f, t, start, nxt)) == "t"
        return self.cache[key]

    def source(self, f, t):
        first, last = month_start(f), month_start(t)
        fw = self.covered_whole(first, next_month(first), f, t)
        lw = fw if first == last else self.covered_whole(last, next_month(last), f, t)
        if first == last:
            parts = ((first, first), NONE, NONE) if fw else (NONE, (f, t), NONE)
        else:
            mf = first if fw else next_month(first)
            mt = last if lw else (last - datetime.timedelta(days=1)).replace(day=1)
            parts = ((mf, mt), NONE if fw else (f, next_month(first) - datetime.timedelta(days=1)),
                     NONE if lw else (last, t))
        (mf, mt), (hf, ht), (tf, tt) = parts
        years, before, after = NONE, NONE, NONE
        if mf <= mt:  # the whole months as whole years and the months before and after them
            fy, ly = mf.replace(month=1), mt.replace(month=1)
            yf = fy if self.covered_whole(fy, fy.replace(year=fy.year + 1), f, t) else fy.replace(year=fy.year + 1)
            if ly == fy:
                yt = ly if yf == fy else ly.replace(year=ly.year - 1)
            else:
                yt = ly if self.covered_whole(ly, ly.replace(year=ly.year + 1), f, t) else ly.replace(year=ly.year - 1)
            if yf > yt:
                before = (mf, mt)
            else:
                years = (yf, yt)
                before_to = (yf - datetime.timedelta(days=1)).replace(day=1)
                after_from = yt.replace(year=yt.year + 1)
                before = NONE if mf > before_to else (mf, before_to)
                after = NONE if after_from > mt else (after_from, mt)
        (yf, yt), (bf, bt), (af, at) = years, before, after
        return Source(resources=PERIOD.format(yf=yf, yt=yt, bf=bf, bt=bt, af=af, at=at, hf=hf, ht=ht, tf=tf, tt=tt),
                      groups=PERIOD_GROUPS.format(mf=mf, mt=mt, hf=hf, ht=ht, tf=tf, tt=tt))


class Source:
    """A period's derived table over the per-resource rollup, and over the one without resources."""

    def __init__(self, resources, groups):
        self.resources, self.groups = resources, groups


def group_sql(src, group_by):
    order = "key" if group_by == "month" else "net desc, key"
    if isinstance(src, Source):
        src = src.resources if group_by == "endpoint" else src.groups
    return "select %s as key, %s from %s group by 1 order by %s" % (GROUPS[group_by], SUMS, src, order)


def total_sql(src):
    return "select 'total' as key, %s from %s" % (SUMS, src.groups if isinstance(src, Source) else src)


ENDPOINT_KINDS = "('INTERFACE', 'GATEWAY_LOAD_BALANCER', 'GATEWAY')"


def rankings_sql(src, top, below):
    """LedgerQueries.rankings: the top endpoints and those below break-even, ranked on the net saving alone in one pass,
    then the sums of the few ranked."""
    return ("with net as materialized (select resource_id, sum(net_saving) as net from %s where kind in %s group by "
            "resource_id), ranked as (select 1 as list, row_number() over (order by net desc, resource_id) as rank, "
            "resource_id from (select * from net order by net desc, resource_id limit %d) t union all select 2, "
            "row_number() over (order by net asc, resource_id), resource_id from (select * from net where net < 0 "
            "order by net asc, resource_id limit %d) b) select r.list, r.rank, ledger.resource_id || ' · ' || "
            "max(ledger.service) || ' · ' || max(ledger.team_id) as key, %s from ranked r join %s on "
            "ledger.resource_id = r.resource_id where ledger.kind in %s group by r.list, r.rank, ledger.resource_id "
            "order by 1, 2" % (src.resources, ENDPOINT_KINDS, top, below, SUMS, src.resources, ENDPOINT_KINDS))


def groupings_sql(src, group_bys):
    """LedgerQueries.groupings: several groupings of one period in one pass (grouping sets)."""
    columns = [GROUPS[g] for g in group_bys]
    which = "case" + "".join(" when grouping(%s) = 0 then %d" % (c, i) for i, c in enumerate(columns)) + " end"
    return "select %s as grouping, coalesce(%s) as key, %s from %s group by grouping sets ((%s)) order by 1, net desc, key" % (
        which, ", ".join(columns), SUMS, src.groups, "), (".join(columns))


def nat_sql(src, kind, limit):
    src = src.resources if isinstance(src, Source) else src
    where = " and " if src.startswith("savings_ledger_day") else " where "
    return ("select resource_id || ' · ' || max(account_id) || ' · ' || max(region) as key, %s, sum(bytes) as "
            "all_bytes from %s%skind = '%s' group by resource_id order by sum(nat_cost) desc, resource_id limit %d" % (
                SUMS, src, where, kind, limit))


def api_statements(src, group_by):
    return [group_sql(src, group_by), total_sql(src)]


def page_statements(source, today, first_day, f, t):
    """SavingsController.dashboard's aggregates, in its order."""
    rng = source(f, t)
    return [total_sql(source(today.replace(day=1), today)), total_sql(source(today.replace(day=1, month=1), today)),
            total_sql(source(first_day, today)),
            group_sql(source(months_back(today, 11), today), "month"),
            groupings_sql(rng, ["team", "account", "service"]),
            rankings_sql(rng, 10, 20), nat_sql(rng, "MISSED", 20),
            nat_sql(rng, "NAT", 20)]


def months_back(today, n):
    d = today.replace(day=1)
    for _ in range(n):
        d = (d - datetime.timedelta(days=1)).replace(day=1)
    return d


def explain_times(pg_port, statements):
    """Execution time (ms) of each statement under EXPLAIN ANALYZE, in one psql session."""
    script = "\n".join("explain (analyze, timing off) %s;" % s for s in statements)
    out = psql(pg_port, script)
    times = [float(m) for m in re.findall(r"Execution Time: ([\d.]+) ms", out)]
    if len(times) != len(statements):
        raise SystemExit("expected %d plans, got %d" % (len(statements), len(times)))
    return times


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


def main():
    jar = [j for j in sorted(glob.glob(os.path.join(ROOT, "target", "vpc-endpoint-portal-*.jar")))
           if not j.endswith("-plain.jar")]
    if not jar:
        raise SystemExit("no portal jar in target/: run ./mvnw -DskipTests package")
    work = tempfile.mkdtemp(prefix="savings-bench-")
    app_port, pg_port = free_port(), free_port()
    try:
        log("portal on %d, PostgreSQL on %d, work dir %s, load %s" % (app_port, pg_port, work, load()))
        portal_jar = os.path.join(work, "portal.jar")  # a copy: a rebuild of target/ cannot pull it from under the JVM
        shutil.copy(jar[-1], portal_jar)
        started.append(subprocess.Popen(
            ["java", "-Xmx768m", "-jar", portal_jar, "--server.port=%d" % app_port, "--spring.profiles.active=demo",
             "--portal.aws.mode=plan", "--portal.embedded-db.dir=" + os.path.join(work, "pg"),
             "--portal.embedded-db.port=%d" % pg_port, "--portal.inventory.scheduled=false"],
            stdout=open(os.path.join(work, "portal.log"), "w"), stderr=subprocess.STDOUT, cwd=work))
        try:
            wait_http("http://127.0.0.1:%d/actuator/health" % app_port, 600)
        except SystemExit:
            print(open(os.path.join(work, "portal.log")).read()[-3000:], file=sys.stderr)
            raise
        today = datetime.date.today()
        last = today - datetime.timedelta(days=1)
        first = last - datetime.timedelta(days=DAYS - 1)
        t = time.perf_counter()
        psql(pg_port, SEED_SQL % {"endpoints": ENDPOINTS, "days": DAYS, "first": first, "last": last, "nats": NATS,
                                  "missed": MISSED_VPCS})
        rows = int(psql(pg_port, "select count(*) from savings_ledger_day"))
        rollup = int(psql(pg_port, "select count(*) from savings_ledger_month"))
        log("seeded %d ledger rows (%d endpoints, %d NAT gateways, %d VPCs with missed savings x %d days, %s to %s; "
            "with the demo's rows) in %.1f s; %d monthly rollup rows" % (
                rows, ENDPOINTS, NATS, MISSED_VPCS, DAYS, first, last, time.perf_counter() - t, rollup))
        first_day = datetime.date.fromisoformat(psql(pg_port, "select min(day) from savings_ledger_day"))

        # typical periods: the default (this year so far), last month, the last 30 days, the last 12 months
        prev_month_end = today.replace(day=1) - datetime.timedelta(days=1)
        ranges = [None, (prev_month_end.replace(day=1), prev_month_end), (today - datetime.timedelta(days=30), today),
                  (months_back(today, 11), today)]

        def query(r):
            return "" if r is None else "from=%s&to=%s" % r

        token = json.loads(urllib.request.urlopen(urllib.request.Request(
            "http://127.0.0.1:%d/api/v1/tokens" % app_port, data=json.dumps({"name": "bench"}).encode(),
            headers={"Content-Type": "application/json", "Authorization": "Basic YWRtaW46ZGVtbw=="}),
            timeout=60).read())["token"]
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
        results = {}
        load_before = load()
        for name, call in kinds:
            for i in range(WARM_UP):
                call(ranges[i % len(ranges)])
            times = []
            for i in range(TIMED):
                t = time.perf_counter()
                call(ranges[i % len(ranges)])
                times.append((time.perf_counter() - t) * 1000)
            results[name] = times
            log("%-18s %d requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms (load %s)" % (
                name, len(times), percentile(times, 50), percentile(times, 95), max(times), load()))
        load_after = load()

        periods = Periods(pg_port)

        def src(r):
            f, t = (today.replace(month=1, day=1), today) if r is None else r
            return periods.source(f, t)

        floors = {}
        for name, _ in kinds:
            statements, per_request = [], 0
            for i in range(FLOOR_RUNS):
                r = ranges[i % len(ranges)]
                if name.startswith("page"):
                    f, t = (today.replace(month=1, day=1), today) if r is None else r
                    batch = page_statements(periods.source, today, first_day, f, t)
                else:
                    batch = api_statements(src(r), name.split("=")[1])
                per_request = len(batch)
                statements += batch
            ms = explain_times(pg_port, statements)
            floors[name] = [sum(ms[i:i + per_request]) for i in range(0, len(ms), per_request)]
            log("%-18s SQL alone (%d aggregate statements a request, EXPLAIN ANALYZE): p50 %.1f ms, p95 %.1f ms" % (
                name, per_request, percentile(floors[name], 50), percentile(floors[name], 95)))
        # what the same figures cost over the daily rows alone (the SQL before the monthly rollup, V75)
        ytd = DAILY.format(f=today.replace(month=1, day=1), t=today)
        daily = explain_times(pg_port, [group_sql(ytd, "team"), group_sql(ytd, "endpoint"), total_sql(ytd)] * 3)
        log("without the rollup, this year over the daily rows: groupBy=team %.0f ms, groupBy=endpoint %.0f ms, "
            "total %.0f ms (slowest of 3 each)" % (max(daily[0::3]), max(daily[1::3]), max(daily[2::3])))

        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
        print("\n| kind | HTTP p50 ms | HTTP p95 ms | HTTP max ms | SQL alone p95 ms | ratio p95 HTTP ÷ SQL |")
        print("|---|---|---|---|---|---|")
        for name, _ in kinds:
            h, s = results[name], floors[name]
            print("| %s | %.0f | %.0f | %.0f | %.1f | %.1f |" % (name, percentile(h, 50), percentile(h, 95), max(h),
                                                                 percentile(s, 95), percentile(h, 95) / percentile(s, 95)))
        api_p95 = max(percentile(results[n], 95) for n, _ in kinds[:-1])
        api_sql = max(percentile(floors[n], 95) for n, _ in kinds[:-1])
        page = results[kinds[-1][0]]
        page_sql = floors[kinds[-1][0]]
        print("\n| date | machine | ledger rows | rollup rows | API p95 (slowest groupBy) | its SQL p95 | page p95 | "
              "page SQL p95 | ratio page p95 ÷ SQL | daily-rows SQL, groupBy=endpoint this year |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        print("| %s | %d × %s, load %s-%s | %d | %d | %.0f ms | %.1f ms | %.0f ms | %.1f ms | %.1f | %.0f ms |" % (
            time.strftime("%Y-%m-%d %H:%M"), os.cpu_count(), cpu, load_before, load_after, rows, rollup, api_p95,
            api_sql, percentile(page, 95), percentile(page_sql, 95), percentile(page, 95) / percentile(page_sql, 95),
            max(daily[1::3])))
    finally:
        for p in reversed(started):
            p.terminate()
            try:
                p.wait(60)
            except subprocess.TimeoutExpired:
                p.kill()
        if os.environ.get("BENCH_KEEP") != "1":
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
