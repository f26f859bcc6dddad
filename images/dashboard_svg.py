"""Draws a CloudWatch dashboard body as an SVG the way the console shows it: one box per widget at its place on the
24-column grid, with its title; a metric widget's series, axes, horizontal lines and legend; a text widget's heading.
What to draw in each graph (its series, their points) is the caller's story: images/draw-dashboard.py (the stack's
dashboard) and images/draw-fleet-dashboard.py (the monitoring account's) share this module so that both pictures
look alike and each script holds only its own data.

Every drawn element that stands for something in the template carries it as data-* attributes (attrs), which the
tests read back against the template.
"""
import math
import re
from datetime import datetime, timedelta, timezone
from html import escape

UTC = timezone.utc
COL, ROW, TOP = 40, 34, 58
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf"]
INK, GREY, RULE = "#16191f", "#545b64", "#e9ebed"


# A SEARCH finds only the metrics that reported in the last two weeks.
SEARCH_HORIZON = timedelta(days=14)


def buckets(start, period, now):
    """The periods GetMetricData returns from start to now: each starts at a multiple of the period since the epoch."""
    s = int(period.total_seconds())
    t = datetime.fromtimestamp((int(start.timestamp()) + s - 1) // s * s, UTC)
    while t < now:
        yield t
        t += period


def width_of(text, size, bold=False):
    """About what DejaVu Sans (the widest of the fonts asked for) needs, in pixels."""
    em = sum(0.32 if c == " " else 0.40 if c in ".,:;'|()[]-/!ilj" else 0.72 if c.isupper() or c.isdigit() or c in "_@%"
             else 0.60 for c in text)
    return em * size * (1.1 if bold else 1)


def fit(text, width, size, bold=False):
    """The text, cut with an ellipsis to fit the width."""
    while text and width_of(text, size, bold) > width:
        text = text[:-2] + "…" if len(text) > 1 else ""
    return text


def t(x, y, s, size=10, fill=INK, extra=""):
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}"{extra}>{escape(s)}</text>'


def attrs(**kw):
    return "".join(f' data-{k.replace("_", "-")}="{escape(str(v))}"' for k, v in kw.items() if v is not None)


class Series:
    """One line (or stack of bars) of a graph: its legend label, the metric it is, its points [(time, value)], and
    what else the picture names it by (marks: data-* attributes, such as the VIF or the account)."""

    def __init__(self, label, metric, vif, points, right=False, **marks):
        self.label, self.metric, self.vif, self.points, self.right = label, metric, vif, points, right
        self.marks = marks


def ago(duration, now):
    """A dashboard's relative "start" ("-PT24H", "-P90D") as a time."""
    m = re.fullmatch(r"-P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?", duration)
    return now - timedelta(days=int(m.group(1) or 0), hours=int(m.group(2) or 0), minutes=int(m.group(3) or 0))


def nice(top):
    if top <= 0:
        return 1
    exp = 10 ** math.floor(math.log10(top))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * exp >= top:
            return m * exp


def ticks(lo, hi):
    step = nice((hi - lo) / 4)
    for m in (1, 2, 2.5, 5, 10):
        s = m * 10 ** math.floor(math.log10(step))
        if s >= step:
            step = s
            break
    v, out = math.ceil(lo / step - 1e-9) * step, []
    while v <= hi + 1e-9:
        out.append(v)
        v += step
    return out


def tick_label(v, bits):
    if bits:
        return "0" if v == 0 else f"{v / 1e9:g}G" if v >= 1e9 else f"{v / 1e6:g}M"
    return f"{v:g}"


def axis_range(spec, series, annotations, stacked):
    # No "min": CloudWatch's own scale, from 0 unless a value is below it (a margin that went negative).
    lo = spec["min"] if "min" in spec else min([0] + [v for s in series for _, v in s.points])
    if "max" in spec:
        return lo, spec["max"]
    if stacked:
        totals = {}
        for s in series:
            for b, v in s.points:
                totals[b] = totals.get(b, 0) + v
        top = max(totals.values(), default=0)
    else:
        top = max((v for s in series for _, v in s.points), default=0)
    top = max([top] + [a["value"] for a in annotations])
    return lo, nice(top * 1.1)


