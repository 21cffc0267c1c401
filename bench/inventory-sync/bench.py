"""Inventory benchmark: portal full sync vs. the AWS CLI against moto, and the list API's latency.

Run through run.sh. Prints one line per figure and a Markdown row for bench/README.md.
"""
import base64
import concurrent.futures
import glob
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import boto3

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
LIST_ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
ACCOUNTS = ["710000000001", "710000000002"]
REGIONS = ["eu-west-1", "us-east-1"]
VPCS_PER_TARGET = 20
LIST_REQUESTS = 200
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CREDS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
started = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load():
    return open("/proc/loadavg").read().split()[0]


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def wait_http(url, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except Exception:
            time.sleep(0.5)
    raise SystemExit("not up: " + url)


def role(account):
    return "arn:aws:iam::%s:role/vpc-endpoint-portal" % account


def seed_target(account, region, count):
    """Straight into moto's EC2 backend of the in-process server: no HTTP round trip per endpoint (moto's API
    answers a CreateVpcEndpoint in 100-300 ms on a loaded machine, which would make seeding 10,000 take an hour)."""
    from moto.ec2.models import ec2_backends
    backend = ec2_backends[account][region]
    vpcs = [backend.create_vpc(cidr_block="10.%d.0.0/16" % i).id for i in range(VPCS_PER_TARGET)]
    services = [("Gateway", "s3"), ("Gateway", "dynamodb"), ("Interface", "ssm"), ("Interface", "logs"),
                ("Interface", "ecr.api")]
    for i in range(count):
        kind, service = services[i % len(services)]
        backend.create_vpc_endpoint(vpc_id=vpcs[i % len(vpcs)], service_name="com.amazonaws.%s.%s" % (region, service),
                                    endpoint_type=kind, policy_document=None, route_table_ids=[], subnet_ids=[],
                                    security_group_ids=[], tags={"bench": str(i)}, private_dns_enabled=False)
    return count


EC2_PAGE = 1000


def paginate_describe_vpc_endpoints():
    """Makes the in-process moto answer DescribeVpcEndpoints in pages like EC2 does: at most MaxResults endpoints
    (5 to 1,000; 1,000 when the caller gives none) and a NextToken for the rest. moto 5 ignores both and renders
    every endpoint of the account and region in one response, which for 2,500 endpoints takes longer than the SDK's
    read timeout on a loaded machine. An emulation of documented EC2 behaviour in the harness only: both the portal
    and the AWS CLI (which follows NextToken by itself) read the same pages."""
    from moto.core.responses import ActionResult
    from moto.ec2.responses.vpcs import VPCs

    def describe_vpc_endpoints(self):
        ids = self._get_param("VpcEndpointIds", [])
        endpoints = self.ec2_backend.describe_vpc_endpoints(vpc_end_point_ids=ids,
                                                            filters=self._filters_from_querystring())
        endpoints = sorted(endpoints, key=lambda e: e.id)  # a stable order across the pages of one listing
        size = max(5, min(EC2_PAGE, self._get_int_param("MaxResults", EC2_PAGE)))
        start = int(self._get_param("NextToken") or 0)
        result = {"VpcEndpoints": endpoints[start:start + size]}
        if start + size < len(endpoints):
            result["NextToken"] = str(start + size)
        pages_served.append(len(result["VpcEndpoints"]))
        return ActionResult(result)

    VPCs.describe_vpc_endpoints = describe_vpc_endpoints


pages_served = []


def api(port, method, path, token=None, body=None, basic=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    if basic:
        headers["Authorization"] = "Basic " + base64.b64encode(basic.encode()).decode()
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    if r.status >= 300:
        raise SystemExit("%s %s -> %d %s" % (method, path, r.status, data[:500]))
    return json.loads(data) if data else None


def cli(moto, account, region):
    env = dict(os.environ, **CREDS, AWS_DEFAULT_REGION=region)
    out = subprocess.run(["aws", "--endpoint-url", moto, "sts", "assume-role", "--role-arn", role(account),
                          "--role-session-name", "bench", "--external-id", "ext-" + account, "--query",
                          "Credentials.[AccessKeyId,SecretAccessKey,SessionToken]", "--output", "text"],
                         env=env, check=True, capture_output=True, text=True).stdout.split()
    env.update(AWS_ACCESS_KEY_ID=out[0], AWS_SECRET_ACCESS_KEY=out[1], AWS_SESSION_TOKEN=out[2])
    t = time.perf_counter()
    count = subprocess.run(["aws", "--endpoint-url", moto, "ec2", "describe-vpc-endpoints", "--query",
                            "length(VpcEndpoints)", "--output", "text"], env=env, check=True, capture_output=True,
                           text=True).stdout.strip()
    # the CLI follows NextToken itself and applies --query to each page: one count per page
    return sum(int(n) for n in count.split()), time.perf_counter() - t


def psql(pg_port, sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-d", "postgres",
                           "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], check=True, capture_output=True,
                          text=True).stdout.strip()


SEED_SQL = """
insert into inventory_endpoint (vpc_endpoint_id, account_id, region, vpc_id, service_name, endpoint_type, state,
    private_dns, policy, route_table_ids, subnet_ids, security_group_ids, network_interface_ids, dns_entries, tags,
    content_hash, request_id, request_position, drift, drift_summary, gone_at, first_seen_at, updated_at)
select 'vpce-b' || lpad(to_hex(g), 16, '0'),
       '8' || lpad((g %% 40)::text, 11, '0'),
       (array['eu-west-1','us-east-1','eu-central-1','ap-southeast-2'])[1 + g %% 4],
       'vpc-b' || lpad(to_hex(g %% 2000), 16, '0'),
       'com.amazonaws.eu-west-1.' || (array['s3','dynamodb','ssm','logs','ecr.api','ecr.dkr','sts','kms',
           'secretsmanager','execute-api'])[1 + (g / 7) %% 10],
       case when (g / 7) %% 10 < 2 then 'Gateway' else 'Interface' end,
       case when g %% 97 = 0 then 'pending' when g %% 89 = 0 then 'deleted' else 'available' end,
       (g / 7) %% 10 >= 2, null, '{}', '{}', '{}', '{}', '[]', '{}', md5(g::text),
       case when g %% 5 = 0 then md5(g::text)::uuid end, case when g %% 5 = 0 then 0 end,
       g %% 50 = 0, case when g %% 50 = 0 then 'policy' end,
       case when g %% 89 = 0 then now() end,
       now() - make_interval(secs => g), now() - make_interval(secs => g)
from generate_series(1, %d) g
on conflict do nothing;
analyze inventory_endpoint;
"""


def list_queries(rows_accounts, vpcs):
    """Varied filters the pages and the API see, each with the default sort or another one."""
    qs = []
    rnd = random.Random(42)
    for i in range(LIST_REQUESTS):
        k = i % 10
        if k == 0:
            q = "limit=50"
        elif k == 1:
            q = "account=%s&limit=50" % rnd.choice(rows_accounts)
        elif k == 2:
            q = "account=%s&region=eu-west-1&limit=50" % rnd.choice(rows_accounts)
        elif k == 3:
            q = "vpc=%s&limit=50" % rnd.choice(vpcs)
        elif k == 4:
            q = "service=com.amazonaws.eu-west-1.%s&limit=50" % rnd.choice(["s3", "kms", "sts", "ssm"])
        elif k == 5:
            q = "drift=true&limit=50"
        elif k == 6:
            q = "managed=false&type=Gateway&limit=50"
        elif k == 7:
            q = "sort=updated&direction=desc&limit=50"
        elif k == 8:
            q = "state=pending&limit=50"
        else:
            q = "managed=true&sort=service&limit=100"
        qs.append(q)
    return qs


COLUMNS = ("vpc_endpoint_id, account_id, region, vpc_id, service_name, endpoint_type, state, request_id, drift, "
           "drift_summary, stale, gone_at, updated_at")


def list_sql(query):
    """The SQL InventoryQueries sends for one list request of an admin (first page), to time it in PostgreSQL."""
    params = dict(p.split("=", 1) for p in query.split("&"))
    where = []
    for name, column in (("account", "account_id"), ("region", "region"), ("vpc", "vpc_id"),
                         ("service", "service_name"), ("type", "endpoint_type"), ("state", "state")):
        if name in params:
            where.append("%s = '%s'" % (column, params[name]))
    if "managed" in params:
        where.append("request_id is %snull" % ("not " if params["managed"] == "true" else ""))
    if "drift" in params:
        where.append("drift" if params["drift"] == "true" else "not drift")
    where.append("gone_at is null")
    column = {"service": "service_name", "updated": "updated_at"}.get(params.get("sort"), "vpc_endpoint_id")
    direction = " desc" if params.get("direction") == "desc" else " asc"
    order = ("" if column == "vpc_endpoint_id" else column + direction + ", ") + "vpc_endpoint_id" + direction
    return "select %s from inventory_endpoint where %s order by %s limit %d" % (
        COLUMNS, " and ".join(where), order, int(params.get("limit", 50)) + 1)


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1)]


