#!/usr/bin/env python3
"""Draws images/dashboard.svg from the dashboard template.yaml defines: one box per widget at its
place on CloudWatch's 24-column grid, with its title and its kind (graph, alarm list, log table),
each graph with the metrics, labels, axes, horizontal lines and time range the template gives it.

The values are an illustrative, deterministic week on a made-up account, with the practice runs
of the weeks before it; no random numbers, so the file changes only with the template or this
script. Stack my-dx in eu-west-1; three listed VIFs (the IDs the tests use) on two 10 Gbit/s
connections and one 1 Gbit/s connection, with a daily traffic curve; MINVIFS 1, MAX_UTILIZATION
80 %, a practice run every Tuesday at 10:00 UTC. This morning a latency alarm took dxvif-fgcd5678
out with the BGP failover test (its traffic moved to the others, its BGP went down, the healthy
count dipped to 2), an alarm named another team's VIF (NOT_MANAGED), and the on-call engineer
restored dxvif-fgcd5678 41 minutes after it went out. Each widget shows its own time range of
this story as the template sets it (the dashboard's last 24 hours; 90 days for the practice
widgets), as CloudWatch would draw it: a SEARCH finds only the series that reported in the last
two weeks, and the log table has the rows the query returns first (each reconcile pass, every
5 minutes, logs a RECONCILED line). The log lines are worded as the function words them
(Telemetry, ReconcilePass, text/Messages).

The picture carries what it shows as data-* attributes (widget place, series metric and VIF,
horizontal lines, alarm names, log cells, the parameters it was drawn for); DashboardTest checks
them against the template. Run from the project's root, then render the PNG:

    images/draw-dashboard.py && rsvg-convert -w 960 images/dashboard.svg -o images/dashboard.png
"""
import json
import math
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.dont_write_bytecode = True   # no __pycache__ in images/
import dashboard_svg as svg   # noqa: E402 (this script's directory is on the path)
from dashboard_svg import GREY, INK, attrs, fit, t   # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
template = (ROOT / "template.yaml").read_text()
UTC = timezone.utc
MINUTE = timedelta(minutes=1)

# ---------------------------------------------------------------------------------------------
# The account: stack, parameters, VIFs and their connections.
# ---------------------------------------------------------------------------------------------
STACK, REGION, ACCOUNT = "my-dx", "eu-west-1", "123456789012"
# The function's name, which CloudFormation makes from the stack's (the template names none): the Deployment
# dimension of every metric (docs/behaviour.md §11).
FUNCTION = "my-dx-DxFailoverFunction-Q7XC2LPR9VTZ"
# VIF -> (connection, its bandwidth in bit/s, BGP address families), in VifList order.
VIFS = {"dxvif-fgab1234": ("dxcon-fgaa0001", 10e9, ["ipv4", "ipv6"]),
        "dxvif-fgcd5678": ("dxcon-fgbb0002", 10e9, ["ipv4"]),
        "dxvif-fgef9012": ("dxcon-fgcc0003", 1e9, ["ipv4"])}
PARAMETERS = {"VifList": ",".join(VIFS), "MinVifs": "1", "MaxUtilization": "80", "FailoverMinutes": "180",
              "DryRun": "false", "ReconcileEveryMinutes": "5", "PracticeSchedule": "cron(0 10 ? * TUE *)",
              "PracticeOutcomeAlarms": "apps 5xx", "PracticeMinutes": "30", "PracticeMaxAgeDays": "35"}
MIN_VIFS, MAX_UTILIZATION = int(PARAMETERS["MinVifs"]), int(PARAMETERS["MaxUtilization"])
FAILOVER_MINUTES = int(PARAMETERS["FailoverMinutes"])
OTHER_TEAMS_VIF = "dxvif-fggh3456"

