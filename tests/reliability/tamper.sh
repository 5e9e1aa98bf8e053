#!/usr/bin/env bash
# Tampering: EDITS random raw edits (tamper.cpp) of copies of a fund with every kind
# of entry; cfund audit must detect each one and name an entry.
#
#   tamper.sh CFUND_BINARY TAMPER_BINARY [EDITS] [SEED]
CFUND=$1
tamper=$(realpath "$2")
source "$(dirname "$0")/common.sh"
make_rich_fund "$WORK/fund.cfund"
"$tamper" "$CFUND" "$WORK/fund.cfund" "${3:-100}" "${4:-1}"
