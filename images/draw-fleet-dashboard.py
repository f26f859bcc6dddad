#!/usr/bin/env python3
"""Draws images/fleet-dashboard.svg from the dashboard of fleet/monitoring-template.yaml (the sample fleet of
fleet/sample-fleet.json: three accounts, two Regions), as images/draw-dashboard.py draws the stack's: one box per
widget at its place on the grid, each graph with what its searches find in the account and Region it names.

The values are an illustrative, deterministic story; no random numbers, so the file changes only with the template
or this script. Each account has one deployment per Region, the StackSet's (its function's name, which
CloudFormation makes, is the Deployment dimension). In network-prod, eu-west-1: a latency alarm took a VIF out at
09:52, a carrier cut took another down at 10:12 (the margin reached 0), and an alarm at 10:21 was held at MINVIFS.
In network-prod, us-east-1: a failover at 03:10, then a second VIF went down at 03:40 (margin -1); the next
reconcile pass gave the tested VIF back, and the cut VIF came back at 05:30; yesterday's 15:00 practice run shows
as a dip. In network-dr, eu-west-1: an AWS maintenance window from 02:00 to 06:00 on one VIF. A weekly practice run
in every deployment but branch-offices' in eu-west-1, which has no schedule (its VIFs are not proven); in network-dr,
us-east-1, last week's run failed. Each widget shows its own time range as the template sets it, and a SEARCH finds
only the series that reported in the last two weeks.

The picture carries what it shows as data-* attributes (widget place; each series' metric, account, Region,
deployment and VIF; horizontal lines; the fleet it was drawn for); FleetDashboardTest checks them against the
template. Run from the project's root:

    fleet/make-monitoring-template fleet/sample-fleet.json > fleet/monitoring-template.yaml
    images/draw-fleet-dashboard.py
"""
import json
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.dont_write_bytecode = True   # no __pycache__ in images/
import dashboard_svg as svg   # noqa: E402 (this script's directory is on the path)

ROOT = Path(__file__).resolve().parent.parent
UTC = svg.UTC
FLEET = json.loads((ROOT / "fleet" / "sample-fleet.json").read_text())
TEMPLATE = (ROOT / "fleet" / "monitoring-template.yaml").read_text()
MONITORING_ACCOUNT = "999999999999"
NOW = datetime(2026, 12, 9, 10, 37, 30, tzinfo=UTC)
PRACTICE_MAX_AGE_DAYS = 35


def at(hhmm, days_ago=0):
    h, m = map(int, hhmm.split(":"))
    return NOW.replace(hour=h, minute=m, second=0, microsecond=0) - timedelta(days=days_ago)


class Deployment:
    """One stack of the StackSet: its VIFs, MINVIFS, weekly practice run, and what happened to its VIFs."""

    def __init__(self, account, region, function, vifs, min_vifs, practice=None, out=(), decisions=(), failed=()):
        self.account, self.region, self.function, self.vifs, self.min_vifs = account, region, function, vifs, min_vifs
        # VIF -> [(start, end, why)]: why is "test", "down" or "maintenance"; each takes the VIF out of the healthy.
        self.out = {v: [] for v in vifs}
        for vif, start, end, why in out:
            self.out[vif].append((start, end, why))
        self.decisions = list(decisions)   # (time, outcome)
        self.runs = []                      # (day, VIF, outcome), round robin over the VIFs, a week apart
        if practice:
            weekday, hhmm = practice
            day = at(hhmm, 140)
            day += timedelta(days=(weekday - day.weekday()) % 7)
            turn = 0
            while day < NOW:
                vif = vifs[turn % len(vifs)]
                outcome = "PRACTICE_FAILED" if day.date().isoformat() in failed else "PRACTICE_SUCCEEDED"
                self.runs.append((day, vif, outcome))
                # A run takes its VIF out for 30 minutes (a failed one ends at the next pass).
                self.out[vif].append((day, day + timedelta(minutes=5 if outcome == "PRACTICE_FAILED" else 30), "test"))
                turn += 1
                day += timedelta(weeks=1)

    def healthy(self, vif, t):
        return not any(start <= t < end for start, end, _ in self.out[vif])

    def in_maintenance(self, vif, t):
        return any(start <= t < end and why == "maintenance" for start, end, why in self.out[vif])

    def not_proven(self, t):
        """VIFs whose last run (judged 5 minutes after it ended) did not succeed, was too long ago, or never was."""
        count = 0
        for vif in self.vifs:
            judged = [(d, o) for d, v, o in self.runs if v == vif and d + timedelta(minutes=35) <= t]
            last = max(judged, default=None)
            count += last is None or last[1] != "PRACTICE_SUCCEEDED" or t - last[0] > timedelta(
                days=PRACTICE_MAX_AGE_DAYS)
        return count


