#!/usr/bin/env python3
"""Validates JSON documents against the project's JSON Schemas (draft 2020-12).

Usage:
  validate_schema.py SCHEMA_DIR --check            every schema is itself valid
  validate_schema.py SCHEMA_DIR NAME FILE...       each FILE (or each line of a .jsonl FILE)
                                                   matches SCHEMA_DIR/NAME.schema.json

Prints one line per problem (file, line, JSON path, message) and exits 1 if there is any,
0 otherwise, 2 on a usage error. The schemas refer to each other by $id; all of them are
loaded into one registry, so nothing is fetched from the network.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource


def load_registry(schema_dir):
    schemas = {}
    for path in sorted(pathlib.Path(schema_dir).glob("*.schema.json")):
        schemas[path.name] = json.loads(path.read_text(encoding="utf-8"))
    registry = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in schemas.values()
    )
    return schemas, registry


def documents(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    if path.endswith(".jsonl"):
        for number, line in enumerate(text.split("\n")[:-1], start=1):
            yield f"{path}:{number}", json.loads(line)
    else:
        yield path, json.loads(text)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    schemas, registry = load_registry(argv[1])
    if argv[2] == "--check":
        for name, schema in schemas.items():
            Draft202012Validator.check_schema(schema)
        print(f"{len(schemas)} schemas are valid draft 2020-12")
        return 0
    name = argv[2] + ".schema.json"
    if name not in schemas:
        print(f"no schema {name} in {argv[1]}", file=sys.stderr)
        return 2
    validator = Draft202012Validator(schemas[name], registry=registry)
    problems = 0
    count = 0
    for path in argv[3:]:
        for where, doc in documents(path):
            count += 1
            for error in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
                problems += 1
                pointer = "/" + "/".join(str(p) for p in error.absolute_path)
                print(f"{where}: {pointer}: {error.message}")
    if problems == 0:
        print(f"{count} document(s) match {name}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
