#!/usr/bin/env python3
"""The warehouse's SQL answers against cfund rollup's figures, to the fen.

    compare.py WORK sql_run

WORK holds the roll-ups (year/, june/: cfund --lang en rollup --format csv) and the
cluster's socket (sock/). The SQL is the SQL of docs/warehouse.md. Exits 1 on any
difference, naming the fund or town and the figure.
"""
import csv
import os
import subprocess
import sys

work = sys.argv[1]
failures = []


def sql(query):
    done = subprocess.run(["psql", "-X", "-q", "-h", os.path.join(work, "sock"), "-U", "cfund", "-d", "postgres",
                           "-v", "ON_ERROR_STOP=1", "-At", "-F", "\t", "-c", query],
                          capture_output=True, text=True, check=True)
    return [line.split("\t") for line in done.stdout.splitlines() if line]


def table(folder, stem, name):
    with open(os.path.join(work, folder, f"{stem}-{name}.csv"), encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def fen(text):
    text = text.strip()
    if not text:
        return 0
    negative = text.startswith("-")
    whole, _, cents = text.lstrip("-").partition(".")
    value = int(whole) * 100 + int((cents + "00")[:2])
    return -value if negative else value


def check(what, expected, actual):
    if expected != actual:
        failures.append(f"{what}: rollup {expected}, SQL {actual}")


def period_figures(group, first, last):
    # Opening and closing: the money designations' balances; opening balances brought
    # forward in the period join the opening; income by its flow's kind; spending = payments.
    return sql(f"""
SELECT f.{group},
       -COALESCE(SUM(p.amount_fen) FILTER (WHERE p.date < '{first}' OR p.flow_kind = 'opening'), 0),
       -COALESCE(SUM(p.amount_fen) FILTER (WHERE p.date >= '{first}' AND p.flow_kind = 'donation'), 0),
       -COALESCE(SUM(p.amount_fen) FILTER (WHERE p.date >= '{first}'
                                             AND p.flow_kind IN ('donation', 'income', 'goods_sale')), 0),
       COALESCE(SUM(p.amount_fen) FILTER (WHERE p.date >= '{first}' AND p.flow_kind = 'disbursement'), 0),
       -SUM(p.amount_fen)
  FROM funds f
  JOIN postings p ON p.fund_key = f.fund_key AND p.date <= '{last}'
  JOIN designations g ON g.fund_key = p.fund_key AND g.designation_id = p.designation_id AND g.kind <> 'goods'
 GROUP BY f.{group} ORDER BY 1""")


def households(group, first, last):
    return dict(sql(f"""
SELECT f.{group}, COUNT(DISTINCT (y.fund_key, y.beneficiary_code))
  FROM funds f
  JOIN payments y ON y.fund_key = f.fund_key
  JOIN entries e ON e.fund_key = y.fund_key AND e.entry_id = y.entry_id
 WHERE y.category = 'relief' AND e.date BETWEEN '{first}' AND '{last}'
   AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.fund_key = e.fund_key AND v.voids_entry = e.entry_id)
 GROUP BY f.{group}"""))


def compare_period(folder, stem, first, last):
    funds = {row["Fund"]: row for row in table(folder, stem, "funds")}
    helped = households("name", first, last)
    for name, opening, donations, income, spending, closing in period_figures("name", first, last):
        row = funds.pop(name, None)
        if row is None:
            failures.append(f"{stem}: fund {name} is in SQL, not in the roll-up")
            continue
        for label, value in (("Opening", opening), ("Donations", donations), ("Total income", income),
                             ("Total spending", spending), ("Closing", closing)):
            check(f"{stem} {name} {label}", fen(row[label]), int(value))
        check(f"{stem} {name} relief households", int(row["Relief households"]), int(helped.get(name, 0)))
    for name in funds:
        failures.append(f"{stem}: fund {name} is in the roll-up, not in SQL")
    towns = {row["Town"]: row for row in table(folder, stem, "towns")}
    helped = households("town", first, last)
    for town, opening, donations, income, spending, closing in period_figures("town", first, last):
        row = towns.get(town)
        if row is None:
            failures.append(f"{stem}: town {town} missing from the roll-up")
            continue
        for label, value in (("Opening", opening), ("Total income", income), ("Total spending", spending),
                             ("Closing", closing)):
            check(f"{stem} town {town} {label}", fen(row[label]), int(value))
        check(f"{stem} town {town} relief households", int(row["Relief households"]), int(helped.get(town, 0)))
    return len(funds)


def compare_ratios(year):
    missed = sql(f"""
WITH y AS (
  SELECT f.name, f.charitable_ratio_check, f.charitable_ratio_min, f.management_ratio_check,
         f.management_ratio_max, f.management_ratio_floor_fen,
         COALESCE(SUM(p.amount_fen) FILTER (WHERE p.ratio_role = 'charitable'
                                            AND p.date BETWEEN '{year}-01-01' AND '{year}-12-31'), 0) AS charitable,
         -COALESCE(SUM(p.amount_fen) FILTER (WHERE p.ratio_role = 'income'
                                             AND p.date BETWEEN '{year - 1}-01-01' AND '{year - 1}-12-31'), 0)
           AS last_income,
         COALESCE(SUM(p.amount_fen) FILTER (WHERE p.ratio_role = 'management'
                                            AND p.date BETWEEN '{year}-01-01' AND '{year}-12-31'), 0) AS management,
         COALESCE(SUM(p.amount_fen) FILTER (WHERE p.ratio_role IN ('charitable', 'management', 'other_cost')
                                            AND p.date BETWEEN '{year}-01-01' AND '{year}-12-31'), 0) AS spending
    FROM funds f LEFT JOIN postings p ON p.fund_key = f.fund_key
   GROUP BY f.fund_key, f.name, f.charitable_ratio_check, f.charitable_ratio_min, f.management_ratio_check,
            f.management_ratio_max, f.management_ratio_floor_fen)
SELECT name FROM y
 WHERE (charitable_ratio_check AND last_income > 0 AND charitable * 100 < last_income * charitable_ratio_min)
    OR (management_ratio_check AND spending > 0 AND management >= management_ratio_floor_fen
        AND management * 100 > spending * management_ratio_max)
 ORDER BY name""")
    expected = sorted(row["Fund"] for row in table("year", "rollup-2025", "ratios") if row["Town"])
    check(f"funds below the yearly ratios of {year}", expected, sorted(r[0] for r in missed))
    return len(expected)


def compare_projects():
    stages = {"proposed": "proposed", "under_review": "under review", "approved": "approved",
              "rejected": "rejected", "in_progress": "in progress", "completed": "completed",
              "evaluated": "evaluated", "closed": "closed", "cancelled": "cancelled"}
    towns = {row["Town"]: row for row in table("year", "rollup-2025", "towns")}
    for town, stage, count in sql("SELECT f.town, p.stage, COUNT(*) FROM projects p "
                                  "JOIN funds f ON f.fund_key = p.fund_key GROUP BY 1, 2 ORDER BY 1, 2"):
        check(f"projects of {town} {stage}", int(towns[town].get("Projects: " + stages[stage], "0") or 0), int(count))


if __name__ == "__main__":
    funds = compare_period("year", "rollup-2025", "2025-01-01", "2025-12-31")
    compare_period("june", "rollup-2025-06", "2025-06-01", "2025-06-30")
    missed = compare_ratios(2025)
    compare_projects()
    if failures:
        print("FAIL: the warehouse's SQL disagrees with cfund rollup:")
        for failure in failures:
            print("  " + failure)
        sys.exit(1)
    print(f"ok: SQL equals the roll-up to the fen (2025 and 2025-06, by fund and by town; relief households; "
          f"{missed} funds below a ratio; projects by stage)")
