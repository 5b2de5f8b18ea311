#!/usr/bin/env python3
"""Checks Schemas/openapi.yaml, and real service responses against it.

Usage:
  check_openapi.py SCHEMA_DIR --check          the document is sound OpenAPI 3.1 (see below)
  check_openapi.py SCHEMA_DIR RECORDS.jsonl    each recorded response matches the document

A record is {"method", "route" (the path template, e.g. /v1/proposals/{id}), "status",
"content_type", "body" (text)}. Its operation must exist; its status must be declared (or
covered by `default`); its media type must be declared; and its body, parsed as JSON, JSON
Lines (one document per line) or text, must match the schema declared for it.

--check validates the document with openapi-spec-validator (the OpenAPI 3.1 meta-schema),
on a copy in which the project's schemas are inlined under components (the validator cannot
fetch their https://jhf-ledger.invalid/ ids); and it verifies: `openapi` is 3.1.x; info, paths and components are present; every
operation has an operationId (unique) and responses; every path parameter is declared;
every $ref resolves (within the document or to a schema in SCHEMA_DIR); every schema is
valid JSON Schema 2020-12. Prints problems and exits 1 if there are any.
"""
import json
import pathlib
import re
import sys

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOC_ID = "urn:jhf-ledger:openapi"
METHODS = ["get", "put", "post", "delete", "patch", "head", "options"]


def load(schema_dir):
    doc = yaml.safe_load(pathlib.Path(schema_dir, "openapi.yaml").read_text(encoding="utf-8"))
    resources = [(DOC_ID, Resource(contents=doc, specification=DRAFT202012))]
    for path in sorted(pathlib.Path(schema_dir).glob("*.schema.json")):
        s = json.loads(path.read_text(encoding="utf-8"))
        resources.append((s["$id"], Resource.from_contents(s)))
    return doc, Registry().with_resources(resources)


def pointer(*parts):
    return "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def check(doc, registry):
    problems = []
    if not str(doc.get("openapi", "")).startswith("3.1."):
        problems.append("openapi must be 3.1.x")
    for key in ["info", "paths", "components"]:
        if key not in doc:
            problems.append(f"missing {key}")
    ids = set()
    for path, item in doc.get("paths", {}).items():
        declared = set(re.findall(r"{([^}]+)}", path))
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            where = f"{method.upper()} {path}"
            if "operationId" not in op:
                problems.append(f"{where}: no operationId")
            elif op["operationId"] in ids:
                problems.append(f"{where}: operationId {op['operationId']} used twice")
            ids.add(op.get("operationId"))
            if not op.get("responses"):
                problems.append(f"{where}: no responses")
            params = []
            for p in op.get("parameters", []):
                if "$ref" in p:
                    p = resolve(doc, p["$ref"])
                params.append(p)
            named = {p["name"] for p in params if p.get("in") == "path"}
            if named != declared:
                problems.append(f"{where}: path parameters {sorted(named)} do not match the template {sorted(declared)}")
    resolver = registry.resolver(base_uri=DOC_ID)

    def walk(node, where):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    resolver.lookup(ref)
                except Exception as e:  # noqa: BLE001 - report any unresolvable reference
                    problems.append(f"{where}: $ref {ref} does not resolve ({type(e).__name__})")
            for k, v in node.items():
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}/{i}")

    walk(doc, "#")
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        try:
            Draft202012Validator.check_schema(schema)
        except Exception as e:  # noqa: BLE001
            problems.append(f"components/schemas/{name}: {e}")
    return problems


def inlined(doc, schema_dir):
    """A copy of the document with every project schema under components/schemas/x-NAME and
    every reference to one (absolute by $id, or relative between schemas) pointing there."""
    import copy

    doc = copy.deepcopy(doc)
    base = "https://jhf-ledger.invalid/schemas/v1/"
    names = {}
    for path in sorted(pathlib.Path(schema_dir).glob("*.schema.json")):
        names[path.name] = json.loads(path.read_text(encoding="utf-8"))

    def target(name, fragment):
        return f"#/components/schemas/x-{name}" + (fragment[1:] if fragment.startswith("#/") else "")

    def rewrite(node, current):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                if ref.startswith(base):
                    name, _, frag = ref[len(base):].partition("#")
                    node["$ref"] = target(name, "#" + frag)
                elif current and ref.startswith("#"):
                    node["$ref"] = target(current, ref)
                elif current and ".schema.json" in ref:
                    name, _, frag = ref.partition("#")
                    node["$ref"] = target(name, "#" + frag)
            for v in node.values():
                rewrite(v, current)
        elif isinstance(node, list):
            for v in node:
                rewrite(v, current)

    rewrite(doc, None)
    for name, schema in names.items():
        schema = copy.deepcopy(schema)
        schema.pop("$id", None)
        schema.pop("$schema", None)
        rewrite(schema, name)
        doc["components"]["schemas"][f"x-{name}"] = schema
    return doc


def resolve(doc, ref):
    node = doc
    for part in ref.lstrip("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def check_record(doc, registry, r):
    where = f"{r['method']} {r['route']} → {r['status']}"
    item = doc["paths"].get(r["route"])
    if item is None or r["method"].lower() not in item:
        return [f"{where}: no such operation in openapi.yaml"]
    responses = item[r["method"].lower()]["responses"]
    key = str(r["status"]) if str(r["status"]) in responses else "default"
    if key not in responses:
        return [f"{where}: status not declared"]
    response = responses[key]
    base = ["paths", r["route"], r["method"].lower(), "responses", key]
    if "$ref" in response:
        base = response["$ref"].lstrip("#/").split("/")
        response = resolve(doc, response["$ref"])
    media = r["content_type"].split(";")[0].strip()
    if media not in response.get("content", {}):
        return [f"{where}: media type {media} not declared (declared: {sorted(response.get('content', {}))})"]
    schema_ref = DOC_ID + pointer(*base, "content", media, "schema")
    validator = Draft202012Validator({"$ref": schema_ref}, registry=registry)
    if media == "application/jsonl":
        docs = [json.loads(line) for line in r["body"].split("\n")[:-1]]
    elif media.endswith("json"):
        docs = [json.loads(r["body"])]
    else:
        docs = [r["body"]]
    problems = []
    for d in docs:
        for e in validator.iter_errors(d):
            problems.append(f"{where}: {'/'.join(map(str, e.absolute_path)) or '(document)'}: {e.message[:300]}")
    return problems


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    doc, registry = load(argv[1])
    if argv[2] == "--check":
        problems = check(doc, registry)
        from openapi_spec_validator import validate

        try:
            validate(inlined(doc, argv[1]))
        except Exception as e:  # noqa: BLE001 - report the validator's finding
            problems.append(f"openapi-spec-validator: {str(e)[:500]}")
        print("\n".join(problems) if problems else f"openapi.yaml: {len(doc['paths'])} paths, sound OpenAPI {doc['openapi']}")
        return 1 if problems else 0
    problems = []
    count = 0
    for line in pathlib.Path(argv[2]).read_text(encoding="utf-8").splitlines():
        count += 1
        problems += check_record(doc, registry, json.loads(line))
    print("\n".join(problems) if problems else f"{count} responses match openapi.yaml")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
