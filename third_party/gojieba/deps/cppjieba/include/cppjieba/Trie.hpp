#ifndef CPPJIEBA_TRIE_HPP
#define CPPJIEBA_TRIE_HPP

#include <algorithm>
#include <vector>
#include <queue>
#include "limonp/StdExtension.hpp"
#include "Unicode.hpp"

namespace cppjieba {

using namespace std;

const size_t MAX_WORD_LENGTH = 512;

struct DictUnit {
  Unicode word;
  double weight;
  string tag;
}; // struct DictUnit

// for debugging
// inline ostream & operator << (ostream& os, const DictUnit& unit) {
//   string s;
//   s << unit.word;
//   return os << StringFormat("%s %s %.3lf", s.c_str(), unit.tag.c_str(), unit.weight);
// }

struct Dag {
  RuneStr runestr;
  // [offset, nexts.first]
  limonp::LocalVector<pair<size_t, const DictUnit*> > nexts;
  const DictUnit * pInfo;
  double weight;
  size_t nextPos; // TODO
  Dag():runestr(), pInfo(NULL), weight(0.0), nextPos(0) {
  }
}; // struct Dag

typedef Rune TrieKey;

// budgetdoc: the trie is stored in flat arrays instead of a heap-allocated
// node with an unordered_map of heap-allocated children per node. Upstream's
// layout made 1.4 million allocations (68 MB) for the 350k-word dictionary
// and dominated NewJieba. Here a node is an index into nodes_ and its
// children are a run of edges_ sorted by rune (a node that outgrows its run
// moves it to the end of edges_); the root's children below U+10000 are found
// through a direct table. The arrays are what DictTrie's snapshot saves and
// loads. Lookups, the DAG and insertion have upstream's exact results;
// DeleteNode keeps upstream's behaviour (see there).
class Trie {
 public:
  Trie(const vector<Unicode>& keys, const vector<const DictUnit*>& valuePointers)
   : root_bmp_(kRootDirect, kNone) {
    nodes_.push_back(Node());
    CreateTrie(keys, valuePointers);
  }
  ~Trie() {
  }

  const DictUnit* Find(RuneStrArray::const_iterator begin, RuneStrArray::const_iterator end) const {
    if (begin == end) {
      return NULL;
    }
    uint32_t node = kRoot;
    for (RuneStrArray::const_iterator it = begin; it != end; it++) {
      node = Child(node, it->rune);
      if (node == kNone) {
        return NULL;
      }
    }
    return nodes_[node].value;
  }

  // budgetdoc: Find for a word given as UTF-8, decoding as it walks; NULL
  // when the word is absent or not valid UTF-8.
  const DictUnit* FindUTF8(const char* s, size_t n) const {
    if (n == 0) {
      return NULL;
    }
    uint32_t node = kRoot;
    for (size_t i = 0; i < n;) {
      RuneStrLite rp = DecodeUTF8ToRune(s + i, n - i);
      if (rp.len == 0) {
        return NULL;
      }
      node = Child(node, rp.rune);
      if (node == kNone) {
        return NULL;
      }
      i += rp.len;
    }
    return nodes_[node].value;
  }

  void Find(RuneStrArray::const_iterator begin, 
        RuneStrArray::const_iterator end, 
        vector<struct Dag>&res, 
        size_t max_word_len = MAX_WORD_LENGTH) const {
    res.resize(end - begin);

    for (size_t i = 0; i < size_t(end - begin); i++) {
      res[i].runestr = *(begin + i);

      uint32_t node = Child(kRoot, res[i].runestr.rune);
      res[i].nexts.push_back(pair<size_t, const DictUnit*>(i, node == kNone ? NULL : nodes_[node].value));

      for (size_t j = i + 1; j < size_t(end - begin) && (j - i + 1) <= max_word_len; j++) {
        if (node == kNone || nodes_[node].n == 0) {
          break;
        }
        node = Child(node, (begin + j)->rune);
        if (node == kNone) {
          break;
        }
        if (NULL != nodes_[node].value) {
          res[i].nexts.push_back(pair<size_t, const DictUnit*>(j, nodes_[node].value));
        }
      }
    }
  }

