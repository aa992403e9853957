#!/usr/bin/env python3
"""Check claimtrack's JSON-LD export the way a linked-data consumer reads it.

The export is expanded and flattened by pyld (a JSON-LD 1.1 processor), offline: the schema.org
context it names is served from the vendored copy. Every resulting type and predicate must be in
the schema.org vocabulary file given (shipped in a registry package), each predicate used on a
node of a type in its domain, with a value in its range; nothing may be dropped by the expansion,
nothing may rate a claim, and every claim of the report must be there with its appearance.

usage: jsonld_check.py EXPORT.jsonld CONTEXT.jsonld VOCABULARY.jsonld REPORT.json
"""

import json
import sys

from pyld import jsonld

SCHEMA = "http://schema.org/"
CONTEXT_URLS = {"https://schema.org/", "https://schema.org", "http://schema.org/", "http://schema.org"}
# A claim is recorded and compared, never rated.
RATING_WORDS = ("rating", "review")


def offline_loader(context):
    def load(url, options=None):
        if url in CONTEXT_URLS:
            return {"contentType": "application/ld+json", "contextUrl": None,
                    "documentUrl": url, "document": context}
        raise jsonld.JsonLdError("offline: no document for " + url, "jsonld.LoadDocumentError",
                                 code="loading document failed")
    return load


def ids(value):
    """The IRIs of an `{"@id": …}` or a list of them, with the `schema:` prefix expanded."""
    values = value if isinstance(value, list) else [value]
    return {v["@id"].replace("schema:", SCHEMA) for v in values if isinstance(v, dict)}


class Vocabulary:
    def __init__(self, path):
        graph = json.load(open(path, encoding="utf-8"))["@graph"]
        self.classes, self.properties, self.parents = set(), {}, {}
        datatypes = set()
        for term in graph:
            iri = term["@id"].replace("schema:", SCHEMA)
            kinds = ids([{"@id": k} for k in (term["@type"] if isinstance(term["@type"], list) else [term["@type"]])])
            if "rdfs:Class" in kinds or SCHEMA + "DataType" in kinds:
                self.classes.add(iri)
                self.parents[iri] = ids(term.get("rdfs:subClassOf", []))
                if SCHEMA + "DataType" in kinds:
                    datatypes.add(iri)
            if "rdf:Property" in kinds:
                self.properties[iri] = (ids(term.get("schema:domainIncludes", [])),
                                        ids(term.get("schema:rangeIncludes", [])))
        self.datatypes = {c for c in self.classes if self.ancestors({c}) & datatypes}

    def ancestors(self, types):
        seen, todo = set(), list(types)
        while todo:
            t = todo.pop()
            if t not in seen:
                seen.add(t)
                todo.extend(self.parents.get(t, ()))
        return seen


def count_properties(node):
    """Property entries in the compact document, nested nodes included."""
    if isinstance(node, list):
        return sum(count_properties(n) for n in node)
    if not isinstance(node, dict):
        return 0
    own = sum(1 for key in node if not key.startswith("@"))
    return own + sum(count_properties(v) for k, v in node.items() if k != "@context")


def main(export_path, context_path, vocabulary_path, report_path):
    document = json.load(open(export_path, encoding="utf-8"))
    context = json.load(open(context_path, encoding="utf-8"))
    vocabulary = Vocabulary(vocabulary_path)
    report = json.load(open(report_path, encoding="utf-8"))
    options = {"documentLoader": offline_loader(context)}
    nodes = jsonld.flatten(jsonld.expand(document, options), None, options)
    types_of = {n["@id"]: set(n.get("@type", [])) for n in nodes}
    problems, predicates, types, triples = [], set(), set(), 0

    for node in nodes:
        node_types = types_of[node["@id"]]
        for t in node_types:
            types.add(t)
            if t not in vocabulary.classes:
                problems.append(f"type {t} is not in the schema.org vocabulary")
        for predicate, values in node.items():
            if predicate.startswith("@"):
                continue
            predicates.add(predicate)
            triples += len(values)
            if predicate not in vocabulary.properties:
                problems.append(f"{node['@id']}: predicate {predicate} is not in the schema.org vocabulary")
                continue
            domain, range_ = vocabulary.properties[predicate]
            if not vocabulary.ancestors(node_types) & domain:
                problems.append(f"{node['@id']}: {predicate} does not apply to {sorted(node_types)}")
            for value in values:
                if "@value" in value:
                    fits = bool(range_ & vocabulary.datatypes)
                elif value["@id"] in types_of:
                    fits = bool(vocabulary.ancestors(types_of[value["@id"]]) & range_)
                else:
                    fits = SCHEMA + "URL" in range_
                if not fits:
                    problems.append(f"{node['@id']}: the value of {predicate} is outside its range")

    for word in RATING_WORDS:
        for term in predicates | types:
            if word in term.lower():
                problems.append(f"{term}: the export must never rate a claim")

    if sum(len(n) - 1 for n in nodes) == 0 or len(nodes) < len(report["claims"]):
        problems.append("the expansion lost the graph")
    compact_count = count_properties(document["@graph"])
    expanded_count = sum(1 for n in nodes for k in n if not k.startswith("@"))
    if compact_count != expanded_count:
        problems.append(f"{compact_count} properties written, {expanded_count} after expansion: "
                        "the processor dropped some")

    claims = {n["@id"]: n for n in nodes if SCHEMA + "Claim" in types_of[n["@id"]]}
    if len(claims) != len(report["claims"]):
        problems.append(f"{len(claims)} Claim nodes for {len(report['claims'])} claims in the report")
    for claim in report["claims"]:
        node = claims.get("urn:claimtrack:claim:" + claim["id"])
        if node is None:
            problems.append(f"claim {claim['id']} is missing")
            continue
        source = "urn:claimtrack:source:" + (claim["source"] or "")
        for predicate in ("appearance", "firstAppearance"):
            if claim["source"] and node.get(SCHEMA + predicate) != [{"@id": source}]:
                problems.append(f"claim {claim['id']}: {predicate} is not its source")
        if claim["speaker"] and SCHEMA + "author" not in node:
            problems.append(f"claim {claim['id']}: no author")
        if SCHEMA + "text" not in node:
            problems.append(f"claim {claim['id']}: no text")

    for problem in problems:
        print("jsonld: " + problem, file=sys.stderr)
    if problems:
        return 1
    print(f"jsonld: {len(nodes)} nodes, {triples} statements; {len(types)} types and "
          f"{len(predicates)} predicates, all schema.org with fitting domains and ranges; "
          f"{len(claims)} claims, none rated")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