# ---------------------------------------------------------------------------------------------
# The story, in UTC.
# ---------------------------------------------------------------------------------------------
NOW = datetime(2026, 12, 9, 10, 37, 30, tzinfo=UTC)
# "dxvif-fgcd5678 latency anomaly" goes to ALARM; its event takes the VIF out. The alarm is OK again at 09:54:30,
# before the next reconcile pass (the traffic moved), and the rule forwards no OK.
FAILED_OVER_AT = datetime(2026, 12, 9, 9, 52, 10, 315000, tzinfo=UTC)
# The same carrier fault on another team's VIF in the account: its alarm names a VIF outside VifList.
NOT_MANAGED_AT = datetime(2026, 12, 9, 10, 14, 51, 81000, tzinfo=UTC)   # "dxvif-fggh3456 packet loss"
NOT_MANAGED_OK_AT = datetime(2026, 12, 9, 10, 26, 10, tzinfo=UTC)
RESTORED_AT = datetime(2026, 12, 9, 10, 33, 27, 604000, tzinfo=UTC)     # the carrier fixed it: the operator's "restore"
OTHER_ALARMS = 2                                                       # in ALARM all along, naming no VIF
TEST_ID = "6f3c9a2e-4b1d-4e7a-9c58-0d2b7e41a9f3"
# Weekly practice runs, Tuesdays 10:00-10:30, on the VIF whose last test started longest ago. The outcome alarm
# "apps 5xx" was in ALARM on 24 November (Black Friday week): that run was blocked, so the same VIF went next week.
PRACTICE = [("2026-08-25", "dxvif-fgab1234", "PRACTICE_SUCCEEDED"),
            ("2026-09-01", "dxvif-fgcd5678", "PRACTICE_SUCCEEDED"),
            ("2026-09-08", "dxvif-fgef9012", "PRACTICE_SUCCEEDED")]
_order = list(VIFS)
for week in range(13):
    day = (datetime(2026, 9, 15) + timedelta(weeks=week)).date().isoformat()
    vif = _order[0]
    outcome = "PRACTICE_BLOCKED" if day == "2026-11-24" else "PRACTICE_SUCCEEDED"
    PRACTICE.append((day, vif, outcome))
    if outcome != "PRACTICE_BLOCKED":
        _order = _order[1:] + _order[:1]
# Failover tests: (VIF, start, end), the practice runs' and the alarm's.
TESTS = [(v, datetime.fromisoformat(d + "T10:00:00+00:00"), datetime.fromisoformat(d + "T10:30:00+00:00"))
         for d, v, o in PRACTICE if o == "PRACTICE_SUCCEEDED"] + [("dxvif-fgcd5678", FAILED_OVER_AT, RESTORED_AT)]
# Where a VIF's traffic goes while it is out: the others' shares (local preference favours the 10 Gbit/s path).
SHARES = {"dxvif-fgab1234": {"dxvif-fgcd5678": 0.8, "dxvif-fgef9012": 0.2},
          "dxvif-fgcd5678": {"dxvif-fgab1234": 0.85, "dxvif-fgef9012": 0.15},
          "dxvif-fgef9012": {"dxvif-fgab1234": 0.55, "dxvif-fgcd5678": 0.45}}
# Gbit/s at night and added at the daily peak, out (from AWS) and in.
LOAD = {"dxvif-fgab1234": {"out": (0.80, 1.90), "in": (0.30, 0.75)},
        "dxvif-fgcd5678": {"out": (0.60, 1.50), "in": (0.22, 0.60)},
        "dxvif-fgef9012": {"out": (0.10, 0.35), "in": (0.04, 0.14)}}


def out_of_service(vif, t):
    return any(v == vif and start <= t < end for v, start, end in TESTS)


def own_bps(vif, direction, t):
    """The VIF's own traffic at t: a daily curve (low at 03:00 UTC, high mid-afternoon) with a slow ripple."""
    h = t.hour + t.minute / 60
    day = 0.5 - 0.5 * math.cos(2 * math.pi * (h - 3) / 24) + 0.06 * math.sin(4 * math.pi * (h - 3) / 24)
    m = t.timestamp() / 60 + 17 * list(VIFS).index(vif)
    ripple = 1 + 0.05 * math.sin(m / 7.3) + 0.035 * math.sin(m / 19.1 + 1.3) + 0.02 * math.sin(m / 2.9 + 0.4)
    night, peak = LOAD[vif][direction]
    return (night + peak * max(day, 0)) * ripple * 1e9


def bps(vif, direction, t):
    """What AWS/DX measures on the VIF: nothing while it is out, plus the share it takes of a VIF that is out."""
    if out_of_service(vif, t):
        return 0.0
    return own_bps(vif, direction, t) + sum(SHARES[o][vif] * own_bps(o, direction, t) for o in VIFS
                                            if o != vif and out_of_service(o, t))