def time_ticks(start, now, x0, w):
    span = now - start
    if span > timedelta(days=2):
        marks = [datetime(y, m, d, tzinfo=UTC) for y in range(start.year, now.year + 1) for m in range(1, 13)
                 for d in (1, 15)]
        return [(x0 + (m - start) / span * w, m.strftime("%m/%d")) for m in marks if start <= m <= now]
    step = 3 if w > 360 else 6
    first = start.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    out, m = [], first
    while m <= now:
        if m.hour % step == 0:
            out.append((x0 + (m - start) / span * w, m.strftime("%m/%d") if m.hour == 0 else m.strftime("%H:%M")))
        m += timedelta(hours=1)
    return out


def legend(series, x, y, w, colours):
    """CloudWatch's legend under the graph: a swatch and the label, items flowing over lines."""
    parts, cx, cy = [], x, y
    for s, c in zip(series, colours):
        iw = 13 + width_of(s.label, 9) + 12
        if cx > x and cx + iw > x + w:
            cx, cy = x, cy + 13
        parts.append(f'<rect x="{cx:.1f}" y="{cy - 7:.1f}" width="9" height="9" fill="{c}"/>')
        parts.append(t(cx + 13, cy + 1, fit(s.label, w - 14, 9), 9, GREY))
        cx += iw
    return parts, cy - y + 13


def legend_height(series, w):
    return legend(series, 0, 0, w, [PALETTE[0]] * len(series))[1]


def metric_widget(props, x, y, w, h, start, series, now):
    """A graph of the given series from start to now, with the widget's axes, stacking and horizontal lines."""
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(series))]
    stacked = props.get("stacked", False)
    annotations = props.get("annotations", {}).get("horizontal", [])
    bits = any(s.metric.startswith("VirtualInterfaceBps") for s in series)
    right = [s for s in series if s.right]
    pad_l, pad_r = 34, (26 if right else 10)
    legend_h = legend_height(series, w - 16)
    px0, px1 = x + pad_l, x + w - pad_r
    py0, py1 = y + 34 + (10 if bits else 0), y + h - 22 - legend_h
    parts = []
    y_axes = props.get("yAxis", {})
    lo, hi = axis_range(y_axes.get("left", {}), [s for s in series if not s.right], annotations, stacked)
    rlo, rhi = axis_range(y_axes.get("right", {}), right, [], stacked) if right else (lo, hi)
    if right and hi / 2 <= rhi <= hi:
        rlo, rhi = lo, hi   # counts of the same size read best on one scale

    def ypos(v, r=False):
        a, b = (rlo, rhi) if r else (lo, hi)
        return py1 - (v - a) / (b - a) * (py1 - py0)

    for v in ticks(lo, hi):
        parts.append(f'<line x1="{px0}" y1="{ypos(v):.1f}" x2="{px1}" y2="{ypos(v):.1f}" stroke="{RULE}"/>')
        parts.append(t(px0 - 4, ypos(v) + 3, tick_label(v, bits), 9, GREY, ' text-anchor="end"'))
    for v in ticks(rlo, rhi) if right else []:
        parts.append(t(px1 + 4, ypos(v, True) + 3, tick_label(v, False), 9, GREY))
    if bits:
        parts.append(t(px0 - 30, py0 - 6, "Bits/Second", 9, GREY))
    for tx, label in time_ticks(start, now, px0, px1 - px0):
        parts.append(f'<line x1="{tx:.1f}" y1="{py1}" x2="{tx:.1f}" y2="{py1 + 3}" stroke="#aab7b8"/>')
        parts.append(t(tx, py1 + 13, label, 9, GREY, ' text-anchor="middle"'))
    parts.append(f'<line x1="{px0}" y1="{py1}" x2="{px1}" y2="{py1}" stroke="#aab7b8"/>')
    span = (now - start).total_seconds()
    period = props.get("period", 300)

    def xpos(b):
        return px0 + ((b - start).total_seconds() + period / 2) / span * (px1 - px0)

    base = {}
    for s, c in zip(series, colours):
        tag = attrs(series=s.metric, vif=s.vif, **s.marks)
        if stacked:
            bw = max(3.0, period / span * (px1 - px0))
            for b, v in s.points:
                if v:
                    y0 = base.get(b, 0)
                    parts.append(f'<rect{tag} x="{xpos(b) - bw / 2:.1f}" y="{ypos(y0 + v):.1f}" width="{bw:.1f}" '
                                 f'height="{ypos(y0) - ypos(y0 + v):.1f}" fill="{c}"/>')
                    base[b] = y0 + v
            continue
        runs, run, step = [], [], timedelta(seconds=period)
        for b, v in s.points:
            if run and b - run[-1][0] > step:
                runs.append(run)
                run = []
            run.append((b, v))
        runs.append(run)
        for run in runs:
            if len(run) == 1:
                b, v = run[0]
                parts.append(f'<circle{tag} cx="{xpos(b):.1f}" cy="{ypos(v, s.right):.1f}" r="3" fill="{c}"/>')
            elif run:
                pts = " ".join(f"{xpos(b):.1f},{ypos(v, s.right):.1f}" for b, v in run)
                parts.append(f'<polyline{tag} points="{pts}" fill="none" stroke="{c}" stroke-width="1.4"/>')
    for a in annotations:
        ay = ypos(a["value"])
        parts.append(f'<line{attrs(annotation=a["label"], value=a["value"])} x1="{px0}" y1="{ay:.1f}" x2="{px1}" '
                     f'y2="{ay:.1f}" stroke="{a.get("color", "#d62728")}" stroke-dasharray="5,3"/>')
        parts.append(t(px0 + 4, ay - 3, f'{a["label"]} {a["value"]:g}', 9, a.get("color", "#d62728")))
    if not series:
        parts.append(t((px0 + px1) / 2, (py0 + py1) / 2, "No data available.", 10, GREY, ' text-anchor="middle"'))
    lg, _ = legend(series, x + 8, py1 + 29, w - 16, colours)
    return parts + lg


