#!/usr/bin/env python3
"""Adds or updates user-interface strings in both resource files.

usage: tools/ui-strings.py KEY "中文" "English" [KEY "中文" "English" ...]
       tools/ui-strings.py --check      (every key in both files, same set)
Ui.resx is Simplified Chinese (the default culture); Ui.en.resx is English.
"""
import sys, os
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Zhifa.Web", "Resources")
FILES = {"zh": os.path.join(ROOT, "Ui.resx"), "en": os.path.join(ROOT, "Ui.en.resx")}

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load(path):
    if not os.path.exists(path):
        return {}
    return {d.get("name"): (d.find("value").text or "") for d in ET.parse(path).getroot().findall("data")}

def save(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for k in sorted(entries):
            f.write(f'  <data name="{escape(k, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
        f.write("</root>\n")

def main(argv):
    zh, en = load(FILES["zh"]), load(FILES["en"])
    if argv == ["--check"]:
        missing = sorted(set(zh) ^ set(en))
        for k in missing:
            print("only in one file:", k)
        return 1 if missing else 0
    if len(argv) % 3 != 0 or not argv:
        print(__doc__)
        return 2
    for i in range(0, len(argv), 3):
        zh[argv[i]], en[argv[i]] = argv[i + 1], argv[i + 2]
    save(FILES["zh"], zh)
    save(FILES["en"], en)
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
