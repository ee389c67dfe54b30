#!/usr/bin/env python3
"""The user-interface strings: one resource pair per feature, plus the shell's.

Pairs (Simplified Chinese is the default culture, English the satellite):
  shell     src/Zhifa.Web/Resources/Ui.resx            + Ui.en.resx
  <Feature> src/Zhifa.Web/<Feature>/Resources/Strings.resx + Strings.en.resx
            for Organizations, Identity, Audit, Personnel, Catalogue, Discretion, Calendar

usage: tools/resources.py rehome [--dry-run]
           Moves every key to the pair of the feature that uses it (re-run it after code moved
           between feature folders). A key goes to a feature when it is used only in
           src/Zhifa.Core/<Feature> and src/Zhifa.Web/<Feature>; keys used by several features or
           only by the shell go to the shell pair. Dynamic keys: enum.{Type}.{Value} go to the
           feature that defines the enum in Core, perm.{code} by the code's prefix, role.{code} to
           Identity, entity.{name} to the feature that defines the entity; other dynamic prefixes
           ("cat.history." + ..., $"outcome.{...}") to the feature that builds them.
       tools/resources.py add KEY "中文" "English" [KEY "中文" "English" ...] [--feature F]
           Adds or updates keys. Without --feature an existing key stays in its pair, and a new
           key goes where rehome would put it (by its use, else by its prefix's majority pair).
       tools/resources.py check
           Every key in both languages of its pair, no key in two pairs.
       tools/resources.py where KEY...
           Prints the pair of each key.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from xml.sax.saxutils import escape

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
WEB = os.path.join(ROOT, "src", "Zhifa.Web")
CORE = os.path.join(ROOT, "src", "Zhifa.Core")
# A feature is a folder of both Core and Web (DESIGN.md "A feature is a module"); its strings live in Web/<Feature>/Resources.
FEATURES = sorted(d for d in os.listdir(WEB)
                  if os.path.isdir(os.path.join(CORE, d)) and os.path.isdir(os.path.join(WEB, d, "Resources"))
                  and d not in ("Common", "Modules", "Resources", "Data", "Demo"))
SHELL = "shell"
PAIRS = [SHELL] + FEATURES

# perm.{code}: the feature whose code prefix it is; codes of features not built yet (case.*,
# supervision.*) stay with Identity, which defines the permission list and shows it.
PERMISSION_PREFIXES = {"org": "Organizations", "admin": "Identity", "audit": "Audit",
                       "personnel": "Personnel", "catalogue": "Catalogue", "calendar": "Calendar",
                       "party": "Parties"}
PERMISSION_FALLBACK = "Identity"
# role.{code}: the role templates are defined in Core/Identity.
ROLE_OWNER = "Identity"

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def pair_files(pair):
    if pair == SHELL:
        d, name = os.path.join(WEB, "Resources"), "Ui"
    else:
        d, name = os.path.join(WEB, pair, "Resources"), "Strings"
    return os.path.join(d, name + ".resx"), os.path.join(d, name + ".en.resx")


def load_file(path):
    if not os.path.exists(path):
        return {}
    return {d.get("name"): (d.find("value").text or "") for d in ET.parse(path).getroot().findall("data")}


def save_file(path, entries):
    if not entries:
        if os.path.exists(path):
            os.remove(path)
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for k in sorted(entries):
            f.write(f'  <data name="{escape(k, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
        f.write("</root>\n")


def load_all():
    """{pair: (zh, en)}"""
    return {p: tuple(load_file(f) for f in pair_files(p)) for p in PAIRS}


def save_all(pairs):
    for p, (zh, en) in pairs.items():
        fz, fe = pair_files(p)
        save_file(fz, zh)
        save_file(fe, en)


def merged(pairs):
    """{key: (zh, en, pair)}; fails when a key is defined in two pairs with different texts."""
    out, clashes = {}, []
    for p, (zh, en) in pairs.items():
        for k in set(zh) | set(en):
            entry = (zh.get(k), en.get(k), p)
            if k in out and out[k][:2] != entry[:2]:
                clashes.append(f"{k}: {out[k][2]} and {p} differ")
            out.setdefault(k, entry)
    if clashes:
        sys.exit("keys defined twice with different texts:\n  " + "\n  ".join(clashes))
    return out


# ---------------------------------------------------------------------------------------------
# Where the keys are used
# ---------------------------------------------------------------------------------------------

def source_files():
    for base in (os.path.join(ROOT, "src"),):
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = [d for d in dirnames if d not in ("bin", "obj", "wwwroot") and not d.startswith("Zhifa.Migrations")]
            for fn in filenames:
                if fn.endswith((".cs", ".razor", ".cshtml")):
                    yield os.path.join(dirpath, fn)


def owner_of(path):
    """The feature a source file belongs to, or shell."""
    rel = os.path.relpath(path, ROOT).split(os.sep)
    if len(rel) > 2 and rel[0] == "src" and rel[1] in ("Zhifa.Web", "Zhifa.Core") and rel[2] in FEATURES:
        return rel[2]
    return SHELL


NOT_FOUND = re.compile(r'NotFoundError\("([a-z_]+)"')
DYNAMIC = re.compile(r'\$"([a-z][a-zA-Z0-9_.]*[._])\{|"([a-z][a-zA-Z0-9_.]*[._])"\s*\+')
ENUM_DEF = re.compile(r'\benum\s+([A-Z][A-Za-z0-9]*)')
TYPE_DEF = re.compile(r'\b(?:class|record|struct)\s+([A-Z][A-Za-z0-9]*)')


class Usage:
    def __init__(self):
        self.texts = defaultdict(list)     # owner -> source texts
        self.not_found = defaultdict(set)  # NotFoundError entity name -> owners
        self.dynamic = defaultdict(set)    # dynamic prefix -> owners
        self.enums = defaultdict(set)      # enum type -> owners (Core definitions only count as feature)
        self.types = defaultdict(set)      # class/record name -> owners (Core only)
        for path in source_files():
            owner = owner_of(path)
            text = open(path, encoding="utf-8").read()
            self.texts[owner].append(text)
            for m in NOT_FOUND.finditer(text):
                self.not_found[m.group(1)].add(owner)
            for m in DYNAMIC.finditer(text):
                self.dynamic[m.group(1) or m.group(2)].add(owner)
            if path.startswith(CORE + os.sep):
                for m in ENUM_DEF.finditer(text):
                    self.enums[m.group(1)].add(owner)
                for m in TYPE_DEF.finditer(text):
                    self.types[m.group(1)].add(owner)
        self.texts = {o: "\n".join(t) for o, t in self.texts.items()}

    def literal_owners(self, key):
        """Owners of the files where the key appears as a whole string literal."""
        quoted = '"' + key + '"'
        return {o for o, t in self.texts.items() if quoted in t}

    @staticmethod
    def single(owners):
        return next(iter(owners)) if len(owners) == 1 else SHELL

    def entity_owner(self, name):
        pascal = "".join(p[:1].upper() + p[1:] for p in name.split("_"))
        exact = self.types.get(pascal)
        if exact:
            return self.single(exact)
        suffixed = set().union(*[o for t, o in self.types.items() if t.endswith(pascal)] or [set()])
        if suffixed:
            return self.single(suffixed)
        return self.single(self.not_found[name]) if self.not_found.get(name) else SHELL

    def pair_for(self, key):
        """The pair a key belongs to, or None when nothing uses it."""
        owners = self.literal_owners(key)
        if owners:
            return self.single(owners)
        if key.startswith("enum."):
            parts = key.split(".")
            return self.single(self.enums[parts[1]]) if len(parts) == 3 and parts[1] in self.enums else SHELL
        if key.startswith("perm."):
            return PERMISSION_PREFIXES.get(key.split(".")[1], PERMISSION_FALLBACK)
        if key.startswith("role."):
            return ROLE_OWNER
        if key.startswith("entity."):
            return self.entity_owner(key[len("entity."):])
        prefixes = [p for p in self.dynamic if key.startswith(p) and len(key) > len(p)]
        if prefixes:
            return self.single(self.dynamic[max(prefixes, key=len)])
        return None


def rehome(dry_run=False):
    pairs = load_all()
    keys = merged(pairs)
    usage = Usage()
    target = {}
    unused = []
    for k, (zh, en, current) in keys.items():
        p = usage.pair_for(k)
        if p is None:
            unused.append(k)
            p = current
        target[k] = p
    moves = Counter((keys[k][2], p) for k, p in target.items() if keys[k][2] != p)
    for (a, b), n in sorted(moves.items()):
        print(f"{n:5} {a} -> {b}")
    counts = Counter(target.values())
    print("keys per pair: " + ", ".join(f"{p} {counts[p]}" for p in PAIRS))
    if unused:
        print("not used anywhere (left where they are): " + " ".join(sorted(unused)))
    if dry_run:
        return 0
    out = {p: ({}, {}) for p in PAIRS}
    for k, p in target.items():
        zh, en, _ = keys[k]
        if zh is not None:
            out[p][0][k] = zh
        if en is not None:
            out[p][1][k] = en
    save_all(out)
    return 0


def check():
    pairs = load_all()
    bad = 0
    seen = {}
    for p, (zh, en) in pairs.items():
        for k in sorted(set(zh) ^ set(en)):
            print(f"only in one language of {p}: {k}")
            bad += 1
        for k in sorted(set(zh) | set(en)):
            if k in seen:
                print(f"in two pairs ({seen[k]}, {p}): {k}")
                bad += 1
            seen[k] = p
    return 1 if bad else 0


def add(argv, feature=None):
    if feature is not None and feature not in PAIRS:
        sys.exit(f"unknown feature {feature}; one of: {', '.join(PAIRS)}")
    pairs = load_all()
    keys = merged(pairs)
    usage = None
    for i in range(0, len(argv), 3):
        key, zh, en = argv[i:i + 3]
        pair = feature
        if pair is None and key in keys:
            pair = keys[key][2]
        if pair is None:
            usage = usage or Usage()
            pair = usage.pair_for(key)
        if pair is None:
            # Not used yet: the pair holding most keys of the same prefix.
            prefix = key.split(".")[0] + "."
            votes = Counter(v[2] for k, v in keys.items() if k.startswith(prefix))
            pair = votes.most_common(1)[0][0] if votes else SHELL
        for p, (pzh, pen) in pairs.items():
            pzh.pop(key, None)
            pen.pop(key, None)
        pairs[pair][0][key], pairs[pair][1][key] = zh, en
        keys[key] = (zh, en, pair)
        print(f"{key} -> {pair}")
    save_all(pairs)
    return 0


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "rehome":
        return rehome(dry_run="--dry-run" in rest)
    if cmd == "check":
        return check()
    if cmd == "where":
        keys = merged(load_all())
        for k in rest:
            print(k, keys[k][2] if k in keys else "(absent)")
        return 0
    if cmd == "add":
        feature = None
        if "--feature" in rest:
            i = rest.index("--feature")
            feature = rest[i + 1] if i + 1 < len(rest) else None
            rest = rest[:i] + rest[i + 2:]
            if feature is None:
                print(__doc__)
                return 2
        if not rest or len(rest) % 3:
            print(__doc__)
            return 2
        return add(rest, feature)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