def text_widget(props, x, y, w, h):
    """A text widget's Markdown, its first line as a heading (the fleet dashboard's Region headers)."""
    line = props["markdown"].splitlines()[0].lstrip("# ").strip()
    return [t(x + 8, y + h / 2 + 5, fit(line, w - 16, 13, True), 13, INK, ' font-weight="bold"' + attrs(text=line))]


def page(body, root, title, time_range, subtitle, kinds):
    """The whole picture: a header, then each widget of the body in its box, drawn by kinds[its type]."""
    height = TOP + max(w["y"] + w["height"] for w in body["widgets"]) * ROW + 8
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="960" height="{height}" viewBox="0 0 960 {height}" '
           'font-family="Helvetica, Arial, sans-serif" font-size="11"' + attrs(**root) + '>',
           '<rect width="960" height="100%" fill="#f2f3f3"/>',
           t(8, 22, title, 16, INK, ' font-weight="bold"'),
           t(952, 22, time_range, 11, GREY, ' text-anchor="end"'),
           t(8, 42, subtitle, 10, GREY)]
    for widget in body["widgets"]:
        p = widget["properties"]
        x, y = widget["x"] * COL + 4, TOP + widget["y"] * ROW + 4
        w, h = widget["width"] * COL - 8, widget["height"] * ROW - 8
        name = p.get("title", p.get("markdown", ""))
        out.append(f'<g data-widget="{escape(name)}" data-grid="{widget["x"]},{widget["y"]},'
                   f'{widget["width"]},{widget["height"]}">')
        out.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#ffffff" stroke="#d5dbdb"/>')
        if "title" in p:
            size = next((z for z in (12, 11.5, 11) if width_of(p["title"], z, True) <= w - 16), 11)
            out.append(t(x + 8, y + 17, fit(p["title"], w - 16, size, True), size, INK, ' font-weight="bold"'))
        out += kinds[widget["type"]](p, x, y, w, h)
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"
