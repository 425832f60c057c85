// The analysed bank as bytes (Bank::snapshot, Bank::from_snapshot): every member of the
// bank, its questions, families and knowledge base written in order, each string and list
// after its length. The build writes the built-in bank's snapshot (tools/bank_snapshot.cpp)
// and links it into the server, which reads it at start-up instead of analysing the bank's
// and knowledge base's text again. Written and read on the same machine by the same build,
// so numbers are stored as they lie in memory.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>

#include "coach/offline/bank.hpp"

namespace prepbot::coach::offline {

// Every field of a struct, in one list for writing and reading. A field added to one of
// these structs must be added here too: the sizes below stop the build until it is.
struct SnapshotFields {
  template <typename Io>
  static void of(Io& io, KeyPoint& p) {
    io(p.point, p.negative, p.terms, p.stemmed_terms, p.synonyms, p.stemmed_synonyms);
  }
  template <typename Io>
  static void of(Io& io, Misconception& m) {
    io(m.claim, m.patterns, m.correction, m.stemmed_patterns);
  }
  template <typename Io>
  static void of(Io& io, Resource& r) {
    io(r.title, r.url);
  }
  template <typename Io>
  static void of(Io& io, BankQuestion& q) {
    io(q.id, q.family, q.text, q.type, q.difficulty, q.levels, q.domains, q.tags, q.hint, q.key_points, q.misconceptions,
       q.model_answer, q.resources, q.topic, q.concepts);
  }
  template <typename Io>
  static void of(Io& io, Family& f) {
    io(f.name, f.title, f.aliases, f.domains, f.name_stems, f.alias_stems);
  }
  template <typename Io>
  static void of(Io& io, ConceptClaim::Word& w) {
    io(w.stem, w.names_concept);
  }
  template <typename Io>
  static void of(Io& io, ConceptClaim& c) {
    io(c.claim, c.negative, c.terms, c.stemmed_terms, c.statement, c.contrast);
  }
  template <typename Io>
  static void of(Io& io, WrongClaim& w) {
    io(w.claim, w.patterns, w.correction, w.stemmed_patterns);
  }
  template <typename Io>
  static void of(Io& io, Concept& c) {
    io(c.id, c.name, c.families, c.terms, c.stemmed_terms, c.claims, c.wrong_claims);
  }
  template <typename Io>
  static void of(Io& io, KnowledgeBase::TermRef& t) {
    io(t.concept_index, t.term, t.weight);
  }
  template <typename Io>
  static void of(Io& io, KnowledgeBase& k) {
    io(k.concepts_, k.by_id_, k.by_first_stem_);
  }
  template <typename Io>
  static void of(Io& io, PhrasingModel& p) {
    io(p.weights_, p.bias_);
  }
  template <typename Io>
  static void of(Io& io, Bank& b) {
    io(b.questions_, b.families_, b.knowledge_, b.phrasing_, b.vocabulary_, b.field_stems_, b.questions_about_, b.role_stem_weight_, b.by_id_);
  }

  // The layout the lists above were written for (x86-64, libstdc++).
  static_assert(sizeof(KeyPoint) == 136 && sizeof(Misconception) == 112 && sizeof(Resource) == 64 &&
                    sizeof(BankQuestion) == 440 && sizeof(Family) == 160 && sizeof(ConceptClaim::Word) == 40 &&
                    sizeof(ConceptClaim) == 160 && sizeof(WrongClaim) == 112 && sizeof(Concept) == 184 &&
                    sizeof(KnowledgeBase::TermRef) == 16 && sizeof(KnowledgeBase) == 128 && sizeof(PhrasingModel) == 64 &&
                    sizeof(Bank) == 480,
                "a snapshot struct changed: list its new field in SnapshotFields");
};

namespace {

constexpr std::string_view kMagic = "prepbot bank snapshot 1\n";

template <typename T>
concept Plain = std::is_arithmetic_v<T> || std::is_enum_v<T>;

class Writer {
 public:
  std::string out;

  template <typename... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }

