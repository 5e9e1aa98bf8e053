#!/usr/bin/env python3
"""Chinese all the way, English all the way.

Walks the command tree that cfund reports (`cfund completion --list`, made from the
same CLI11 tree as --help), runs every command's --help and every kind of command-line
error CLI11 can raise for it -- a mistyped or missing subcommand, an unknown or
mistyped option, an option without its value, a value outside the allowed ones, a
switch given a value, each required option or argument left out, extra arguments --
once in Chinese and once in English, and fails on text of the other language:

  - English output: any Chinese character (or full-width punctuation);
  - Chinese output: any known English phrase of CLI11's, and any English word that is
    not a name the user types (a command, an option, a value, a code, a format).

Errors must exit 2 (usage), never 5. No terminal is attached, so nothing prompts.
The golden transcripts of --help and of the usage errors (tests/e2e/cases/help_zh,
help_en, usage_errors_zh, usage_errors_en) are held to the same rules.
    languages.py CFUND_BINARY
"""
import os
import re
import subprocess
import sys
import tempfile

binary = os.path.realpath(sys.argv[1])
home = tempfile.mkdtemp()

# Names a Chinese user types or reads as they are: file formats, codes, kinds, units.
FIXED_NAMES = """cfund json csv html markdown toml utf gbk yyyy mm dd qn sha ledger hledger beancount
bank cash wechat alipay other general relief project management fundraising md txt all info summary
donations donation_bands goods spending projects corrections individual organisation reference date
amount counterparty closing bash zsh zh en id sqlite pragma integrity_check http https
proposed under_review approved rejected in_progress completed evaluated closed cancelled
excel xlsx xls fee income stock goods_out
supervision_phone beneficiaries
people wishes_fulfilled wishes_open
towns funds ratios excluded activities balance activities_by_fund balance_by_fund postgresql
elderly students estate""".split()  # the last: codes of examples/fund.toml

ENGLISH_PHRASES = ["usage", "options:", "positionals", "subcommands", "print this help", "required", "not expected",
                   "did you mean", "missing", "not in {", "could not convert", "expected", "error:", "see cfund",
                   "arguments", "command line", "is not", "subcommand", "help message", "display program"]

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def run(args, lang):
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "CFUND_LANG": lang,
           "CFUND_NOW": "2025-03-10T10:00:00+08:00", "CFUND_OPERATOR": "测试员"}
    done = subprocess.run([binary] + args, env=env, cwd=home, stdin=subprocess.DEVNULL, capture_output=True,
                          timeout=60)
    return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


def load_tree():
    code, out, err = run(["completion", "--list"], "zh")
    assert code == 0, err
    commands, options = {}, {}
    for line in out.splitlines():
        fields = line.split("\t")
        if fields[0] == "command":
            commands[fields[1]] = fields[2].split()
            options[fields[1]] = []
        else:
            kind, path, names, value, required, allowed, value_kind = fields
            options[path].append({"positional": kind == "argument", "names": names.split(), "value": value == "value",
                                  "required": required == "required", "allowed": allowed.split()})
    return commands, options


def allowed_words(commands, options):
    words = set(FIXED_NAMES)
    for path, subs in commands.items():
        for name in path.split() + subs:
            words.update(w for w in name.split("-") if w)
    for opts in options.values():
        for option in opts:
            for name in option["names"]:
                words.update(w for w in re.split(r"[-_]", name.lower()) if w)
            words.update(v.lower() for v in option["allowed"])
    return words


def english_left(text, allowed):
    """The English words of a Chinese text that are not names the user types."""
    text = re.sub(r"\bCF-[A-Z0-9-]+", " ", text)  # a verification code
    text = re.sub(r"[\w.-]+/[\w./-]+", " ", text)  # paths: docs/guide.md, examples/fund.toml
    text = re.sub(r"[\w-]*\*?\.(md|csv|html|toml|cfund|txt|json|beancount|ledger)\b", " ", text)  # file names
    text = re.sub(r"\bCFUND_\w+", " ", text)  # environment variables
    text = re.sub(r"\b[0-9a-f]{16,}\b", " ", text)  # hashes (a chain head)
    found = []
    for word in re.findall(r"[A-Za-z][A-Za-z_]+", text):
        if word.lower() not in allowed:
            found.append(word)
    return found


def fill(opts, leave_out=None):
    """Arguments that satisfy every required option and argument but `leave_out`."""
    args = []
    for option in opts:
        if not option["required"] or option is leave_out:
            continue
        value = option["allowed"][0] if option["allowed"] else "1"
        args += [value] if option["positional"] else [option["names"][-1] + "=" + value]
    return args


def typo(name):
    return name[:-1] if len(name.lstrip("-")) > 3 else name + "x"


def invocations(commands, options):
    """(arguments, what) of every --help and every error of every command."""
    for path, subs in commands.items():
        base = path.split()
        opts = [o for o in options[path] if "--help" not in o["names"] and "--version" not in o["names"]]
        yield base + ["--help"], "help"
        if subs:
            yield base, "error"
            yield base + [typo(subs[0])], "error"
            yield base + ["zzqx"], "error"
        yield base + ["--no-such-option"], "error"
        named = [o for o in opts if not o["positional"]]
        if named:
            yield base + fill(opts) + [typo(named[0]["names"][-1])], "error"
        for option in named:
            name = option["names"][-1]
            if option["value"]:
                yield base + [name], "error"
                if option["allowed"]:
                    yield base + [name, "bogus"], "error"
            else:
                yield base + [name + "=maybe"], "error"
        for option in opts:
            if option["required"]:
                yield base + fill(opts, option), "error"
        if not subs:
            yield base + fill(opts) + ["extra-word", "another-word"], "error"


def check_text(text, lang, allowed, typed_in):
    """What of the other language is in the text ([] when nothing)."""
    if lang == "en":
        return CJK.findall(text)[:5]
    typed = {w.lower() for arg in typed_in for w in re.findall(r"[A-Za-z][A-Za-z_]+", arg)}
    return [p for p in ENGLISH_PHRASES if p in text.lower()] + english_left(text, allowed | typed)


def check_goldens(allowed):
    cases = os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "e2e", "cases")
    failures = []
    for case, lang in (("help_zh", "zh"), ("usage_errors_zh", "zh"), ("help_en", "en"), ("usage_errors_en", "en")):
        text = open(os.path.join(cases, case, "expected"), encoding="utf-8").read()
        text = re.sub(r"\[exit \d+\].*", "", text)  # the test runner's own words
        commands = [line for line in text.splitlines() if line.startswith("$ ")]
        if found := check_text(text, lang, allowed, commands):
            failures.append(f"golden {case}: text of the other language: {found}")
    return failures


def main():
    commands, options = load_tree()
    allowed = allowed_words(commands, options)
    failures, runs = check_goldens(allowed), 0
    for args, what in invocations(commands, options):
        for lang in ("zh", "en"):
            code, out, err = run(args, lang)
            runs += 1
            shown = "cfund " + " ".join(args) + f" [{lang}]"
            text = out + err
            if what == "help" and (code != 0 or not out.strip()):
                failures.append(f"{shown}: --help exited {code}: {err.strip()}")
            if what == "error" and (code != 2 or out.strip() or not err.strip()):
                failures.append(f"{shown}: expected a usage error (exit 2, stderr only), got exit {code}: {text.strip()}")
            if found := check_text(text, lang, allowed, args):
                failures.append(f"{shown}: text of the other language: {found}\n{text}")
    for failure in failures:
        print("FAIL", failure)
    print(f"{len(commands)} commands, {runs} runs in zh and en; {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
