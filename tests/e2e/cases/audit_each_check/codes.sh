# Sourced by the script lines: the distinct severity + code pairs `cfund audit` reports,
# and its exit code. $audit_options, when set, is passed to the audit (--deep).
cfund -f fund.cfund audit ${audit_options:-} > audit.txt
audit_status=$?
found=$(awk '$1 == "错误" || $1 == "警告" || $1 == "提示" { print $1 " " $2 }' audit.txt | sort -u | tr '\n' ';')
echo "${found:-无发现;} [audit exit $audit_status]"