  void InsertNode(const Unicode& key, const DictUnit* ptValue) {
    if (key.begin() == key.end()) {
      return;
    }
    uint32_t node = kRoot;
    for (Unicode::const_iterator citer = key.begin(); citer != key.end(); ++citer) {
      node = ChildOrNew(node, *citer);
    }
    nodes_[node].value = ptValue;
  }

  // DeleteNode keeps upstream's behaviour: it unlinks the root's child for
  // the key's first rune, so every word beginning with that rune is gone
  // (upstream also leaked that subtree; here its nodes stay unreachable in
  // nodes_).
  void DeleteNode(const Unicode& key, const DictUnit* ptValue) {
    if (key.begin() == key.end()) {
      return;
    }
    Rune r = *key.begin();
    if (r < kRootDirect) {
      root_bmp_[r] = kNone;
      return;
    }
    Node& root = nodes_[kRoot];
    Edge* b = Kids(root);
    Edge* e = b + root.n;
    Edge* it = lower_bound(b, e, r, EdgeLess());
    if (it != e && it->rune == r) {
      copy(it + 1, e, it);
      root.n--;
    }
  }

 private:
  friend class DictTrie; // saves and loads the arrays in its snapshot

  static const uint32_t kRoot = 0;
  static const uint32_t kNone = 0xFFFFFFFFu; // no such child
  static const Rune kRootDirect = 0x10000;   // root children below this are in root_bmp_

  struct Edge {
    Rune rune;
    uint32_t child;
  };
  struct EdgeLess {
    bool operator()(const Edge& e, Rune r) const {
      return e.rune < r;
    }
  };
  struct Node {
    Node(): value(NULL), off(0), n(0), cap(0) {
    }
    const DictUnit* value;
    // The children are edges_[off, off+n), sorted by rune, in a run of cap
    // edges; the root's runes below kRootDirect are in root_bmp_ instead.
    uint32_t off, n, cap;
  };

  Edge* Kids(Node& nd) {
    return edges_.empty() ? NULL : &edges_[0] + nd.off;
  }
  const Edge* Kids(const Node& nd) const {
    return edges_.empty() ? NULL : &edges_[0] + nd.off;
  }

  uint32_t Child(uint32_t node, Rune r) const {
    if (node == kRoot && r < kRootDirect) {
      return root_bmp_[r];
    }
    const Node& nd = nodes_[node];
    const Edge* b = Kids(nd);
    const Edge* e = b + nd.n;
    const Edge* it = lower_bound(b, e, r, EdgeLess());
    if (it == e || it->rune != r) {
      return kNone;
    }
    return it->child;
  }

  uint32_t ChildOrNew(uint32_t node, Rune r) {
    uint32_t c = Child(node, r);
    if (c != kNone) {
      return c;
    }
    c = uint32_t(nodes_.size());
    nodes_.push_back(Node());
    if (node == kRoot && r < kRootDirect) {
      root_bmp_[r] = c;
      return c;
    }
    Node& nd = nodes_[node];
    if (nd.n == nd.cap) {
      // Move the run to the end of edges_ with room to grow; the old run
      // stays unused (a snapshot compacts it away).
      uint32_t cap = nd.cap == 0 ? 1 : nd.cap * 2;
      uint32_t off = uint32_t(edges_.size());
      edges_.resize(edges_.size() + cap);
      copy(edges_.begin() + nd.off, edges_.begin() + nd.off + nd.n, edges_.begin() + off);
      nd.off = off;
      nd.cap = cap;
    }
    Edge* b = Kids(nd);
    Edge* e = b + nd.n;
    Edge* it = lower_bound(b, e, r, EdgeLess());
    copy_backward(it, e, e + 1);
    it->rune = r;
    it->child = c;
    nd.n++;
    return c;
  }

  void CreateTrie(const vector<Unicode>& keys, const vector<const DictUnit*>& valuePointers) {
    if (valuePointers.empty() || keys.empty()) {
      return;
    }
    assert(keys.size() == valuePointers.size());

    for (size_t i = 0; i < keys.size(); i++) {
      InsertNode(keys[i], valuePointers[i]);
    }
  }

  vector<Node> nodes_;        // nodes_[kRoot] is the root
  vector<Edge> edges_;        // the nodes' runs of children
  vector<uint32_t> root_bmp_; // rune -> child of the root, or kNone
}; // class Trie
} // namespace cppjieba

#endif // CPPJIEBA_TRIE_HPP
