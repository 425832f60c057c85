#pragma once
// A small knowledge base written for the tests, so that they do not depend on data/knowledge's content.
#include <string>
#include <utility>
#include <vector>

#include "coach/offline/schema_reader.hpp"

namespace prepbot::coach::offline::testing {

inline DataFiles test_knowledge_files() {
  return {{"test.json", R"({"concepts": [
    {"id": "database-index", "name": "Database index", "families": ["backend", "database"],
     "terms": ["index", "indexes", "b-tree", "composite index"],
     "claims": [
       {"claim": "An index avoids scanning the whole table", "terms": ["full table scan", "without scanning", "logarithmic"]},
       {"claim": "Every index slows writes", "terms": ["slower writes", "write overhead", "slows down writes"]}],
     "wrong_claims": [
       {"claim": "A full table scan is faster than an index", "patterns": ["full table scan faster", "scan is faster than any index"],
        "correction": "For a selective lookup an index reads a few pages where a scan reads them all."},
       {"claim": "Indexes cost nothing on writes", "patterns": ["indexes never slow", "no write overhead"],
        "correction": "Every insert, update and delete maintains each index."},
       {"claim": "An index can return wrong rows", "patterns": ["index returns wrong rows", "indexes give wrong results"],
        "correction": "An index only speeds up finding rows; the results are the same."}]},
    {"id": "dns-resolution", "name": "DNS resolution", "families": ["network-engineer"],
     "terms": ["dns", "domain name", "resolver", "name server", "a record"],
     "claims": [
       {"claim": "DNS maps names to IP addresses", "terms": ["ip address", "maps names", "translates names"]},
       {"claim": "Resolvers cache answers for the record's TTL", "terms": ["ttl", "time to live", "cached"]},
       {"claim": "A recursive resolver asks the root, TLD and authoritative servers", "terms": ["root server", "authoritative", "recursive resolver", "tld"]}],
     "wrong_claims": [
       {"claim": "DNS changes take effect everywhere at once", "patterns": ["changes take effect immediately", "no caching in dns"],
        "correction": "Resolvers keep cached answers until their TTL expires."}]},
    {"id": "script-loading", "name": "Script loading", "families": ["frontend"],
     "terms": ["async", "defer", "script tag"],
     "claims": [
       {"claim": "Deferred scripts run in document order after parsing, while async scripts run as soon as they download, in any order",
        "terms": ["document order", "after parsing", "as soon as they download", "any order"]},
       {"claim": "Both download without blocking the parser", "terms": ["without blocking", "in parallel"]}],
     "wrong_claims": [
       {"claim": "async and defer are the same", "patterns": ["async and defer are the same", "no difference between async"],
        "correction": "Deferred scripts keep their order and wait for parsing; async ones do not."}]},
    {"id": "tcp-handshake", "name": "TCP connections", "families": ["network-engineer"],
     "terms": ["tcp", "three-way handshake", "syn", "ack"],
     "claims": [
       {"claim": "TCP opens a connection with a three-way handshake", "terms": ["syn ack", "three-way handshake"]},
       {"claim": "TCP retransmits lost segments", "terms": ["retransmit", "reliable delivery"]}],
     "wrong_claims": [
       {"claim": "TCP does not guarantee order", "patterns": ["tcp does not guarantee order", "tcp delivers out of order"],
        "correction": "TCP delivers bytes in order."}]}
  ]})"}};
}

}  // namespace prepbot::coach::offline::testing
