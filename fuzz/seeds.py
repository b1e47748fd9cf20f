#!/usr/bin/env python3
"""Writes the seed corpora and dictionaries of the fuzz targets from the repository's files.

    python3 fuzz/seeds.py OUT_DIR PROFILE_JSON...

OUT_DIR/<target>/ gets the seeds of each target and OUT_DIR/<target>.dict its dictionary.
The profiles are given as files (`tthc-score profiles show ID`). Numbers are copied from
the fixtures as their text, never through a float. Run by scripts/fuzz.sh.
"""

import glob
import hashlib
import json
import os
import random
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DEC = json.JSONDecoder()
WS = " \t\r\n"


def members(text):
    """The members of a top-level JSON object as {key: raw value text} (numbers keep their text)."""
    i = 0
    text = text.lstrip("\ufeff")
    while text[i] in WS:
        i += 1
    assert text[i] == "{", "an object"
    i += 1
    out = {}
    while True:
        while text[i] in WS + ",":
            i += 1
        if text[i] == "}":
            return out
        key, i = json.decoder.scanstring(text, i + 1)
        while text[i] in WS + ":":
            i += 1
        _, j = DEC.raw_decode(text, i)
        out[key] = text[i:j]
        i = j


def write(directory, data):
    os.makedirs(directory, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def dictionary(path, words):
    with open(path, "w") as f:
        for w in sorted(set(words)):
            if not w or len(w.encode()) > 64:
                continue
            esc = "".join(
                c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else "".join(f"\\x{b:02x}" for b in c.encode())
                for c in w
            )
            f.write(f'"{esc}"\n')


def strings_and_keys(value, out):
    """Every key and string of a JSON value (numbers as their text)."""
    if isinstance(value, dict):
        for k, v in value.items():
            out.append(f'"{k}"')
            strings_and_keys(v, out)
    elif isinstance(value, list):
        for v in value:
            strings_and_keys(v, out)
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))


# Options → the selector byte of score_json (bits 0–1 profile, 2–7 interpretations).
PROFILE_BITS = {None: 0, "dien-bien-2019": 1, "tt01-2018": 2}
ALTERNATIVES = [
    ("levelSource", "facts"),
    ("onlineShareBase", "newlyReceived"),
    ("onlineHighShareLowDeployment", "levelZero"),
    ("notApplicable", "unscaled"),
    ("ratingBasis", "exactTotal"),
    ("lateAttitude", "one"),
]


def selector(options):
    s = PROFILE_BITS.get(options.get("profile"), 3)
    for i, (k, v) in enumerate(ALTERNATIVES):
        if options.get("interpretations", {}).get(k) == v:
            s |= 1 << (2 + i)
    return s