def passes(start, end):
    """The reconcile pass every 5 minutes (2 s after the schedule's minute), from start to end."""
    t = start.replace(minute=start.minute - start.minute % 5, second=2, microsecond=0)
    while t < end:
        if t >= start:
            yield t + timedelta(microseconds=(t.minute * 37 + t.hour * 11) % 1000 * 1000)
        t += timedelta(minutes=5)


def peak_load(vif, at):
    """The highest 5-minute average of egress or ingress in the 30 minutes before `at` (docs/behaviour.md §15)."""
    end = at.replace(minute=at.minute - at.minute % 5, second=0, microsecond=0)
    return max(avg(lambda t: bps(vif, d, t), end - timedelta(minutes=5 * (i + 1)), 5)
               for i in range(6) for d in ("out", "in"))


def avg(f, start, minutes):
    return sum(f(start + i * MINUTE + MINUTE / 2) for i in range(minutes)) / minutes


# The projection the FAILED_OVER decision made: every healthy VIF's load over the connections that remain.
LOAD_AT_FAILOVER = sum(peak_load(v, FAILED_OVER_AT) for v in VIFS)
REMAINING_BPS = sum({VIFS[v][0]: VIFS[v][1] for v in VIFS if v != "dxvif-fgcd5678"}.values())
PROJECTED = 100 * LOAD_AT_FAILOVER / REMAINING_BPS


def rate(b):
    """CapacityText.rate: "3.0 Gbit/s", "500 Mbit/s"."""
    return f"{b / 1e9:.1f} Gbit/s" if b >= 1e9 else f"{b / 1e6:.0f} Mbit/s"


# Every decision the function logs and counts: (time, outcome, VIF or None, log line).
def decision(outcome, vif, reason):
    return f"INFO decision - outcome={outcome} vif={vif or 'none'} dryRun=false reason={reason}"


def reconciled(p):
    """A pass's line: every alarm in ALARM it read, none it acts on (the listed VIFs' alarms are OK)."""
    unlisted = 1 if NOT_MANAGED_AT <= p < NOT_MANAGED_OK_AT else 0
    return decision("RECONCILED", None, f"reconcile: {OTHER_ALARMS + unlisted} alarm(s) in ALARM on 0 listed VIF(s); "
                    "started 0 failover test(s), 0 held in service by the minimum, 0 by the capacity, 0 already out "
                    f"of service; left aside: 0 muted, {unlisted} naming unlisted VIFs, {OTHER_ALARMS} naming no VIF")


EVENTS = [(FAILED_OVER_AT, "FAILED_OVER", "dxvif-fgcd5678",
           decision("FAILED_OVER", "dxvif-fgcd5678", f"BGP failover test {TEST_ID} started on dxvif-fgcd5678 for "
                    f"{FAILOVER_MINUTES} minutes; BGP on dxvif-fgcd5678 comes back by itself at "
                    f"{(FAILED_OVER_AT + timedelta(minutes=FAILOVER_MINUTES)).strftime('%Y-%m-%dT%H:%M:%SZ')}; the "
                    f"other VIFs would carry {rate(LOAD_AT_FAILOVER)} on {rate(REMAINING_BPS)}: {PROJECTED:.1f} % "
                    f"(MAX_UTILIZATION {MAX_UTILIZATION} %)")),
          (NOT_MANAGED_AT, "NOT_MANAGED", OTHER_TEAMS_VIF,
           decision("NOT_MANAGED", OTHER_TEAMS_VIF, f"{OTHER_TEAMS_VIF} is not in VIFLIST, so it is never touched")),
          (RESTORED_AT, "RESTORED", "dxvif-fgcd5678",
           decision("RESTORED", "dxvif-fgcd5678", f"BGP failover test {TEST_ID} on dxvif-fgcd5678 was stopped; its BGP "
                    "sessions come back up now"))]
EVENTS += [(p, "RECONCILED", None, reconciled(p)) for p in passes(NOW - timedelta(days=2), NOW)]

# ---------------------------------------------------------------------------------------------
# The dashboard body, resolved as CloudFormation would for these parameters.
# ---------------------------------------------------------------------------------------------


