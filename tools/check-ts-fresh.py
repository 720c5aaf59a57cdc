#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks that a committed Qt Linguist file matches the sources' translatable strings.

usage: check-ts-fresh.py --lupdate LUPDATE --list LISTFILE TS...

LISTFILE holds lupdate's inputs, one a line (sources, and include paths as -IDIR), as the
project's lupdate target sees them. For each committed TS file, lupdate extracts the
strings into a fresh file in a temporary folder; the check fails when the committed file
lacks a string of the sources (run the podsec-explorer_lupdate target, then translate) or
keeps one the sources no longer have (obsolete or vanished entries included).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def messages(path):
    """(context, source, comment) -> type attribute of the translation ('' when current)."""
    found = {}
    for context in ET.parse(path).getroot().iter('context'):
        name = context.findtext('name', '')
        for message in context.iter('message'):
            key = (name, message.findtext('source', ''), message.findtext('comment', ''))
            translation = message.find('translation')
            kind = translation.get('type', '') if translation is not None else ''
            found[key] = kind
    return found


def describe(key):
    context, source, comment = key
    text = f'{context}: "{source}"'
    return text + (f' (comment "{comment}")' if comment else '')


def check(lupdate, listfile, committed, workdir):
    fresh = os.path.join(workdir, os.path.basename(committed))
    run = subprocess.run([lupdate, '-silent', '-locations', 'none', '-no-obsolete',
                          '@' + listfile, '-ts', fresh],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if run.returncode != 0 or not os.path.isfile(fresh):
        print(run.stdout)
        print(f'{committed}: lupdate failed (exit code {run.returncode})')
        return False
    if run.stdout.strip():
        print(run.stdout.strip())
    wanted = messages(fresh)
    have = messages(committed)
    missing = sorted(k for k in wanted if k not in have or have[k] in ('obsolete', 'vanished'))
    obsolete = sorted(k for k in have if k not in wanted)
    if not missing and not obsolete:
        print(f'{committed}: fresh ({len(wanted)} strings)')
        return True
    print(f'{committed} is out of date with the sources:')
    for key in missing:
        print(f'  + {describe(key)}   [in the sources, not in the file]')
    for key in obsolete:
        print(f'  - {describe(key)}   [in the file, no longer in the sources]')
    print('Build the target podsec-explorer_lupdate (cmake --build --preset dev --target '
          'podsec-explorer_lupdate), translate the new strings, and commit the file.')
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--lupdate', required=True)
    parser.add_argument('--list', required=True)
    parser.add_argument('ts', nargs='+')
    args = parser.parse_args()
    with open(args.list, encoding='utf-8') as f:
        inputs = [line.strip() for line in f if line.strip() and not line.startswith('-I')]
    if not inputs:
        sys.exit(f'{args.list}: no sources to scan')
    ok = True
    with tempfile.TemporaryDirectory() as workdir:
        for ts in args.ts:
            ok = check(args.lupdate, args.list, ts, workdir) and ok
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
