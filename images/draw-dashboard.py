#!/usr/bin/env python3
"""Draws images/dashboard.svg from the dashboard template.yaml defines: one box per widget at its
place on CloudWatch's 24-column grid, with its title, what it graphs, and a sketch of its kind
(lines, bars, alarm list, log table). The curves are sketches, not data. DashboardTest checks that
the picture still matches the template. Run from the project's root, then render the PNG:

    images/draw-dashboard.py && rsvg-convert -w 960 images/dashboard.svg -o images/dashboard.png
"""
import json
import re
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
template = (ROOT / "template.yaml").read_text()

# The DashboardBody block scalar, with the template's substitutions filled in with sample values.
block = re.search(r"DashboardBody: !Sub\n\s+- \|\n(.*?)\n\s+- VifTerms:", template, re.S).group(1)
sample = {"AWS::Region": "eu-west-1", "MinVifs": "1", "PracticeMaxAgeDays": "35", "MaxUtilization": "80",
          "FunctionLogGroup": "/aws/lambda/my-dx-dx-failover", "ProofAlarm": "",
          "VifTerms": 'dxvif-a\\" OR VirtualInterfaceId=\\"dxvif-b\\" OR VirtualInterfaceId=\\"dxvif-c'}
body = json.loads(re.sub(r"\$\{([^}]+)}", lambda m: sample.get(m.group(1), "arn:" + m.group(1)), block))
# Every alarm of the stack, the practice one included (it exists with a practice schedule).
alarm_names = [n.replace("${AWS::StackName}", "my-dx").replace("${PracticeMaxAgeDays}", "35")
               for n in re.findall(r'AlarmName: !Sub "([^"]+)"', template)]

COL, ROW, TOP = 40, 20, 36
height = TOP + max(w["y"] + w["height"] for w in body["widgets"]) * ROW + 8
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="960" height="{height}" viewBox="0 0 960 {height}" '
       'font-family="Helvetica, Arial, sans-serif" font-size="11">',
       '<rect width="960" height="100%" fill="#f2f3f3"/>',
       '<text x="8" y="24" font-size="15" font-weight="bold" fill="#16191f">'
       'CloudWatch dashboard my-dx-dx-failover (stack my-dx, VifList dxvif-a,dxvif-b,dxvif-c) — a sketch, '
       'not data</text>']
COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"]


def graphed(props):
    """What a metric widget graphs, in words: metric names, per VIF for a search, and its lines."""
    names, per_vif = [], False
    for row in props.get("metrics", []):
        if isinstance(row[0], dict):
            per_vif = True
            names += re.findall(r'MetricName=\\?"(\w+)\\?"', row[0]["expression"])
        else:
            names.append(row[1])
    ns = "AWS/DX" if any(n.startswith("VirtualInterface") for n in names) else "DxFailover"
    words = ns + ": " + ", ".join(names)
    if per_vif:
        words += " · per listed VIF"
    for a in props.get("annotations", {}).get("horizontal", []):
        words += " · line at " + a["label"]
    return words


def wrap(text, width):
    """Lines of at most `width` pixels at about 6 px a character, on word boundaries."""
    limit, lines, line = int(width / 6), [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word).strip()
    return lines + [line]


def fit(text, width):
    limit = int(width / 6)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def sketch(kind, x, y, w, h, series, seed):
    """Lines or bars in the widget's plot area; deterministic, so the file changes only with the template."""
    parts = [f'<line x1="{x}" y1="{y + h}" x2="{x + w}" y2="{y + h}" stroke="#aab7b8"/>']
    for s in range(series):
        pts = []
        for i in range(13):
            v = ((seed * 7 + s * 13 + i * (5 + s)) % 10) / 10
            pts.append((x + i * w / 12, y + h - (0.15 + 0.7 * (v * 0.4 + 0.3 * (s + 1) / series)) * h))
        if kind == "bar":
            for i, (px, py) in enumerate(pts[::2]):
                bw = w / 7 / max(series, 1) - 2
                bx = x + i * w / 7 + s * (bw + 1)
                parts.append(f'<rect x="{bx:.1f}" y="{py:.1f}" width="{bw:.1f}" height="{y + h - py:.1f}" '
                             f'fill="{COLORS[s % 5]}" opacity="0.8"/>')
        else:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{COLORS[s % 5]}" stroke-width="1.5"/>')
    return parts


for n, widget in enumerate(body["widgets"]):
    p = widget["properties"]
    x, y = widget["x"] * COL + 4, TOP + widget["y"] * ROW + 4
    w, h = widget["width"] * COL - 8, widget["height"] * ROW - 8
    out.append(f'<g data-widget="{escape(p["title"])}" data-grid="{widget["x"]},{widget["y"]},'
               f'{widget["width"]},{widget["height"]}">')
    out.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#ffffff" stroke="#d5dbdb"/>')
    out.append(f'<text x="{x + 8}" y="{y + 16}" font-size="12" font-weight="bold" fill="#16191f">'
               f'{escape(fit(p["title"], w - 16))}</text>')
    if widget["type"] == "metric":
        lines = wrap(graphed(p), w - 16)
        for i, line in enumerate(lines):
            out.append(f'<text x="{x + 8}" y="{y + 31 + i * 13}" fill="#545b64">{escape(line)}</text>')
        rows = len(p["metrics"])
        series = 3 * rows if isinstance(p["metrics"][0][0], dict) else rows
        top = y + 38 + len(lines) * 13
        out += sketch(p.get("view"), x + 10, top, w - 20, y + h - 10 - top, min(series, 5), n)
    elif widget["type"] == "alarm":
        for i, name in enumerate(alarm_names):
            # The sketch's story: a VIF was just taken out, so the first alarm is in ALARM.
            state, colour = ("ALARM", "#d13212") if i == 0 else ("OK", "#1d8102")
            out.append(f'<circle cx="{x + 14}" cy="{y + 36 + i * 16}" r="4" fill="{colour}"/>')
            out.append(f'<text x="{x + 24}" y="{y + 40 + i * 16}" fill="#16191f">'
                       f'{escape(fit(state + "  " + name, w - 30))}</text>')
    else:
        columns = re.search(r"display (.*)$", p["query"]).group(1).split(", ")
        for c, col in enumerate(columns):
            out.append(f'<text x="{x + 8 + c * 150}" y="{y + 36}" font-weight="bold" fill="#545b64">'
                       f'{escape(col)}</text>')
        example = [["2026-12-01 10:05", "RECONCILED", "none", "outcome=RECONCILED vif=none dryRun=false reason=…"],
                   ["2026-12-01 10:05", "FAILED_OVER", "dxvif-a", "reconcile: outcome=FAILED_OVER vif=dxvif-a alarm=dxvif-a loss reason=…"],
                   ["2026-12-01 09:58", "MINIMUM_REACHED", "dxvif-b", "outcome=MINIMUM_REACHED vif=dxvif-b dryRun=false reason=…"]]
        for r, values in enumerate(example):
            for c, v in enumerate(values):
                out.append(f'<text x="{x + 8 + c * 150}" y="{y + 54 + r * 16}" fill="#16191f">{escape(v)}</text>')
        out.append(f'<text x="{x + 8}" y="{y + h - 8}" fill="#545b64">{escape(fit("Logs Insights: " + p["query"], w - 16))}</text>')
    out.append("</g>")
out.append("</svg>")
(ROOT / "images" / "dashboard.svg").write_text("\n".join(out) + "\n")
