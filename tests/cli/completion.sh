#!/usr/bin/env bash
# cfund completion bash|zsh: sources the generated script in bash (and in zsh
# through bashcompinit), calls the completion function with the words typed so far
# and checks the candidates: subcommands, options, allowed values, and the account,
# designation and project codes read from the fund file.
#   completion.sh CFUND_BINARY
# Exit 77 (skipped) only when zsh is missing for the zsh half (make deps installs it).
set -u
binary=$(realpath "$1")
repo=$(realpath "$(dirname "$0")/../..")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir bin && ln -s "$binary" bin/cfund
export PATH="$work/bin:/usr/bin:/bin" CFUND_NOW=2025-03-01T09:00:00+08:00 CFUND_OPERATOR=测试员 LANG=C.UTF-8
unset CFUND_FUND CFUND_LANG
cfund init fund.cfund --config "$repo/examples/fund.toml" > /dev/null
cfund -f fund.cfund project propose 晾衣架更新 --budget 6000 --proposer 桂花里5栋居民 --category 社区营造 > /dev/null
cfund completion bash > cfund.bash
cfund completion zsh > cfund.zsh

# Each case: the words typed (the last one is being completed) | the candidates expected.
cat > cases.txt <<'CASES'
cfund do|donate
cfund donate |add list import void receipt host-receipt
cfund donate add --acc|--account
cfund -f fund.cfund donate add --account |bank cash wechat alipay
cfund --fund fund.cfund donate add --to |general elderly students estate P001
cfund -f fund.cfund disburse add --from e|elderly estate
cfund -f fund.cfund transfer --from |bank cash wechat alipay
cfund -f fund.cfund reallocate --to s|students
cfund -f fund.cfund project show |P001
cfund -f fund.cfund project start P|P001
cfund --lang |zh en
cfund donate add --donor-type o|organisation
cfund completion |bash zsh
cfund completion --codes |accounts designations projects
cfund audit |reconcile close verify witness
cfund publish --format all --per|--period
cfund fund show |
CASES

failures=0
check() {  # SHELL_NAME OUTPUT_FILE
  while IFS='|' read -r words expected; do
    actual=$(grep -F -x -A1 "$words" "$2" | tail -n 1)
    if [ "$actual" != "-> $expected" ]; then
      echo "FAIL ($1): '$words' completes to '${actual#-> }', expected '$expected'"
      failures=$((failures + 1))
    fi
  done < cases.txt
}

complete_all() {  # what both shells run: one "words" line and one "-> candidates" line per case
  cat <<'RUN'
while IFS='|' read -r line expected; do
  COMP_WORDS=($line)
  [[ $line == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
  COMPREPLY=()
  _cfund
  echo "$line"
  echo "-> ${COMPREPLY[*]}"
done < cases.txt
RUN
}

{ echo 'source ./cfund.bash'; complete_all; } > run.bash
bash run.bash > bash.out 2>&1
check bash bash.out

if command -v zsh > /dev/null; then
  zsh -n cfund.zsh || { echo "FAIL: the zsh script does not parse"; failures=$((failures + 1)); }
  { echo 'autoload -U compinit && compinit -u -D'; echo 'source ./cfund.zsh'; echo "setopt ksharrays shwordsplit"; complete_all; } > run.zsh
  zsh run.zsh > zsh.out 2>&1
  check zsh zsh.out
else
  echo "zsh missing: run make deps"
  [ $failures -eq 0 ] && exit 77
fi
echo "$(wc -l < cases.txt) cases in bash and zsh; $failures failures"
[ $failures -eq 0 ]