def vifs(prefix, n):
    return [f"dxvif-fg{prefix}{i:02d}x7" for i in range(1, n + 1)]


A, B, C = (a["id"] for a in FLEET["accounts"])
EU, US = FLEET["regions"]
_prod_eu, _prod_us, _dr_eu = vifs("p1", 4), vifs("p2", 3), vifs("d1", 3)
DEPLOYMENTS = [
    Deployment(A, EU, "StackSet-dx-failover-8e1f-DxFailoverFunction-K2M9QX4T7BZC", _prod_eu, 2, practice=(1, "10:00"),
               out=[(_prod_eu[1], at("09:52"), NOW, "test"), (_prod_eu[2], at("10:12"), NOW, "down")],
               decisions=[(at("09:52"), "FAILED_OVER"), (at("10:21"), "MINIMUM_REACHED")]),
    Deployment(A, US, "StackSet-dx-failover-3b7a-DxFailoverFunction-W8R1N5D0HJ6P", _prod_us, 2, practice=(1, "15:00"),
               out=[(_prod_us[0], at("03:10"), at("03:46"), "test"), (_prod_us[1], at("03:40"), at("05:30"), "down")],
               decisions=[(at("03:10"), "FAILED_OVER"), (at("03:45") + timedelta(seconds=2), "GIVEN_BACK")]),
    Deployment(B, EU, "StackSet-dx-failover-c40d-DxFailoverFunction-T3V6Y9A2E5GL", _dr_eu, 1, practice=(3, "09:00"),
               out=[(_dr_eu[2], at("02:00"), at("06:00"), "maintenance")]),
    Deployment(B, US, "StackSet-dx-failover-5f92-DxFailoverFunction-Q1S4U7X0Z3CF", vifs("d2", 2), 1,
               practice=(1, "14:00"), failed={"2026-12-01"}),
    Deployment(C, EU, "StackSet-dx-failover-a61e-DxFailoverFunction-H5J8L1N4P7RT", vifs("b1", 3), 1),
    Deployment(C, US, "StackSet-dx-failover-07cb-DxFailoverFunction-B6D9F2G5K8MW", vifs("b2", 2), 1,
               practice=(0, "11:00")),
]


def passes(start, end):
    """The reconcile pass every 5 minutes, from start to end."""
    t = start.replace(minute=start.minute - start.minute % 5, second=2, microsecond=0)
    while t < end:
        if t >= start:
            yield t
        t += timedelta(minutes=5)


def gauge(f, start, period, stat, step=timedelta(minutes=5)):
    """A gauge each pass writes, by Minimum or Maximum per period (over a day, read hourly: the same maximum here)."""
    out = []
    for b in svg.buckets(start, period, NOW):
        seen, t = [], b + timedelta(seconds=2)
        while t < min(b + period, NOW):
            if t >= start:
                seen.append(f(t))
            t += step
        if seen:
            out.append((b, (min if stat == "Minimum" else max)(seen)))
    return out


