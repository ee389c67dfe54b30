#!/usr/bin/env python3
"""Adds or updates user-interface strings, in Chinese and English, in the right resource pair.

usage: tools/ui-strings.py KEY "中文" "English" [KEY "中文" "English" ...] [--feature F]
       tools/ui-strings.py --check      (every key in both languages of its pair, no key in two pairs)
Each feature has src/Zhifa.Web/<Feature>/Resources/Strings.resx (Simplified Chinese, the default culture)
and Strings.en.resx (English); the shell's strings are in src/Zhifa.Web/Resources/Ui.resx and Ui.en.resx.
F is one of Organizations, Identity, Audit, Personnel, Catalogue, Discretion, Calendar, shell. Without --feature an
existing key stays where it is and a new one goes where `tools/resources.py rehome` would put it.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import resources  # noqa: E402


def main(argv):
    if argv == ["--check"]:
        return resources.check()
    rest, feature = list(argv), None
    if "--feature" in rest:
        i = rest.index("--feature")
        if i + 1 >= len(rest):
            print(__doc__)
            return 2
        feature = rest[i + 1]
        del rest[i:i + 2]
    if not rest or len(rest) % 3:
        print(__doc__)
        return 2
    return resources.add(rest, feature)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