 private:
  template <Plain T>
  void put(const T& value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  // A length or count, seven bits to a byte, the high bit set on all bytes but the last:
  // nearly all take one byte.
  void put_count(std::size_t n) {
    for (; n >= 0x80; n >>= 7) out.push_back(static_cast<char>(0x80 | (n & 0x7f)));
    out.push_back(static_cast<char>(n));
  }
  void put(const std::string& s) {
    put_count(s.size());
    out.append(s);
  }
  template <typename T, std::size_t N>
  void put(const std::array<T, N>& items) {
    for (const auto& item : items) put(item);
  }
  template <typename K, typename V>
  void put(const std::pair<const K, V>& entry) {  // a map's item
    put(entry.first);
    put(entry.second);
  }
  template <typename List>
    requires requires(const List& list) { list.begin(); list.size(); }
  void put(const List& list) {
    put_count(list.size());
    if constexpr (requires { typename List::hasher; }) {
      // A hash set's or map's items in key order: the same bank gives the same bytes.
      std::vector<const typename List::value_type*> items;
      items.reserve(list.size());
      for (const auto& item : list) items.push_back(&item);
      std::sort(items.begin(), items.end(), [](const auto* a, const auto* b) { return key_of(*a) < key_of(*b); });
      for (const auto* item : items) put(*item);
    } else {
      for (const auto& item : list) put(item);
    }
  }
  static const std::string& key_of(const std::string& key) { return key; }
  template <typename V>
  static const std::string& key_of(const std::pair<const std::string, V>& entry) {
    return entry.first;
  }
  template <typename T>
  void put(const T& value) {
    SnapshotFields::of(*this, const_cast<T&>(value));  // the writer only reads
  }
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : in_(bytes) {}

  template <typename... T>
  void operator()(T&... values) {
    (get(values), ...);
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;

  std::string_view take(std::size_t size) {
    if (size > in_.size()) throw std::runtime_error("the bank snapshot is cut short");
    const std::string_view bytes = in_.substr(0, size);
    in_.remove_prefix(size);
    return bytes;
  }
  template <Plain T>
  void get(T& value) {
    std::memcpy(&value, take(sizeof value).data(), sizeof value);
  }
  std::size_t count() {  // see Writer::put_count
    std::size_t n = 0;
    for (unsigned shift = 0;; shift += 7) {
      if (in_.empty() || shift > 56) throw std::runtime_error("the bank snapshot is damaged");
      const auto byte = static_cast<unsigned char>(in_.front());
      in_.remove_prefix(1);
      n |= static_cast<std::size_t>(byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    if (n > in_.size()) throw std::runtime_error("the bank snapshot is damaged");  // every item takes a byte at least
    return n;
  }
  void get(std::string& s) { s = take(count()); }
  template <typename T>
  void get(std::vector<T>& list) {
    list.resize(count());
    for (auto& item : list) get(item);
  }
  template <typename T, std::size_t N>
  void get(std::array<T, N>& items) {
    for (auto& item : items) get(item);
  }
  template <typename Set>
    requires std::is_same_v<typename Set::key_type, typename Set::value_type>
  void get(Set& set) {
    const std::size_t n = count();
    set.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      typename Set::key_type key;
      get(key);
      set.insert(std::move(key));
    }
  }
  template <typename Map>
    requires requires { typename Map::mapped_type; }
  void get(Map& map) {
    const std::size_t n = count();
    if constexpr (requires { map.reserve(n); }) map.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      typename Map::key_type key;
      get(key);
      get(map[std::move(key)]);
    }
  }
  template <typename T>
  void get(T& value) {
    SnapshotFields::of(*this, value);
  }
};

}  // namespace

std::string Bank::snapshot() const {
  Writer writer;
  writer.out.append(kMagic);
  writer(*this);
  return std::move(writer.out);
}

Bank Bank::from_snapshot(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) throw BankError({"not a bank snapshot of this version"});
  Bank bank;
  try {
    Reader reader(bytes.substr(kMagic.size()));
    SnapshotFields::of(reader, bank);
    if (!reader.done()) throw std::runtime_error("the bank snapshot has bytes left over");
  } catch (const std::runtime_error& error) {
    throw BankError({error.what()});
  }
  return bank;
}

}  // namespace prepbot::coach::offline
