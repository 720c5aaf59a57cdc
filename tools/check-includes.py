#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks the include directions of tools/include-rules.txt.

usage: check-includes.py [--rules FILE] [--qt-include DIR] [SOURCE_DIR]

Prints every include that crosses a forbidden edge as "file:line: #include ..." with the
rule it breaks, and exits with 1 when there is any. SOURCE_DIR defaults to the repository
this script lives in; --qt-include is Qt's include folder (the one holding QtCore/,
QtGui/...), used to find the module of a bare <QFoo> include.
"""
import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE_SUFFIXES = ('.h', '.hpp', '.cpp', '.cc')


class Rules:
    def __init__(self):
        self.roots = []
        self.scan = []
        self.allow = {}  # folder -> [targets]
        self.forbid_qt = []  # (dir, {modules})
        self.exceptions = {}  # (file, include) -> line number in the rules file


def fail_rules(path, number, message):
    sys.exit(f'{path}:{number}: {message}')


def read_rules(path):
    rules = Rules()
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            words = line.split('#', 1)[0].split()
            if not words:
                continue
            directive, args = words[0], [w.rstrip('/') for w in words[1:]]
            if directive == 'root':
                rules.roots += args
            elif directive == 'scan':
                rules.scan += args
            elif directive == 'allow' and args:
                if args[0] in rules.allow:
                    fail_rules(path, number, f'second "allow" line for {args[0]}')
                rules.allow[args[0]] = args[1:]
            elif directive == 'forbid-qt' and len(args) >= 2:
                rules.forbid_qt.append((args[0], set(args[1:])))
            elif directive == 'exception' and len(args) == 2:
                rules.exceptions[(args[0], args[1])] = number
            else:
                fail_rules(path, number, f'cannot read "{line.strip()}"')
    return rules


def under(path, folder):
    return path == folder or path.startswith(folder + '/')


def folder_of(path, rules):
    """The longest governed folder containing path, else the folder path sits in."""
    best = None
    for folder in rules.allow:
        if under(path, folder) and (best is None or len(folder) > len(best)):
            best = folder
    return best if best is not None else os.path.dirname(path)


def resolve(source_dir, including, name, rules):
    """The repository-relative path a quoted include names, or None."""
    for base in [os.path.dirname(including)] + rules.roots:
        candidate = os.path.normpath(os.path.join(base, name))
        if os.path.isfile(os.path.join(source_dir, candidate)):
            return candidate
    return None


def qt_module(name, qt_include):
    """The Qt module of an angle-bracket include such as <QtGui/QIcon> or <QIcon>."""
    head, _, tail = name.partition('/')
    if tail and head.startswith('Qt'):
        return head
    if not name.startswith('Q') or '/' in name or not qt_include:
        return None
    for module in sorted(os.listdir(qt_include)):
        if os.path.isfile(os.path.join(qt_include, module, name)):
            return module
    return None


def source_files(source_dir, rules):
    for tree in rules.scan:
        for dirpath, dirnames, filenames in os.walk(os.path.join(source_dir, tree)):
            dirnames.sort()
            for filename in sorted(filenames):
                if filename.endswith(SOURCE_SUFFIXES):
                    yield os.path.relpath(os.path.join(dirpath, filename), source_dir)


def check(source_dir, rules, qt_include):
    problems = []
    used_exceptions = set()
    for path in source_files(source_dir, rules):
        folder = folder_of(path, rules)
        if folder not in rules.allow:
            problems.append(f'{path}: no "allow" line in the rules for folder {folder}')
            continue
        with open(os.path.join(source_dir, path), encoding='utf-8') as f:
            lines = f.readlines()
        for number, line in enumerate(lines, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            quoted, name = m.group(1) == '"', m.group(2)
            why = None
            if quoted and not name.endswith('.moc'):
                target = resolve(source_dir, path, name, rules)
                if target is None:
                    why = 'not found in the folder or any root of the rules'
                else:
                    to = folder_of(target, rules)
                    allowed = [folder] + rules.allow[folder]
                    if not any(under(to, a) for a in allowed):
                        may = ' '.join(rules.allow[folder]) or 'nothing outside itself'
                        why = f'{folder} -> {to} is not allowed ({folder} may include {may})'
            elif not quoted:
                module = qt_module(name, qt_include)
                for tree, modules in rules.forbid_qt:
                    if module in modules and under(path, tree):
                        why = f'{module} header in {tree}'
            if why is None:
                continue
            if (path, name) in rules.exceptions:
                used_exceptions.add((path, name))
                continue
            problems.append(f'{path}:{number}: {line.strip()}  [{why}]')
    stale = sorted(set(rules.exceptions) - used_exceptions)
    return problems, stale


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('source_dir', nargs='?', default=os.path.dirname(here))
    parser.add_argument('--rules', default=os.path.join(here, 'include-rules.txt'))
    parser.add_argument('--qt-include', default='')
    args = parser.parse_args()
    if args.qt_include and not os.path.isdir(os.path.join(args.qt_include, 'QtCore')):
        sys.exit(f'--qt-include {args.qt_include} has no QtCore folder')
    if not args.qt_include:
        print('note: no --qt-include; only <QtModule/QClass> includes are checked')

    rules = read_rules(args.rules)
    problems, stale = check(args.source_dir, rules, args.qt_include)
    for file, include in stale:
        number = rules.exceptions[(file, include)]
        print(f'{args.rules}:{number}: note: exception {file} {include} is no longer needed')
    if problems:
        print(f'{len(problems)} include(s) against {args.rules}:')
        for p in problems:
            print('  ' + p)
        return 1
    print(f'include directions: clean ({len(rules.exceptions) - len(stale)} known exceptions)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
