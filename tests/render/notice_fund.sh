# Sourced by the render tests: makes the example fund of the publish_* e2e cases in
# the current folder, with the same fixed clock and operator.
#   notice_fund.sh CFUND_BINARY   (sets $binary, $repo, defines cfund)
export CFUND_NOW="2025-03-10T10:00:00+08:00" CFUND_OPERATOR="测试员" LANG=C.UTF-8 TZ=Asia/Shanghai
unset CFUND_FUND CFUND_LANG CFUND_CONFIG
export HOME="$PWD"
cfund() { "$binary" "$@"; }
examples="$repo/examples"
source "$repo/tests/e2e/fixtures/publish_fund.sh" > /dev/null 2>&1