def dashboard_block():
    """The DashboardBody's block scalar: the lines indented deeper than its "- |"."""
    lines = template.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "DashboardBody: !Sub") + 1
    indent = len(lines[start]) - len(lines[start].lstrip())
    out = []
    for line in lines[start + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        out.append(line)
    return "\n".join(out)


def resources_of_type(kind):
    """Resource name -> its block of template lines, for the top-level resources of one type."""
    found = {}
    for m in re.finditer(r"^  (\w+):\n((?:    .*\n|\s*\n)+)", template, re.M):
        if re.search(r"^    Type: " + re.escape(kind) + r"\s*$", m.group(2), re.M):
            found[m.group(1)] = m.group(2)
    return found


def sub(text, values):
    def one(m):
        name = m.group(1)
        if name not in values:
            raise SystemExit(f"draw-dashboard.py: no sample value for ${{{name}}} in the template; add one")
        return values[name]
    return re.sub(r"\$\{([^}]+)}", one, text)


ALARM_NAMES = {name: sub(re.search(r'AlarmName: !Sub "([^"]+)"', block).group(1),
                         {"AWS::StackName": STACK, "PracticeMaxAgeDays": PARAMETERS["PracticeMaxAgeDays"]})
               for name, block in resources_of_type("AWS::CloudWatch::Alarm").items()}
values = {"DxFailoverFunction": FUNCTION, "AWS::Region": REGION, "MinVifs": PARAMETERS["MinVifs"], "MaxUtilization": PARAMETERS["MaxUtilization"],
          "PracticeMaxAgeDays": PARAMETERS["PracticeMaxAgeDays"],
          "FunctionLogGroup": sub(re.search(r'LogGroupName: !Sub "([^"]+)"',
                                            resources_of_type("AWS::Logs::LogGroup")["FunctionLogGroup"]).group(1),
                                  {"AWS::StackName": STACK}),
          # A VifList: the template's VifFilter joins the listed VIFs; a practice schedule adds the proof alarm.
          "VifFilter": ' AND (VirtualInterfaceId=\\"' + '\\" OR VirtualInterfaceId=\\"'.join(VIFS) + '\\")',
          "ProofAlarm": ', "${PracticeProofAlarm.Arn}"'}
for name, alarm_name in ALARM_NAMES.items():
    values[name + ".Arn"] = f"arn:aws:cloudwatch:{REGION}:{ACCOUNT}:alarm:{alarm_name}"
values["ProofAlarm"] = sub(values["ProofAlarm"], values)
body = json.loads(sub(dashboard_block(), values))
DASHBOARD = sub(re.search(r'DashboardName: !Sub "([^"]+)"', template).group(1), {"AWS::StackName": STACK})
ARN_TO_ALARM = {values[n + ".Arn"]: a for n, a in ALARM_NAMES.items()}

# ---------------------------------------------------------------------------------------------
# The data of each metric, as GetMetricData would return it: (time, value) per period.
# ---------------------------------------------------------------------------------------------
SEARCH_HORIZON = svg.SEARCH_HORIZON


def buckets(start, period):
    return svg.buckets(start, period, NOW)


def counts(outcome, vif, start, period):
    """Sum of an outcome per period (vif None: every VIF, the metric without dimension)."""
    times = [t for t, o, v, _ in EVENTS if o == outcome and (vif is None or v == vif)]
    times += [practice_judged(d, o) for d, v, o in PRACTICE if o == outcome and (vif is None or v == vif)]
    return [(b, sum(1 for t in times if b <= t < b + period)) for b in buckets(start, period)
            if any(b <= t < b + period for t in times)]


def practice_judged(day, outcome):
    """A run ends at 10:30 and the 10:35 pass judges it; a blocked one is answered at 10:00."""
    return datetime.fromisoformat(day + ("T10:35:02+00:00" if outcome == "PRACTICE_SUCCEEDED" else "T10:00:01+00:00"))


# Per VIF, each PRACTICE_SUCCEEDED: when the pass judged it (and wrote the record), when the run ended.
PROVEN = {vif: [(practice_judged(d, o), datetime.fromisoformat(d + "T10:30:00+00:00")) for d, v, o in PRACTICE
                if v == vif and o == "PRACTICE_SUCCEEDED"] for vif in VIFS}


def days_since_proven(vif, p):
    """DaysSinceProven as the pass at p writes it, from the record of the VIF's last successful run (None: none)."""
    ended = [end for judged, end in PROVEN[vif] if judged <= p]
    return None if not ended else math.floor((p - max(ended)).total_seconds() / 60) / 1440


def pass_gauge(f, start, period, stat):
    """A gauge each reconcile pass writes, by Minimum or Maximum per period."""
    out = []
    for b in buckets(start, period):
        seen = [f(p) for p in passes(max(b, start), min(b + period, NOW))]
        seen = [s for s in seen if s is not None]
        if seen:
            out.append((b, (min if stat == "Minimum" else max)(seen)))
    return out


def data(metric, vif, start, period):
    """The series of one metric (of one VIF, of each of its address families) over [start, NOW), or []: none."""
    if metric in ("VirtualInterfaceBpsEgress", "VirtualInterfaceBpsIngress"):
        d = "out" if metric.endswith("Egress") else "in"
        return [(b, avg(lambda t: bps(vif, d, t), b, 5)) for b in buckets(start, period)]
    if metric == "VirtualInterfaceBgpStatus":
        return [(b, 0 if any(out_of_service(vif, b + i * MINUTE) for i in range(5)) else 1)
                for b in buckets(start, period)]
    if metric == "HealthyVifs":
        return pass_gauge(lambda p: sum(not out_of_service(v, p) for v in VIFS), start, period, "Minimum")
    if metric == "MarginOverMinimum":
        return pass_gauge(lambda p: sum(not out_of_service(v, p) for v in VIFS) - MIN_VIFS, start, period, "Minimum")
    if metric == "Healthy":
        return pass_gauge(lambda p: 0 if out_of_service(vif, p) else 1, start, period, "Minimum")
    if metric == "UnderTest":
        return pass_gauge(lambda p: 1 if out_of_service(vif, p) else 0, start, period, "Maximum")
    if metric == "InMaintenance":
        return pass_gauge(lambda p: 0, start, period, "Maximum")
    if metric == "DaysSinceProven":
        return pass_gauge(lambda p: days_since_proven(vif, p), start, period, "Maximum")
    if metric == "VifsNotProven":
        age = int(PARAMETERS["PracticeMaxAgeDays"])
        return pass_gauge(lambda p: sum(1 for v in VIFS if (d := days_since_proven(v, p)) is None or d > age),
                          start, period, "Maximum")
    if metric == "ProjectedUtilization":
        return [(b, PROJECTED) for b in buckets(start, period)
                if vif == "dxvif-fgcd5678" and b <= FAILED_OVER_AT < b + period]
    return counts(metric, vif, start, period)


# ---------------------------------------------------------------------------------------------
# Drawing (images/dashboard_svg.py draws the boxes, graphs and legends; this script says what is in them).
# ---------------------------------------------------------------------------------------------


def ago(duration):
    return svg.ago(duration, NOW)


def widget_series(props):
    """Every time series a metric widget shows: its metric rows, and what each SEARCH finds."""
    start = ago(props.get("start", body["start"]))
    period = timedelta(seconds=props.get("period", 300))
    out = []
    for row in props["metrics"]:
        if isinstance(row[0], dict):
            expression = row[0]["expression"]
            schema = re.match(r"SEARCH\('\{([^}]*)}", expression).group(1).split(",")
            names = re.findall(r'MetricName="(\w+)"', expression)
            listed = re.findall(r'VirtualInterfaceId="([^"]+)"', expression) or list(VIFS)
            for name in names:
                for vif in listed:
                    for family in (VIFS[vif][2] if "IpAddressFamily" in schema else [None]):
                        points = data(name, vif, start, period)
                        if not points or points[-1][0] < NOW - SEARCH_HORIZON:
                            continue
                        dims = {"Deployment": FUNCTION, "ConnectionId": VIFS[vif][0], "IpAddressFamily": family, "VirtualInterfaceId": vif}
                        # The expression's label, then each found metric's dimension values (and name, of several).
                        label = " ".join(x for x in [row[0]["label"]] + [dims[d] for d in schema[1:]] if x)
                        if len(names) > 1:
                            label += " " + name
                        out.append(svg.Series(label, name, vif, points))
        else:
            # [namespace, name, dimension, value, ..., {options}]: the options, when given, come last.
            options = row[-1] if isinstance(row[-1], dict) else {}
            out.append(svg.Series(options.get("label", row[1]), row[1], None, data(row[1], None, start, period),
                                  options.get("yAxis") == "right"))
    return start, out


def metric_widget(props, x, y, w, h):
    start, series = widget_series(props)
    return svg.metric_widget(props, x, y, w, h, start, series, NOW)


def alarm_widget(props, x, y, w, h):
    parts = []
    for i, arn in enumerate(props["alarms"]):
        name = ARN_TO_ALARM[arn]
        ry = y + 30 + i * 22
        parts.append(f'<rect x="{x + 8}" y="{ry:.1f}" width="{w - 16}" height="19" fill="#f2f8f0" stroke="#d5e9cf"/>')
        parts.append(f'<circle cx="{x + 18}" cy="{ry + 9.5:.1f}" r="5" fill="#1d8102"/>')
        parts.append('<path d="M{:.1f},{:.1f} l2,2 l3.5,-4" stroke="#fff" stroke-width="1.4" fill="none"/>'.format(
            x + 15.3, ry + 9.6))
        parts.append(t(x + 28, ry + 13.5, fit(name, w - 40, 9.5), 9.5, INK, attrs(alarm=name, state="OK")))
    return parts


LOG_ROW = 14


def log_widget(props, x, y, w, h):
    columns = re.search(r"display (.*)$", props["query"]).group(1).split(", ")
    limit = int(re.search(r"limit (\d+)", props["query"]).group(1))
    rows = sorted((e for e in EVENTS if ago(body["start"]) <= e[0] < NOW), key=lambda e: e[0], reverse=True)
    rows = rows[:min(limit, int((h - 56) / LOG_ROW))]
    if not any(o == "FAILED_OVER" for _, o, _, _ in rows):
        raise SystemExit("draw-dashboard.py: the log table no longer reaches the failover; move the story or NOW")
    widths = {"@timestamp": 150, "outcome": 140, "vif": 110}
    xs, cx = [], x + 8
    for c in columns:
        xs.append(cx)
        cx += widths.get(c, 0)
    parts = [f'<rect x="{x + 1}" y="{y + 26}" width="{w - 2}" height="18" fill="#fafafa"/>',
             f'<line x1="{x + 1}" y1="{y + 44}" x2="{x + w - 1}" y2="{y + 44}" stroke="#d5dbdb"/>']
    for c, cx in zip(columns, xs):
        parts.append(t(cx, y + 39, c, 10, GREY, ' font-weight="bold"' + attrs(column=c)))
    for r, (when, outcome, vif, message) in enumerate(rows):
        ry = y + 57 + r * LOG_ROW
        if r % 2:
            parts.append(f'<rect x="{x + 1}" y="{ry - 10}" width="{w - 2}" height="{LOG_ROW}" fill="#f7f8f8"/>')
        cells = {"@timestamp": when.strftime("%Y-%m-%d %H:%M:%S.") + f"{when.microsecond // 1000:03d}",
                 "outcome": outcome, "vif": vif or "none", "@message": message}
        for c, cx in zip(columns, xs):
            width = (widths.get(c) or (x + w - 8 - cx)) - 8
            bold = ' font-weight="bold"' if c == "outcome" and outcome != "RECONCILED" else ""
            parts.append(t(cx, ry, fit(cells[c], width, 9.5), 9.5, INK, bold + attrs(row=r, column=c, value=cells[c])))
    return parts


first = ago(body["start"])
picture = svg.page(body, {"dashboard": DASHBOARD, "parameters": ";".join(f"{k}={v}" for k, v in
                                                                  {"AWS::StackName": STACK, "AWS::Region": REGION,
                                                                   **PARAMETERS}.items())},
                   DASHBOARD, f'{first:%Y-%m-%d %H:%M} – {NOW:%Y-%m-%d %H:%M} UTC',
                   f'Stack {STACK} in {REGION} · VifList {", ".join(VIFS)} · MinVifs {MIN_VIFS} · MaxUtilization '
                   f'{MAX_UTILIZATION} · practice runs {PARAMETERS["PracticeSchedule"]} UTC — illustrative values',
                   {"metric": metric_widget, "alarm": alarm_widget, "log": log_widget})
(ROOT / "images" / "dashboard.svg").write_text(picture)