def main():
    jar = sorted(glob.glob(os.path.join(ROOT, "target", "vpc-endpoint-portal-*.jar")))
    jar = [j for j in jar if not j.endswith("-plain.jar")]
    if not jar:
        raise SystemExit("no portal jar in target/: run ./mvnw -DskipTests package")
    work = tempfile.mkdtemp(prefix="inventory-bench-")
    moto_port, app_port, pg_port = free_port(), free_port(), free_port()
    moto = "http://127.0.0.1:%d" % moto_port
    try:
        log("moto on %d, portal on %d, PostgreSQL on %d, work dir %s" % (moto_port, app_port, pg_port, work))
        import logging
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        from moto.server import ThreadedMotoServer
        paginate_describe_vpc_endpoints()
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
        server.start()
        started.append(server)
        wait_http(moto + "/moto-api/", 60)

        per_target = [N // 4 + (1 if i < N % 4 else 0) for i in range(4)]
        targets = [(a, r) for a in ACCOUNTS for r in REGIONS]
        t = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            seeded = sum(pool.map(lambda x: seed_target(x[0][0], x[0][1], x[1]), zip(targets, per_target)))
        log("seeded %d endpoints in %d VPCs into the moto server's EC2 backends in %.1f s" % (seeded, 4 * VPCS_PER_TARGET,
                                                                             time.perf_counter() - t))

        env = dict(os.environ, **CREDS)
        # a copy: a build that repackages target/ while the benchmark runs must not pull the jar from under the JVM
        portal_jar = os.path.join(work, "portal.jar")
        shutil.copy(jar[-1], portal_jar)
        started.append(subprocess.Popen(
            ["java", "-Xmx768m", "-jar", portal_jar, "--server.port=%d" % app_port, "--spring.profiles.active=demo",
             "--portal.embedded-db.dir=" + os.path.join(work, "pg"), "--portal.embedded-db.port=%d" % pg_port,
             "--portal.aws.endpoint=" + moto, "--portal.inventory.scheduled=false"],
            env=env, stdout=open(os.path.join(work, "portal.log"), "w"), stderr=subprocess.STDOUT, cwd=work))
        try:
            wait_http("http://127.0.0.1:%d/actuator/health" % app_port, 600)
        except SystemExit:
            print(open(os.path.join(work, "portal.log")).read()[-3000:], file=sys.stderr)
            raise
        token = api(app_port, "POST", "/api/v1/tokens", basic="admin:demo", body={"name": "bench"})["token"]
        # the demo sandbox account keeps one (empty) region: the sync is about the two seeded accounts
        sandbox = api(app_port, "GET", "/api/v1/accounts/111111111111", token)
        if sandbox:
            api(app_port, "PUT", "/api/v1/accounts/111111111111", token, {
                "name": sandbox["name"], "roleArn": sandbox.get("roleArn"), "externalId": sandbox.get("externalId"),
                "environment": sandbox["environment"],
                "regions": ["eu-west-3"], "teams": sandbox["teams"]})
        for a in ACCOUNTS:
            api(app_port, "POST", "/api/v1/accounts", token, {
                "id": a, "name": "bench " + a, "roleArn": role(a), "externalId": "ext-" + a,
                "environment": "NON_PRODUCTION", "regions": REGIONS, "teams": ["payments"]})

        sync_load = load()
        t = time.perf_counter()
        del pages_served[:]
        run = api(app_port, "POST", "/api/v1/sync", token)
        while True:
            runs = api(app_port, "GET", "/api/v1/sync/runs?limit=5", token)
            run = next(r for r in runs if r["id"] == run["id"])
            if run["status"] != "RUNNING":
                break
            time.sleep(0.2)
        portal_s = time.perf_counter() - t
        ours = [x for x in run["targets"] if x["accountId"] in ACCOUNTS]
        found = sum(x["endpoints"] for x in ours)
        log("portal full sync: %s, %d endpoints (+%d other resources), %.2f s from POST to the finished run; "
            "the run itself %s to %s (targets: %s)" % (
            run["status"], found, run.get("resourcesSeen", 0), portal_s, run["startedAt"], run["finishedAt"],
            ", ".join("%s/%s %d ms" % (x["accountId"], x["region"], x["durationMs"]) for x in ours)))

        log("DescribeVpcEndpoints pages the portal read: %d (%s endpoints)" % (len(pages_served), "+".join(
            str(n) for n in pages_served)))
        del pages_served[:]
        t = time.perf_counter()
        cli_runs = [cli(moto, a, r) for a, r in targets]
        cli_total = time.perf_counter() - t
        cli_found = sum(c for c, _ in cli_runs)
        cli_describe = sum(s for _, s in cli_runs)
        log("aws ec2 describe-vpc-endpoints: %d endpoints, %.2f s with assume-role, %.2f s describe calls only" % (
            cli_found, cli_total, cli_describe))
        log("DescribeVpcEndpoints pages the AWS CLI read: %d (%s endpoints)" % (len(pages_served), "+".join(
            str(n) for n in pages_served)))
        ratio = portal_s / cli_total
        log("RATIO portal sync / AWS CLI = %.2f (%.2f against the describe calls alone)" % (
            ratio, portal_s / cli_describe))

        t = time.perf_counter()
        psql(pg_port, SEED_SQL % LIST_ROWS)
        total = int(psql(pg_port, "select count(*) from inventory_endpoint"))
        log("seeded %d inventory rows with generate_series in %.1f s (table: %d rows)" % (
            LIST_ROWS, time.perf_counter() - t, total))
        bench_accounts = ["8" + str(i).zfill(11) for i in range(40)]
        vpcs = ["vpc-b" + format(i, "x").zfill(16) for i in range(2000)]
        conn = http.client.HTTPConnection("127.0.0.1", app_port, timeout=60)
        headers = {"Authorization": "Bearer " + token}
        for q in list_queries(bench_accounts, vpcs)[:20]:  # warm-up
            conn.request("GET", "/api/v1/endpoints?" + q, headers=headers)
            conn.getresponse().read()
        times = []
        slow = {}
        for q in list_queries(bench_accounts, vpcs):
            t = time.perf_counter()
            conn.request("GET", "/api/v1/endpoints?" + q, headers=headers)
            r = conn.getresponse()
            body = r.read()
            ms = (time.perf_counter() - t) * 1000
            if r.status != 200:
                raise SystemExit("list %s -> %d %s" % (q, r.status, body[:300]))
            times.append(ms)
            key = q.split("&limit")[0]
            slow[key.split("=")[0]] = max(slow.get(key.split("=")[0], 0), ms)
        p50, p95 = percentile(times, 50), percentile(times, 95)
        log("list API, %d sequential requests over %d rows: p50 %.1f ms, p95 %.1f ms, max %.1f ms" % (
            len(times), total, p50, p95, max(times)))
        log("slowest per filter kind: " + ", ".join("%s %.0f ms" % kv for kv in sorted(slow.items())))
        sql_ms = []
        slowest_sql = {}
        for q in list_queries(bench_accounts, vpcs):
            out = psql(pg_port, "explain (analyze, timing off) " + list_sql(q))
            ms = float(out.rsplit("Execution Time:", 1)[1].split()[0])
            sql_ms.append(ms)
            kind = q.split("=")[0]
            slowest_sql[kind] = max(slowest_sql.get(kind, 0), ms)
        log("the same 200 queries in PostgreSQL alone (EXPLAIN ANALYZE execution time): p50 %.2f ms, p95 %.2f ms, "
            "max %.2f ms" % (percentile(sql_ms, 50), percentile(sql_ms, 95), max(sql_ms)))
        log("slowest SQL per filter kind: " + ", ".join("%s %.2f ms" % kv for kv in sorted(slowest_sql.items())))
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
        ram = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) // 1024 // 1024
        print("\n| %s | %d × %s, %d GB, load %s (sync) / %s (end) | %d | %.1f s | %.1f s | %.2f | %d | %.0f ms | %.0f ms "
              "| %.1f ms |" % (time.strftime("%Y-%m-%d %H:%M"), os.cpu_count(), cpu, ram, sync_load, load(), N, portal_s,
                                cli_total, ratio, total, p50, p95, percentile(sql_ms, 95)))
    finally:
        for p in reversed(started):
            if hasattr(p, "stop"):
                p.stop()
                continue
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
    sys.stdout.flush()
    os._exit(code)  # the in-process moto server's threads would keep the process alive
