#!/usr/bin/env bash
# A fund file made by the release before schema 7 (release-0.1.cfund, see
# make_release_fund.sh) opens in this cfund, migrates, audits clean, keeps every
# journal row it had, and the verification codes of the notices it published still
# verify and are still what a notice of the same period and cut-off prints.
#
#   release_fund.sh CFUND_BINARY
set -u
cfund=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fund="$work/guihuali.cfund"
cp "$here/release-0.1.cfund" "$fund"
export CFUND_FUND="$fund" CFUND_OPERATOR=测试员 CFUND_NOW=2025-04-05T10:00:00+08:00 HOME="$work"
unset CFUND_LANG
failures=0
check() {
  if [ "$2" = ok ]; then echo "ok   $1"; else echo "FAIL $1${3:+: $3}"; failures=$((failures + 1)); fi
}
journal() {
  sqlite3 "$fund" "SELECT id, kind, date, recorded_at, operator, memo, approval_ref, reason, voids_entry, prev_hash, hash
                   FROM entries WHERE id <= 57 ORDER BY id; SELECT * FROM postings WHERE entry_id <= 57 ORDER BY entry_id, seq;
                   SELECT entry_id, receipt_year, receipt_seq, donor_id, donor_name, anonymous, form, amount, account_id,
                          designation_id, item, quantity, unit, external_ref, source_line, content_key
                   FROM donations ORDER BY entry_id;
                   SELECT * FROM publications ORDER BY entry_id;" | sha256sum
}
before=$(journal)
version_before=$(sqlite3 "$fund" "PRAGMA user_version")

audit=$("$cfund" audit 2>&1); status=$?
[ $status -eq 0 ] && check "the release's fund audits clean after migrating" ok || check "the release's fund audits clean after migrating" fail "$audit"
version_after=$(sqlite3 "$fund" "PRAGMA user_version")
[ "$version_before" = 6 ] && [ "$version_after" -gt 6 ] && check "schema $version_before migrated to $version_after" ok || check "migrated" fail "$version_before -> $version_after"
[ "$(journal)" = "$before" ] && check "every journal row of the release is unchanged" ok || check "journal rows unchanged" fail
# Its settings, accounts, designations and donors are put on the chain: one registry
# entry after the release's last, stating what the tables held.
stated=$(sqlite3 "$fund" "SELECT id FROM entries WHERE kind = 'registry'")
[ "$stated" = 58 ] && check "the registries are stated on the chain in entry 58" ok || check "registries stated" fail "$stated"
name=$(sqlite3 "$fund" "SELECT value FROM registry_facts WHERE entry_id = 58 AND subject = 'setting' AND field = 'name'")
[ "$name" = "$(sqlite3 "$fund" "SELECT value FROM fund_settings WHERE key = 'name'")" ] && [ -n "$name" ] &&
  check "the fund's name ($name) is among the facts stated" ok || check "the name stated" fail "$name"
"$cfund" audit > /dev/null && [ "$(sqlite3 "$fund" "SELECT COUNT(*) FROM entries WHERE kind = 'registry'")" = 1 ] &&
  check "opened again, nothing more is stated" ok || check "stated once" fail
sqlite3 "$fund" "UPDATE fund_settings SET value = '99999999' WHERE key = 'approval_threshold'"
out=$("$cfund" audit 2>&1)
echo "$out" | grep -q REGISTRY && check "a raw edit of a migrated fund's settings is found" ok || check "raw edit found" fail "$out"
sqlite3 "$fund" "UPDATE fund_settings SET value = (SELECT value FROM registry_facts WHERE entry_id = 58 AND field = 'approval_threshold') WHERE key = 'approval_threshold'"

while IFS='|' read -r entry period code cutoff; do
  out=$("$cfund" audit verify --code "$code" 2>&1); status=$?
  [ $status -eq 0 ] && check "the $period notice's code $code still verifies" ok || check "code $code verifies" fail "$out"
  notice=$("$cfund" publish --period "$period" --cutoff "$cutoff" --format md --dry-run 2>&1)
  echo "$notice" | grep -q "$code" && check "the $period notice made again at cut-off $cutoff prints $code" ok ||
    check "the $period notice made again prints $code" fail "$(echo "$notice" | tail -3)"
done < <(sqlite3 "$fund" "SELECT entry_id, period_label, code, cutoff_entry FROM publications ORDER BY entry_id")

# Goods given before goods were kept in stock stay what they were: listed, never in stock.
donations=$("$cfund" donate list --period 2025-03)
echo "$donations" | grep -q "大米" && check "the legacy goods donation is still listed" ok || check "legacy goods listed" fail
stock=$("$cfund" goods stock --json)
[ "$(echo "$stock" | grep -c '"item"')" = 0 ] && check "legacy goods are not in stock" ok || check "legacy goods not in stock" fail "$stock"
# The migrated fund goes on: a new donation of goods, given out, and the audit stays clean.
"$cfund" donate add --donor 惠民超市 --donor-type organisation --goods --item 大米 --quantity 10 --unit 袋 --value 600 --date 2025-04-03 > /dev/null &&
  "$cfund" goods give --item 大米 --quantity 4 --to 独居老人慰问 --date 2025-04-04 > /dev/null &&
  "$cfund" audit > /dev/null && check "goods kept in stock after migrating; audit clean" ok || check "goods after migrating" fail

# The community side (schema 10) on the migrated fund: a household, a volunteer and their
# hours, a wish; the money is as it was and the audit stays clean.
money=$("$cfund" fund show --json | grep -E '"(total_fen|restricted_total_fen)"')
"$cfund" household add --name 测试家庭户 > /dev/null &&
  "$cfund" volunteer add --name 测试志愿者 --phone 13700001234 > /dev/null &&
  "$cfund" service add --volunteer V0001 --hours 2.5 --date 2025-04-04 --activity 社区清扫 > /dev/null &&
  "$cfund" wish add --title 一个新书包 --category 学习用品 --estimate 120 --date 2025-04-04 > /dev/null &&
  "$cfund" audit > /dev/null && [ "$("$cfund" fund show --json | grep -E '"(total_fen|restricted_total_fen)"')" = "$money" ] &&
  check "community entries after migrating: money unchanged, audit clean" ok || check "community entries after migrating" fail

[ $failures -eq 0 ] && echo "release fund: all checks passed" || echo "release fund: $failures checks failed"
exit $((failures > 0))
