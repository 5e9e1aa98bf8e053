#!/usr/bin/env python3
"""A required option left out is asked for at a terminal, and only there.

Runs cfund on a pseudo-terminal (python's pty module) as a person would: the
prompts appear in the user's language with the option's description and its
allowed values, the answers complete the command, an empty answer is asked again,
Ctrl-D gives up with a usage error (exit 2). Without a terminal on stdin, or with
stderr not a terminal (a script's log), nothing is asked: the usage error, exit 2.
    prompt.py CFUND_BINARY
"""
import os
import pty
import select
import subprocess
import sys
import tempfile

binary = os.path.realpath(sys.argv[1])
repo = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))
work = tempfile.mkdtemp()
env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8", "CFUND_NOW": "2025-03-10T10:00:00+08:00",
       "CFUND_OPERATOR": "测试员", "CFUND_FUND": os.path.join(work, "fund.cfund")}
failures = []


def cfund(*args, stdin=subprocess.DEVNULL):
    return subprocess.run([binary, *args], env=env, cwd=work, stdin=stdin, capture_output=True, timeout=60)


def converse(args, steps, stderr_tty=True):
    """Runs cfund on a terminal; steps: (text expected on screen, bytes to type). Returns (exit code, screen)."""
    master, slave = pty.openpty()
    log = open(os.path.join(work, "stderr.log"), "wb")
    child = subprocess.Popen([binary, *args], env=env, cwd=work, stdin=slave, stdout=slave,
                             stderr=slave if stderr_tty else log)
    os.close(slave)
    screen = b""

    def read_until(text, seconds=10):
        nonlocal screen
        while text.encode() not in screen:
            ready, _, _ = select.select([master], [], [], seconds)
            if not ready:
                return False
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return False
            if not chunk:
                return False
            screen += chunk
        return True

    for expected, typed in steps:
        if not read_until(expected):
            failures.append(f"{args}: never showed {expected!r}; screen:\n{screen.decode(errors='replace')}")
            child.kill()
            break
        os.write(master, typed)
    code = child.wait(timeout=30)
    read_until("\0", seconds=0.5)  # whatever is left
    os.close(master)
    log.close()
    return code, screen.decode(errors="replace")


def expect(condition, what, detail=""):
    if not condition:
        failures.append(f"{what}\n{detail}")


def main():
    assert cfund("init", env["CFUND_FUND"], "--config", os.path.join(repo, "examples", "fund.toml")).returncode == 0
    assert cfund("donate", "add", "--donor", "张伟", "--amount", "500", "--account", "cash").returncode == 0
    assert cfund("donate", "add", "--donor", "李娜", "--amount", "80", "--account", "cash").returncode == 0

    # Chinese: both the argument and the option asked for; an empty answer asked again.
    code, screen = converse(["donate", "void"], [("请输入 ID（要红冲的分录编号）：", b"2\r"),
                                                 ("请输入 --reason（红冲理由）：", b"\r"),
                                                 ("不能为空，请再输入一次", b"\xe9\x87\x91\xe9\xa2\x9d\xe5\xbd\x95\xe9\x94\x99\r")])
    expect(code == 0 and "已红冲第 2 号分录" in screen, "zh: donate void with prompts", screen)
    listed = cfund("donate", "list").stdout.decode()
    expect("已红冲(#4)" in listed, "zh: the void is in the books", listed)

    # English, and the allowed values shown.
    code, screen = converse(["--lang", "en", "export"],
                            [("Enter --format (format: ledger, beancount, json or warehouse (needs --out DIR)) "
                              "[one of: ledger, beancount, json, warehouse]: ",
                              b"json\r")])
    expect(code == 0 and '"entries"' in screen, "en: export asks for --format with its allowed values", screen)

    # A value outside the allowed ones is refused by the same check as on the command line.
    code, screen = converse(["export"], [("［可选：ledger、beancount、json、warehouse］：", b"xml\r")])
    expect(code == 2 and "--format：不能是“xml”" in screen, "zh: a prompted value is checked", screen)

    # Ctrl-D gives up: usage error, books unchanged.
    before = open(env["CFUND_FUND"], "rb").read()
    code, screen = converse(["donate", "void", "3"], [("请输入 --reason（红冲理由）：", b"\x04")])
    expect(code == 2 and "没有输入 --reason" in screen, "zh: Ctrl-D gives up with exit 2", screen)
    expect(open(env["CFUND_FUND"], "rb").read() == before, "zh: the books are unchanged after giving up")

    # No terminal: a script gets the usage error, exit 2, and no question.
    done = cfund("donate", "void", "3", stdin=subprocess.PIPE)
    err = done.stderr.decode()
    expect(done.returncode == 2 and "缺少必填选项 --reason" in err and "请输入" not in err,
           "script (stdin not a terminal): usage error, no prompt", err)
    # stdin a terminal but stderr a log file: no question either.
    code, screen = converse(["donate", "void", "3"], [], stderr_tty=False)
    log = open(os.path.join(work, "stderr.log"), encoding="utf-8").read()
    expect(code == 2 and "缺少必填选项 --reason" in log and "请输入" not in log + screen,
           "stderr not a terminal: usage error, no prompt", log)

    for failure in failures:
        print("FAIL", failure)
    print(f"prompts: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