def counts(times, start, period):
    return [(b, n) for b in svg.buckets(start, period, NOW)
            if (n := sum(1 for t in times if b <= t < b + period))]


def data(d, metric, vif, start, period):
    """The series of one metric of deployment d (of one VIF) over [start, NOW), or []: none."""
    if metric == "HealthyVifs":
        return gauge(lambda p: sum(d.healthy(v, p) for v in d.vifs), start, period, "Minimum")
    if metric == "MarginOverMinimum":
        return gauge(lambda p: sum(d.healthy(v, p) for v in d.vifs) - d.min_vifs, start, period, "Minimum")
    if metric == "InMaintenance":
        return gauge(lambda p: int(d.in_maintenance(vif, p)), start, period, "Maximum")
    if metric == "VifsNotProven":
        return gauge(d.not_proven, start, period, "Maximum", timedelta(hours=1))
    if metric.startswith("PRACTICE_"):
        return counts([day + timedelta(minutes=35) for day, _, o in d.runs if o == metric], start, period)
    return counts([t for t, o in d.decisions if o == metric], start, period)


def dashboard_body():
    """The DashboardBody's block scalar in the template: the lines under "DashboardBody: |"."""
    lines = TEMPLATE.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == "DashboardBody: |") + 1
    out = []
    for line in lines[first:]:
        if line.strip() and not line.startswith("        "):
            break
        out.append(line)
    return json.loads("\n".join(out))


body = dashboard_body()
DASHBOARD = re.search(r"DashboardName: (\S+)", TEMPLATE).group(1)


def widget_series(props):
    """Every time series a graph shows: what each SEARCH finds in its account, in the widget's Region."""
    start = svg.ago(props.get("start", body["start"]), NOW)
    period = timedelta(seconds=props.get("period", 300))
    out = []
    for row in props["metrics"]:
        q = row[0]
        schema = re.match(r"SEARCH\('\{([^}]*)}", q["expression"]).group(1).split(",")
        names = re.findall(r'MetricName="(\w+)"', q["expression"])
        account = re.search(r':aws\.AccountId = "(\d{12})"', q["expression"]).group(1)
        for d in (d for d in DEPLOYMENTS if d.account == account and d.region == props["region"]):
            for name in names:
                for vif in (d.vifs if "VirtualInterfaceId" in schema else [None]):
                    points = data(d, name, vif, start, period)
                    if not points or points[-1][0] < NOW - svg.SEARCH_HORIZON:
                        continue
                    dims = {"Deployment": d.function, "VirtualInterfaceId": vif}
                    # Every label is dynamic: each found metric's name and dimension values in their places.
                    label = re.sub(r"\$\{PROP\('(?:Dim\.)?(\w+)'\)}", lambda m: {**dims, "MetricName": name}[m.group(1)],
                                   q["label"])
                    out.append(svg.Series(label, name, vif, points, q.get("yAxis") == "right", account=q["accountId"],
                                          region=props["region"], deployment=d.function))
    return start, out


def metric_widget(props, x, y, w, h):
    start, series = widget_series(props)
    return svg.metric_widget(props, x, y, w, h, start, series, NOW)


names = ", ".join(f'{a.get("name", a["id"])} {a["id"]}' for a in FLEET["accounts"])
picture = svg.page(body, {"dashboard": DASHBOARD, "monitoring-account": MONITORING_ACCOUNT,
                          "regions": ",".join(FLEET["regions"]),
                          "accounts": ",".join(a["id"] for a in FLEET["accounts"])},
                   DASHBOARD, f'{svg.ago(body["start"], NOW):%Y-%m-%d %H:%M} – {NOW:%Y-%m-%d %H:%M} UTC',
                   f'Monitoring account {MONITORING_ACCOUNT} · {names} · {", ".join(FLEET["regions"])} — '
                   'illustrative values',
                   {"metric": metric_widget, "text": svg.text_widget})
(ROOT / "images" / "fleet-dashboard.svg").write_text(picture)