def score_json(out, words):
    d = os.path.join(out, "score_json")
    rnd = random.Random(8)
    reports = []
    for f in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/*.json"))):
        m = members(open(f, encoding="utf-8").read())
        if "input" in m:
            reports.append((m["input"], m.get("options")))
    for f in sorted(glob.glob(os.path.join(ROOT, "examples/*.json"))):
        text = open(f, encoding="utf-8").read()
        if '"period"' in text:
            reports.append((text, None))
    for text, options in reports:
        o = json.loads(options) if options else {}
        write(d, bytes([selector(o)]) + text.encode())
        write(d, bytes([rnd.randrange(256)]) + text.encode())
        if options:
            write(d, b"\x00" + text.encode() + b"\x00" + options.encode())
        strings_and_keys(json.loads(text), words)
    # The shapes of every scalar field, a byte-order mark.
    write(d, b"\x00\xef\xbb\xbf" + reports[0][0].encode())
    words += [
        "2e0", "-0", "1.5", "-1", "9007199254740991", "9007199254740992", "4503599627370495.5",
        "19.999999999999999", "1e400", "NaN", '"NaN"', '"Infinity"', "null", "true", "[]", "{}",
        '"12.5"', '"9,5"', '"notApplicable"', '"unknown"', '"declared"', '"scores"', '"total"',
        '"totalTime"', '"agencyTime"', '"onlineServices"', '"oneStop"', '"publicity"', '"feedback"',
        '"attitude"', '"contacts"', '"agencies"', '"prolonged"', '"handledOnTime"', '"received"',
        '"deployedPercent"', '"onlineUnresolvedOrLate"', '"receivedAtDeskPercent"',
        '"approvedAtDeskPercent"', '"posted"', '"electronic"', '"ministry"', '"province"',
        '"department"', '"district"', '"commune"', '"month"', '"quarter"', '"year"',
        '"interpretations"', '"profile"', '"format"', '"lang"', '"markdown"', '"html"', '"csv"',
        '"table"', '"vi"', '"en"', "\\u0000", "\\n", "<script>", "&amp;", "|", "`", "- ", "+ ",
        "1. ", "=cmd|' /C calc'!A0", "@", "\u2028", "\ufeff",
    ]
    words += [f'"{k}"' for k, _ in ALTERNATIVES] + [f'"{v}"' for _, v in ALTERNATIVES]


def profile(out, words, profiles):
    d = os.path.join(out, "profile")
    for f in profiles:
        text = open(f, encoding="utf-8").read()
        write(d, text)
        p = json.loads(text)
        strings_and_keys(p, words)
        write(d, json.dumps(p, separators=(",", ":"), ensure_ascii=False))
        q = json.loads(text)
        q["rounding"].update(indicatorDecimals=8, totalDecimals=8, maximumDecimals=0)
        q["unitBands"][0]["min"] = "14.995"
        q["interpretations"]["ratingBasis"] = "exactTotal"
        write(d, json.dumps(q, ensure_ascii=False))
        q = json.loads(text)
        q["officialBands"] = [{"min": "0", "code": "<b>", "label": {"vi": "- a\n# b", "en": "=1+2|x"}}]
        q["rounding"]["totalOfRoundedIndicators"] = not q["rounding"]["totalOfRoundedIndicators"]
        write(d, json.dumps(q, ensure_ascii=False))
    words += ['"halfUp"', '"halfEven"', '"dienBienShareAtDesk"', '"tt01ApprovedAtDesk"', "8", "9",
              "4294967295", '"0"', '"-0"', '"18"', '"1e-28"', '"79228162514264337593543950335"']


def dossier_csv(out, words):
    d = os.path.join(out, "dossier_csv")
    periods = ["2021-Q2", "2021-06", "2021", "2019-Q1", "2026-Q4", "2030-Q1", "2021-Q1", "2024-Q2"]
    lines = open(os.path.join(ROOT, "examples/dossiers-2021-q2.csv"), encoding="utf-8").read().splitlines()
    head, rows = lines[0], lines[1:]
    rnd = random.Random(7)
    for k in range(0, len(rows), 25):
        piece = "\n".join([head] + rows[k : k + 25]) + "\n"
        s0 = periods.index("2021-Q2") | (rnd.randrange(32) << 3)
        write(d, bytes([s0, rnd.randrange(256)]) + piece.encode())
    # Columns in another order, CRLF, a byte-order mark, quoted cells.
    cols = head.split(",")
    order = list(range(len(cols)))
    rnd.shuffle(order)
    shuffled = [",".join(r.split(",")[i] for i in order) for r in [head] + rows[:20]]
    write(d, bytes([0, 0]) + ("\ufeff" + "\r\n".join(shuffled) + "\r\n").encode())
    quoted = ['"' + r.replace(",", '","') + '"' for r in [head] + rows[20:30]]
    write(d, bytes([8, 0x40]) + ("\ufeff" + "\n".join(quoted)).encode())
    for f in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/dossiers/*.json"))):
        fx = json.load(open(f, encoding="utf-8"))
        o = fx.get("options", {})
        s0 = periods.index(o["period"]) if o.get("period") in periods else 0
        s1 = 0x80 if "unitFacts" in fx else 0
        text = "\n".join(fx["csv"]) + "\n"
        write(d, bytes([s0, s1]) + text.encode())
        write(d, bytes([s0 | 0xF8, s1 | 0x30]) + text.replace("\n", "\r\n").encode())
    for c in cols:
        words.append(c)
    words += [",", '"', '""', "\r\n", "\n", "\ufeff", "online", "direct", "post", "early", "on_time",
              "late", "none", "desk", "several", "upheld", "unfounded", "T09:00", " 16:59:59",
              "+07:00", "Z", "2021-06-07", "2026-12-31", "2019-01-01", "0.5", "1.5", "3650", "3650.5"]


DATE_TIMES = [
    "2021-06-07T08:30", "2021-06-07 08:30:15", "2021-06-07T23:59:59+07:00", "2021-06-07T00:00+07:00",
    "2021-06-07T08:30Z", "2021-06-07T08:30:00+08:00", "2021-06-07T08:30-05:00", "2021-06-07T08:30+0700",
    "07/06/2021 08:30", "2021-6-7T08:30", "2021-06-07", "2024-02-29", "2023-02-29T08:00",
    "2021-06-07T24:00", "2021-06-07T12:60", "0000-01-01", "9999-12-31T23:59:59", "1900-02-29",
    "2000-02-29 12:00:00+07:00", "2021-06-07T08:30:60",
]


def datetime(out, words):
    d = os.path.join(out, "datetime")
    cells = set(DATE_TIMES)
    lines = open(os.path.join(ROOT, "examples/dossiers-2021-q2.csv"), encoding="utf-8").read().splitlines()
    for r in lines[1:60]:
        for c in r.split(","):
            if c[:2] == "20":
                cells.add(c)
    for c in sorted(cells):
        write(d, c)
    words += ["T", " ", ":", "-", "+07:00", "+08:00", "Z", "00", "23", "59", "60", "02-29", "12-31"]


def calendar(out):
    d = os.path.join(out, "calendar")
    rnd = random.Random(5)
    for n in (0, 8, 16, 24, 40, 64):
        write(d, bytes(rnd.randrange(256) for _ in range(n)))


def main():
    out, profiles = sys.argv[1], sys.argv[2:]
    for t, fill in [("score_json", score_json), ("dossier_csv", dossier_csv), ("datetime", datetime)]:
        words = []
        fill(out, words)
        dictionary(os.path.join(out, t + ".dict"), words)
    words = []
    profile(out, words, profiles)
    dictionary(os.path.join(out, "profile.dict"), words)
    calendar(out)


if __name__ == "__main__":
    main()
