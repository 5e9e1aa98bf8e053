# Sourced by the tests in tests/annual/ after they set $binary and $repo: a fresh
# temporary folder (the current one from here on, removed on exit) with the fixed
# operator, no personal configuration, `cfund` and `examples` defined as
# run_case.sh defines them, and, with `make_fixture_fund`, the fixture fund of the
# e2e case annual_report (tests/e2e/fixtures/annual_fund.sh) as fund.cfund.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export CFUND_OPERATOR="测试员" HOME="$work" LANG=C.UTF-8 TZ=Asia/Shanghai
unset CFUND_FUND CFUND_LANG CFUND_CONFIG
cfund() { "$binary" "$@"; }
examples="$repo/examples"
make_fixture_fund() {
  (source "$repo/tests/e2e/fixtures/annual_fund.sh" > fixture.log 2>&1) || { cat fixture.log; exit 1; }
}
