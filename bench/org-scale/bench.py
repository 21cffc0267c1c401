"""Organization-scale sync benchmark: 1,000 member accounts x 2 regions in moto, 100 ms added to every AWS call.

Run through run.sh. Steps, all timed and logged; a Markdown row for bench/README.md at the end:
  1. moto server (in this process); an organization with ACCOUNTS member accounts (CreateOrganization, CreateAccount), and in each,
     through AssumeRole, a VPC with 2 subnets, a route table and 5 endpoints (2 gateway, 3 interface) per region;
  2. the latency proxy in front of moto (latency_proxy.py: +100 ms a call, one log line per call);
  3. portal A from the jar on its embedded PostgreSQL, calling AWS through the proxy; the accounts discovered from
     the organization (10 OUs with 2 nested OUs each; teams from a tag or the OU table): a first discovery, then a
     rediscovery with nothing new, both timed;
  4. a full sync on A alone; then portal B on A's database and a full sync on both;
  5. the sequential baseline: A restarted with sync-concurrency 1, a full sync cancelled after BASELINE_SECONDS,
     extrapolated to every unit from the units it finished;
  6. from the proxy's log: calls per run, the highest rate seen per (account, region) against the limit.
"""
import base64
import bisect
import collections
import concurrent.futures
import glob
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

# moto loads its list of public AMIs into every (account, region) EC2 backend it creates: with 2,000 backends that
# is most of the seeding time and memory, and the portal never reads AMIs
os.environ.setdefault("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")

import boto3
from botocore.config import Config

ACCOUNTS = int(os.environ.get("BENCH_ACCOUNTS", "1000"))
REGIONS = ["eu-west-1", "us-east-1"]
DELAY = float(os.environ.get("BENCH_DELAY", "0.1"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "10"))
LIMIT = float(os.environ.get("BENCH_CALLS_PER_SECOND", "5"))
ORG_RATE = float(os.environ.get("BENCH_ORG_CALLS_PER_SECOND", "4"))
BASELINE_SECONDS = int(os.environ.get("BENCH_BASELINE_SECONDS", "90"))
# BENCH_STEPS=discovery: stop after the two discoveries (the organization, the portal, no sync)
SEED_THREADS = int(os.environ.get("BENCH_SEED_THREADS", "16"))
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
CREDS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
ROLE = "arn:aws:iam::%s:role/OrganizationAccountAccessRole"
children = []


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def load():
    return open("/proc/loadavg").read().split()[0]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url, seconds, proc=None, logfile=None):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except Exception:
            time.sleep(0.5)
    if logfile:
        print(open(logfile).read()[-4000:], file=sys.stderr)
    raise SystemExit("not up: " + url)


def api(port, method, path, token=None, body=None, basic=None, ok=(200, 201, 202), timeout=120):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    if basic:
        headers["Authorization"] = "Basic " + base64.b64encode(basic.encode()).decode()
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    if r.status not in ok:
        raise SystemExit("%s %s -> %d %s" % (method, path, r.status, data[:500]))
    return json.loads(data) if data else None


# ---- 1. the organization in moto -----------------------------------------------------------------------------

_local = threading.local()


def client(service, moto, region="us-east-1", creds=None):
    """A boto3 client from this thread's session (sessions cache the service models; the default one is not safe
    to share between threads)."""
    session = getattr(_local, "session", None)
    if session is None:
        session = _local.session = boto3.session.Session()
    c = creds or {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
    return session.client(service, endpoint_url=moto, region_name=region,
                          config=Config(retries={"max_attempts": 10, "mode": "standard"}), **c)


TOP_OUS = int(os.environ.get("BENCH_TOP_OUS", "10"))
TEAMS = ["payments", "network", "security", "platform"]


def create_accounts(moto):
    client("organizations", moto).create_organization(FeatureSet="ALL")

    def one(i):
        status = client("organizations", moto).create_account(Email="member%d@example.com" % i,
                                                              AccountName="member-%04d" % i)["CreateAccountStatus"]
        return status["AccountId"]

    with concurrent.futures.ThreadPoolExecutor(SEED_THREADS) as pool:
        return list(pool.map(one, range(ACCOUNTS)))


def arrange_ous(moto, accounts):
    """TOP_OUS OUs under the root, each with two nested OUs; the accounts spread over the nested ones, and every
    other account tagged with a team of the demo (the rest get their team from the OU table)."""
    org = client("organizations", moto)
    root = org.list_roots()["Roots"][0]["Id"]
    leaves, ou_teams = [], {}
    for i in range(TOP_OUS):
        top = org.create_organizational_unit(ParentId=root, Name="workloads-%02d" % i)["OrganizationalUnit"]["Id"]
        ou_teams[top] = TEAMS[i % len(TEAMS)]
        for j in range(2):
            leaves.append(org.create_organizational_unit(ParentId=top, Name="ou-%02d-%d" % (i, j))
                          ["OrganizationalUnit"]["Id"])

    def move(pair):
        n, account = pair
        c = client("organizations", moto)
        c.move_account(AccountId=account, SourceParentId=root, DestinationParentId=leaves[n % len(leaves)])
        if n % 2 == 0:
            c.tag_resource(ResourceId=account, Tags=[{"Key": "team", "Value": TEAMS[(n // 2) % len(TEAMS)]}])

    with concurrent.futures.ThreadPoolExecutor(SEED_THREADS) as pool:
        list(pool.map(move, enumerate(accounts)))
    return root, ou_teams, 1 + TOP_OUS * 3


def discover(port, token, root, ou_teams):
    """PUT the organization source, then a first discovery and a second one with nothing new, both timed."""
    api(port, "PUT", "/api/v1/organization", token, {
        "roleArn": ROLE % "123456789012", "externalId": "bench-org", "includeOus": [root], "skipOus": [],
        "memberRolePattern": ROLE.replace("%s", "{accountId}"), "regions": REGIONS,
        "environment": "NON_PRODUCTION", "teamTagKey": "team", "ouTeams": ou_teams})
    t = time.perf_counter()
    first = api(port, "POST", "/api/v1/organization/discover", token, {"dryRun": False}, timeout=1800)
    first_s = time.perf_counter() - t
    if first.get("error"):
        raise SystemExit("discovery failed: " + first["error"])
    t = time.perf_counter()
    again = api(port, "POST", "/api/v1/organization/discover", token, {"dryRun": False}, timeout=1800)
    again_s = time.perf_counter() - t
    return first, first_s, again, again_s


def counts(report):
    return {k: len(report.get(k) or []) if isinstance(report.get(k), list) else report.get(k)
            for k in ("added", "updated", "deactivated", "unchanged", "skipped")}


def seed_account(moto, account):
    """AssumeRole into the member account through STS, then its resources in both regions. The resources go straight
    into the account's EC2 backends of the in-process moto server (what the assumed role's Create calls would
    make): over HTTP on a loaded 2-core machine moto creates about 10 resources a second, which would make seeding
    1,000 accounts take most of an hour."""
    from moto.ec2.models import ec2_backends
    creds = client("sts", moto).assume_role(RoleArn=ROLE % account, RoleSessionName="seed")["Credentials"]
    assert creds["AccessKeyId"]
    for region in REGIONS:
        ec2 = ec2_backends[account][region]
        vpc = ec2.create_vpc(cidr_block="10.0.0.0/16").id
        subnets = [ec2.create_subnet(vpc_id=vpc, cidr_block="10.0.%d.0/24" % i).id for i in (1, 2)]
        table = ec2.create_route_table(vpc_id=vpc).id
        for kind, service, tables, nets in (("Gateway", "s3", [table], []), ("Gateway", "dynamodb", [table], []),
                                            ("Interface", "ssm", [], subnets), ("Interface", "logs", [], subnets),
                                            ("Interface", "ecr.api", [], subnets)):
            ec2.create_vpc_endpoint(vpc_id=vpc, service_name="com.amazonaws.%s.%s" % (region, service),
                                    endpoint_type=kind, policy_document=None, route_table_ids=tables,
                                    subnet_ids=nets, security_group_ids=[], tags={}, private_dns_enabled=False)
    return account


# ---- 3./4./5. the portal ---------------------------------------------------------------------------------------

def start_portal(jar, work, name, port, proxy, concurrency, pg_port, own_db):
    args = ["java", "-Xmx768m", "-jar", jar, "--server.port=%d" % port, "--spring.profiles.active=demo",
            "--portal.aws.mode=apply", "--portal.aws.endpoint=" + proxy,
            "--portal.aws.calls-per-second=%g" % LIMIT, "--portal.inventory.scheduled=false",
            "--portal.inventory.sync-concurrency=%d" % concurrency,
            "--portal.organization.calls-per-second=%g" % ORG_RATE, "--portal.organization.initial-delay=24h", "--db-scheduler.scheduler-name=" + name]
    if own_db:
        args += ["--portal.embedded-db.dir=" + os.path.join(work, "pg"), "--portal.embedded-db.port=%d" % pg_port]
    else:
        args += ["--spring.datasource.url=jdbc:postgresql://127.0.0.1:%d/postgres" % pg_port,
                 "--spring.datasource.username=postgres"]
    logfile = os.path.join(work, name + ".log")
    proc = subprocess.Popen(args, env=dict(os.environ, **CREDS), stdout=open(logfile, "a"),
                            stderr=subprocess.STDOUT, cwd=work)
    children.append(proc)
    t = time.perf_counter()
    wait_http("http://127.0.0.1:%d/actuator/health" % port, 900, proc, logfile)
    log("portal %s up on %d in %.0f s (sync-concurrency %d)" % (name, port, time.perf_counter() - t, concurrency))
    return proc


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(90)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def sync(port, token, cancel_after=None):
    """A full sync; returns (the finished run, seconds from POST to its end, the proxy log's time range)."""
    started = time.time()
    run = api(port, "POST", "/api/v1/sync", token)
    peak = None
    while True:
        time.sleep(1)
        run = api(port, "GET", "/api/v1/sync/runs/" + run["id"], token)
        if run["status"] == "RUNNING" and run["targetsDone"] > run["targetsTotal"] // 2 and peak is None:
            peak = (run["callsPerSecond"], run["etaSeconds"], [i["instance"] for i in run["instances"]])
        if run["status"] != "RUNNING":
            break
        if cancel_after is not None and time.time() - started > cancel_after and run.get("cancelledBy") is None:
            api(port, "POST", "/api/v1/sync/runs/%s/cancel" % run["id"], token)
    ended = time.time()
    return run, ended - started, (started, ended), peak


def p95_reads(port, token, accounts, n=40):
    """p95 of the list reads a user makes at this size (1,000 accounts, about 10,000 endpoints), n times each,
    one after the other: ms by path."""
    vpcs = api(port, "GET", "/api/v1/endpoints?limit=1&account=" + accounts[0], token)["items"]
    vpc = vpcs[0]["vpcId"] if vpcs else None
    paths = ["/api/v1/endpoints?limit=50", "/api/v1/endpoints?limit=50&managed=false&sort=service",
             "/api/v1/accounts?q=member-09&limit=20", "/api/v1/requests?limit=50",
             "/api/v1/savings?groupBy=account", "/api/v1/sync/runs?limit=20"]
    if vpc:
        paths.append("/api/v1/vpcs/%s/coverage" % vpc)
    result = {}
    for path in paths:
        times = []
        for _ in range(n):
            t = time.perf_counter()
            api(port, "GET", path, token)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        result[path] = times[int(len(times) * 0.95) - 1]
    return result


# ---- 6. the proxy's log ----------------------------------------------------------------------------------------

def calls_between(logfile, window):
    calls = []
    for line in open(logfile):
        parts = line.split()
        t = float(parts[0])
        if window[0] <= t <= window[1]:
            calls.append((t, parts[1], parts[2], parts[3], parts[4]))
    return calls


def max_rates(calls):
    """Per target (account/region, Route 53 per account), the most calls in any sliding 1 s and 5 s window."""
    per = collections.defaultdict(list)
    for t, account, region, service, action in calls:
        if account == "-" or service == "sts":
            continue  # the portal's own identity (AssumeRole itself is STS's, not the member account's limit)
        per[account + "/" + ("route53" if service == "route53" else region)].append(t)
    worst1, worst5, where = 0, 0.0, None
    for target, times in per.items():
        times.sort()
        for i, t in enumerate(times):
            n1 = bisect.bisect_left(times, t + 1.0) - i
            n5 = bisect.bisect_left(times, t + 5.0) - i
            if n1 > worst1:
                worst1, where = n1, target
            worst5 = max(worst5, n5 / 5.0)
    return worst1, worst5, where, len(per)


def main():
    jars = [j for j in sorted(glob.glob(os.path.join(ROOT, "target", "vpc-endpoint-portal-*.jar")))
            if not j.endswith("-plain.jar")]
    if not jars:
        raise SystemExit("no portal jar in target/: run ./mvnw -DskipTests package")
    work = tempfile.mkdtemp(prefix="org-scale-")
    jar = os.path.join(work, "portal.jar")
    shutil.copy(jars[-1], jar)
    moto_port, proxy_port, port_a, port_b, pg_port = (free_port() for _ in range(5))
    moto = "http://127.0.0.1:%d" % moto_port
    proxy = "http://127.0.0.1:%d" % proxy_port
    proxy_log = os.path.join(work, "calls.log")
    machine = "%d cores, %s" % (os.cpu_count(), open("/proc/cpuinfo").read().split("model name")[1].split("\n")[0]
                                .strip(": \t"))
    log("work dir %s; moto %s; latency proxy %s (+%d ms); %s; load %s" % (work, moto, proxy, DELAY * 1000, machine,
                                                                          load()))
    try:
        import logging
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        from moto.server import ThreadedMotoServer
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
        server.start()
        wait_http(moto + "/moto-api/", 60)
        children.append(subprocess.Popen([sys.executable, os.path.join(HERE, "latency_proxy.py"), str(proxy_port),
                                          moto, str(DELAY), proxy_log]))

        t = time.perf_counter()
        accounts = create_accounts(moto)
        log("organization: %d member accounts created through CreateAccount in %.0f s" % (
            len(accounts), time.perf_counter() - t))
        t = time.perf_counter()
        root, ou_teams, ou_count = arrange_ous(moto, accounts)
        log("%d OUs (%d top-level, 2 nested in each), accounts moved into the nested ones in %.0f s" % (
            ou_count - 1, TOP_OUS, time.perf_counter() - t))
        t = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(SEED_THREADS) as pool:
            list(pool.map(lambda a: seed_account(moto, a), accounts))
        seed_s = time.perf_counter() - t
        log("seeded %d accounts x %d regions (VPC, 2 subnets, route table, 5 endpoints each) in %.0f s" % (
            len(accounts), len(REGIONS), seed_s))

        a = start_portal(jar, work, "bench-a", port_a, proxy, CONCURRENCY, pg_port, True)
        token = api(port_a, "POST", "/api/v1/tokens", basic="admin:demo", body={"name": "bench"})["token"]
        # the accounts come from the organization, through the latency proxy like every other AWS call
        first, first_s, again, again_s = discover(port_a, token, root, ou_teams)
        log("first discovery: %s in %.1f s; rediscovery (nothing new): %s in %.1f s; %g Organizations calls a second "
            "allowed" % (counts(first), first_s, counts(again), again_s, ORG_RATE))
        registered = api(port_a, "GET", "/api/v1/accounts", token)
        registered = registered if isinstance(registered, list) else registered.get("items", [])
        missing = set(accounts) - {a["id"] for a in registered if a.get("active", True)}
        if missing:
            raise SystemExit("discovery left %d accounts out, e.g. %s" % (len(missing), sorted(missing)[:5]))
        discovery = "%.0f s first (%d accounts), %.1f s again" % (first_s, len(accounts), again_s)
        if os.environ.get("BENCH_STEPS") == "discovery":
            print("\n| %s | %s | load %s | %d accounts in %d OUs | %s | %g calls/s |" % (
                time.strftime("%Y-%m-%d %H:%M"), machine, load(), len(accounts), ou_count - 1, discovery, ORG_RATE))
            return

        load1 = load()
        run1, s1, w1, peak1 = sync(port_a, token)
        calls1 = calls_between(proxy_log, w1)
        log("one instance: %s, %d units in %.1f s, %d AWS calls at the proxy (%d counted by the portal), "
            "%.0f calls/s; mid-run progress said %s" % (run1["status"], run1["targetsTotal"], s1, len(calls1),
                                                        run1["calls"], len(calls1) / s1, peak1))

        reads = p95_reads(port_a, token, accounts)
        log("p95 of list reads at this size (40 each, ms): %s" % ", ".join("%s %.0f" % (k, v) for k, v in reads.items()))

        b = start_portal(jar, work, "bench-b", port_b, proxy, CONCURRENCY, pg_port, False)
        load2 = load()
        run2, s2, w2, peak2 = sync(port_a, token)
        calls2 = calls_between(proxy_log, w2)
        split = {i["instance"]: i["unitsDone"] for i in run2["instances"]}
        log("two instances: %s, %d units in %.1f s (%.2f x one instance), split %s, %d calls" % (
            run2["status"], run2["targetsTotal"], s2, s2 / s1, split, len(calls2)))
        stop(b)
        stop(a)

        a = start_portal(jar, work, "bench-a", port_a, proxy, 1, pg_port, True)
        token = api(port_a, "POST", "/api/v1/tokens", basic="admin:demo", body={"name": "bench-2"})["token"]
        load3 = load()
        run3, s3, w3, _ = sync(port_a, token, cancel_after=BASELINE_SECONDS)
        done3 = run3["targetsDone"]
        sequential = s3 / max(1, done3) * run3["targetsTotal"]
        log("sequential baseline (concurrency 1): %s after %d of %d units in %.0f s: %.0f s for all, extrapolated" % (
            run3["status"], done3, run3["targetsTotal"], s3, sequential))
        stop(a)

        total_calls = len(calls1)
        floor = total_calls * DELAY / CONCURRENCY
        worst1, worst5, where, targets = max_rates(calls1 + calls2)
        log("highest rate per target over both runs (%d targets): %d calls in a sliding second (%s), %.1f/s over "
            "5 s; limit %g/s per (account, region)" % (targets, worst1, where, worst5, LIMIT))
        log("floor: %d calls x %.0f ms / %d = %.1f s" % (total_calls, DELAY * 1000, CONCURRENCY, floor))
        print()
        print("| %s | %s | load %s / %s / %s | %d x %d (%d units) | %.0f s | %s | %.1f s (%s) | %.1f s (%.2f x) | "
              "%.0f s (%d units in %.0f s, extrapolated) | %.1f s | %d | %d in 1 s, %.1f/s over 5 s (limit %g/s) | %s |" % (
                  time.strftime("%Y-%m-%d %H:%M"), machine, load1, load2, load3, len(accounts), len(REGIONS),
                  run1["targetsTotal"], seed_s, discovery, s1, run1["status"], s2, s2 / s1, sequential, done3, s3,
                  floor, CONCURRENCY, worst1, worst5, LIMIT, split))
    finally:
        for proc in reversed(children):
            if proc.poll() is None:
                proc.terminate()
        for proc in children:
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
        log("logs in %s" % work)


if __name__ == "__main__":
    main()
