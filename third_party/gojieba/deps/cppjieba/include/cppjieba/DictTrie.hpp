#ifndef CPPJIEBA_DICT_TRIE_HPP
#define CPPJIEBA_DICT_TRIE_HPP

#include <algorithm>
#include <iostream>
#include <iterator>
#include <fstream>
#include <map>
#include <string>
#include <cstring>
#include <cstdlib>
#include <stdint.h>
#include <cmath>
#include <limits>
#include <cstddef>
#include <cstdio>
#ifndef _WIN32 // budgetdoc: snapshots are read with mmap
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#include "limonp/StringUtil.hpp"
#include "limonp/Logging.hpp"
#include "Unicode.hpp"
#include "Trie.hpp"

namespace cppjieba {

using namespace limonp;

const double MIN_DOUBLE = -3.14e+100;
const double MAX_DOUBLE = 3.14e+100;
const size_t DICT_COLUMN_NUM = 3;
const char* const UNKNOWN_TAG = "";

class DictTrie {
 public:
  enum UserWordWeightOption {
    WordWeightMin,
    WordWeightMedian,
    WordWeightMax,
  }; // enum UserWordWeightOption

  // budgetdoc: snapshot_path, when not empty, names a snapshot of the built
  // trie (see LoadSnapshot): a valid one is loaded instead of reading the
  // dictionaries, otherwise the trie is built and the snapshot written there.
  // The caller must key the path by the dictionaries' contents.
  DictTrie(const string& dict_path, const string& user_dict_paths = "", UserWordWeightOption user_word_weight_opt = WordWeightMedian,
        const string& snapshot_path = "") : trie_(NULL), from_snapshot_(false) {
    Init(dict_path, user_dict_paths, user_word_weight_opt, snapshot_path);
  }

  // budgetdoc: whether the trie came from a snapshot.
  bool FromSnapshot() const {
    return from_snapshot_;
  }

  ~DictTrie() {
    delete trie_;
  }

  bool InsertUserWord(const string& word, const string& tag = UNKNOWN_TAG) {
    DictUnit node_info;
    if (!MakeNodeInfo(node_info, word, user_word_default_weight_, tag)) {
      return false;
    }
    active_node_infos_.push_back(node_info);
    trie_->InsertNode(node_info.word, &active_node_infos_.back());
    return true;
  }

  bool InsertUserWord(const string& word,int freq, const string& tag = UNKNOWN_TAG) {
    DictUnit node_info;
    double weight = freq ? log(1.0 * freq / freq_sum_) : user_word_default_weight_ ;
    if (!MakeNodeInfo(node_info, word, weight , tag)) {
      return false;
    }
    active_node_infos_.push_back(node_info);
    trie_->InsertNode(node_info.word, &active_node_infos_.back());
    return true;
  }

  bool DeleteUserWord(const string& word, const string& tag = UNKNOWN_TAG) {
    DictUnit node_info;
    if (!MakeNodeInfo(node_info, word, user_word_default_weight_, tag)) {
      return false;
    }
    trie_->DeleteNode(node_info.word, &node_info);
    return true;
  }
  
  const DictUnit* Find(RuneStrArray::const_iterator begin, RuneStrArray::const_iterator end) const {
    return trie_->Find(begin, end);
  }

  void Find(RuneStrArray::const_iterator begin, 
        RuneStrArray::const_iterator end, 
        vector<struct Dag>&res,
        size_t max_word_len = MAX_WORD_LENGTH) const {
    trie_->Find(begin, end, res, max_word_len);
  }

  // budgetdoc: the entry of a word given as UTF-8 (see Trie::FindUTF8).
  const DictUnit* FindUTF8(const char* s, size_t n) const {
    return trie_->FindUTF8(s, n);
  }

  bool Find(const string& word)
  {
    const DictUnit *tmp = NULL;
    RuneStrArray runes;
    if (!DecodeUTF8RunesInString(word, runes))
    {
      XLOG(ERROR) << "Decode failed.";
    }
    tmp = Find(runes.begin(), runes.end());
    if (tmp == NULL)
    {
      return false;
    }
    else
    {
      return true;
    }
  }

  bool IsUserDictSingleChineseWord(const Rune& word) const {
    return IsIn(user_dict_single_chinese_word_, word);
  }

  double GetMinWeight() const {
    return min_weight_;
  }

  void InserUserDictNode(const string& line) {
    vector<string> buf;
    DictUnit node_info;
    Split(line, buf, " ");
    if(buf.size() == 1){
          MakeNodeInfo(node_info, 
                buf[0], 
                user_word_default_weight_,
                UNKNOWN_TAG);
        } else if (buf.size() == 2) {
          MakeNodeInfo(node_info, 
                buf[0], 
                user_word_default_weight_,
                buf[1]);
        } else if (buf.size() == 3) {
          int freq = atoi(buf[1].c_str());
          assert(freq_sum_ > 0.0);
          double weight = log(1.0 * freq / freq_sum_);
          MakeNodeInfo(node_info, buf[0], weight, buf[2]);
        }
        static_node_infos_.push_back(node_info);
        if (node_info.word.size() == 1) {
          user_dict_single_chinese_word_.insert(node_info.word[0]);
        }
  }
  
  void LoadUserDict(const vector<string>& buf) {
    for (size_t i = 0; i < buf.size(); i++) {
      InserUserDictNode(buf[i]);
    }
  }

   void LoadUserDict(const set<string>& buf) {
    std::set<string>::const_iterator iter;
    for (iter = buf.begin(); iter != buf.end(); iter++){
      InserUserDictNode(*iter);
    }
  }

  void LoadUserDict(const string& filePaths) {
    vector<string> files = limonp::Split(filePaths, "|;");
    for (size_t i = 0; i < files.size(); i++) {
      ifstream ifs(files[i].c_str());
      XCHECK(ifs.is_open()) << "open " << files[i] << " failed"; 
      string line;
      
      while(getline(ifs, line)) {
        if (line.size() == 0) {
          continue;
        }
        InserUserDictNode(line);
      }
    }
  }


 private:
  void Init(const string& dict_path, const string& user_dict_paths, UserWordWeightOption user_word_weight_opt,
        const string& snapshot_path) {
    if (!snapshot_path.empty() && LoadSnapshot(snapshot_path, user_word_weight_opt)) {
      from_snapshot_ = true;
      return;
    }
    Build(dict_path, user_dict_paths, user_word_weight_opt);
    if (!snapshot_path.empty()) {
      SaveSnapshot(snapshot_path); // best effort: the next start builds again
    }
  }

  void Build(const string& dict_path, const string& user_dict_paths, UserWordWeightOption user_word_weight_opt) {
    LoadDict(dict_path);
    freq_sum_ = CalcFreqSum(static_node_infos_);
    CalculateWeight(static_node_infos_, freq_sum_);
    SetStaticWordWeights(user_word_weight_opt);

    if (user_dict_paths.size()) {
      LoadUserDict(user_dict_paths);
    }
    Shrink(static_node_infos_);
    CreateTrie(static_node_infos_);
  }
  
  void CreateTrie(const vector<DictUnit>& dictUnits) {
    assert(dictUnits.size());
    // budgetdoc: insert from the units directly, in the same order, instead
    // of through copies of every word.
    trie_ = new Trie(vector<Unicode>(), vector<const DictUnit*>());
    for (size_t i = 0 ; i < dictUnits.size(); i ++) {
      trie_->InsertNode(dictUnits[i].word, &dictUnits[i]);
    }
  }

  


  bool MakeNodeInfo(DictUnit& node_info,
        const string& word, 
        double weight, 
        const string& tag) {
    if (!DecodeUTF8RunesInString(word, node_info.word)) {
      XLOG(ERROR) << "UTF-8 decode failed for dict word: " << word;
      return false;
    }
    node_info.weight = weight;
    node_info.tag = tag;
    return true;
  }

  void LoadDict(const string& filePath) {
    ifstream ifs(filePath.c_str());
    XCHECK(ifs.is_open()) << "open " << filePath << " failed.";
    string line;
    vector<string> buf;

    DictUnit node_info;
    // budgetdoc: size the vector once (lines, plus room for a user
    // dictionary) instead of regrowing it, copying every unit each time.
    size_t lines = count(istreambuf_iterator<char>(ifs), istreambuf_iterator<char>(), '\n');
    ifs.clear();
    ifs.seekg(0);
    static_node_infos_.reserve(lines + lines / 64 + 1024);
    while (getline(ifs, line)) {
      Split(line, buf, " ");
      XCHECK(buf.size() == DICT_COLUMN_NUM) << "split result illegal, line:" << line;
      MakeNodeInfo(node_info, 
            buf[0], 
            atof(buf[1].c_str()), 
            buf[2]);
      static_node_infos_.push_back(node_info);
    }
  }

  static bool WeightCompare(const DictUnit& lhs, const DictUnit& rhs) {
    return lhs.weight < rhs.weight;
  }

  void SetStaticWordWeights(UserWordWeightOption option) {
    XCHECK(!static_node_infos_.empty());
    // budgetdoc: the same three values as sorting a copy of every unit by
    // weight, from the weights alone (the copy and sort were a third of the
    // load time).
    vector<double> x(static_node_infos_.size());
    for (size_t i = 0; i < x.size(); i++) {
      x[i] = static_node_infos_[i].weight;
    }
    min_weight_ = *min_element(x.begin(), x.end());
    max_weight_ = *max_element(x.begin(), x.end());
    nth_element(x.begin(), x.begin() + x.size() / 2, x.end());
    median_weight_ = x[x.size() / 2];
    SetUserWordDefaultWeight(option);
  }

  void SetUserWordDefaultWeight(UserWordWeightOption option) {
    switch (option) {
     case WordWeightMin:
       user_word_default_weight_ = min_weight_;
       break;
     case WordWeightMedian:
       user_word_default_weight_ = median_weight_;
       break;
     default:
       user_word_default_weight_ = max_weight_;
       break;
    }
  }

  double CalcFreqSum(const vector<DictUnit>& node_infos) const {
    double sum = 0.0;
    for (size_t i = 0; i < node_infos.size(); i++) {
      sum += node_infos[i].weight;
    }
    return sum;
  }

  void CalculateWeight(vector<DictUnit>& node_infos, double sum) const {
    assert(sum > 0.0);
    for (size_t i = 0; i < node_infos.size(); i++) {
      DictUnit& node_info = node_infos[i];
      assert(node_info.weight > 0.0);
      node_info.weight = log(double(node_info.weight)/sum);
    }
  }

  void Shrink(vector<DictUnit>& units) const {
    // budgetdoc: copy only when much of the capacity is unused.
    if (units.capacity() - units.size() > units.size() / 8) {
      vector<DictUnit>(units.begin(), units.end()).swap(units);
    }
  }

  // ---- budgetdoc: snapshots ----
  //
  // A snapshot is the built trie in one file: a header, then the units
  // (weight and positions of their runes and tag), the runes, the tags' bytes,
  // the trie's nodes and edges (compacted), the root's direct table and the
  // user dictionary's single-character words. Loading it skips parsing the
  // dictionaries, computing the weights and building the trie. Everything is
  // checked before use: the header (magic, version, byte order, sizes), a
  // checksum over the header and the rest, every index and the trie's shape
  // (SnapshotIsTree), so that a damaged, truncated or foreign file is never
  // trusted; it is then rebuilt from the dictionaries.

  struct SnapshotHeader {
    char magic[8];
    uint32_t version;
    uint32_t order;
    uint64_t units, runes, tag_bytes, nodes, edges, singles;
    double freq_sum, min_weight, max_weight, median_weight;
    uint64_t checksum; // SnapshotChecksum
  };
  struct SnapshotUnit {
    double weight;
    uint32_t rune_off, rune_len, tag_off, tag_len;
  };
  struct SnapshotNode {
    uint32_t unit; // index into the units, or Trie::kNone
    uint32_t off, n;
  };

  static const char* SnapshotMagic() {
    return "BDJIEBA\x01";
  }
  static const uint32_t kSnapshotVersion = 2;
  static const uint32_t kSnapshotOrder = 0x01020304;
  static const uint64_t kSnapshotMaxCount = uint64_t(1) << 28;

  // SnapshotSum is a checksum against damage (not an adversary): four
  // independent multiply-rotate lanes over 8-byte words.
  static uint64_t SnapshotSum(const char* p, size_t n) {
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h[4] = {k, k ^ 1, k ^ 2, k ^ 3};
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
      for (int l = 0; l < 4; l++) {
        uint64_t w;
        memcpy(&w, p + i + 8 * l, 8);
        h[l] = (h[l] ^ w) * k;
        h[l] = (h[l] << 29) | (h[l] >> 35);
      }
    }
    uint64_t t = n;
    for (; i < n; i++) {
      t = (t ^ uint8_t(p[i])) * k;
    }
    uint64_t r = t;
    for (int l = 0; l < 4; l++) {
      r = (r ^ h[l]) * k;
      r ^= r >> 31;
    }
    return r;
  }

  // SnapshotChecksum covers the header up to the checksum and the body.
  static uint64_t SnapshotChecksum(const SnapshotHeader& hd, const char* body, size_t n) {
    return SnapshotSum(reinterpret_cast<const char*>(&hd), offsetof(SnapshotHeader, checksum)) ^ SnapshotSum(body, n);
  }

  template <class T>
  static void Append(string& out, const T* p, size_t n) {
    if (n > 0) {
      out.append(reinterpret_cast<const char*>(p), n * sizeof(T));
    }
  }

  bool SaveSnapshot(const string& path) const {
#ifdef _WIN32
    return false; // never loaded there
#endif
    if (static_node_infos_.empty() || !active_node_infos_.empty()) {
      return false;
    }
    const DictUnit* first = &static_node_infos_[0];
    const DictUnit* last = first + static_node_infos_.size();

    vector<SnapshotUnit> units(static_node_infos_.size());
    vector<Rune> runes;
    string tags;
    map<string, uint32_t> tag_off;
    for (size_t i = 0; i < static_node_infos_.size(); i++) {
      const DictUnit& u = static_node_infos_[i];
      units[i].weight = u.weight;
      units[i].rune_off = uint32_t(runes.size());
      units[i].rune_len = uint32_t(u.word.size());
      runes.insert(runes.end(), u.word.begin(), u.word.end());
      map<string, uint32_t>::const_iterator it = tag_off.find(u.tag);
      if (it == tag_off.end()) {
        it = tag_off.insert(make_pair(u.tag, uint32_t(tags.size()))).first;
        tags += u.tag;
      }
      units[i].tag_off = it->second;
      units[i].tag_len = uint32_t(u.tag.size());
    }
    const vector<Trie::Node>& tn = trie_->nodes_;
    vector<SnapshotNode> nodes(tn.size());
    vector<Trie::Edge> edges;
    for (size_t i = 0; i < tn.size(); i++) {
      const DictUnit* v = tn[i].value;
      if (v != NULL && (v < first || v >= last)) {
        return false; // a value outside the units (cannot happen before AddWord)
      }
      nodes[i].unit = v == NULL ? Trie::kNone : uint32_t(v - first);
      nodes[i].off = uint32_t(edges.size());
      nodes[i].n = tn[i].n;
      const Trie::Edge* kids = trie_->Kids(tn[i]);
      edges.insert(edges.end(), kids, kids + tn[i].n);
    }
    vector<Rune> singles(user_dict_single_chinese_word_.begin(), user_dict_single_chinese_word_.end());
    sort(singles.begin(), singles.end());

    SnapshotHeader hd;
    memset(&hd, 0, sizeof(hd));
    memcpy(hd.magic, SnapshotMagic(), sizeof(hd.magic));
    hd.version = kSnapshotVersion;
    hd.order = kSnapshotOrder;
    hd.units = units.size();
    hd.runes = runes.size();
    hd.tag_bytes = tags.size();
    hd.nodes = nodes.size();
    hd.edges = edges.size();
    hd.singles = singles.size();
    hd.freq_sum = freq_sum_;
    hd.min_weight = min_weight_;
    hd.max_weight = max_weight_;
    hd.median_weight = median_weight_;

    string body;
    Append(body, units.data(), units.size());
    Append(body, runes.data(), runes.size());
    body += tags;
    body.append(Pad8(tags.size()) - tags.size(), '\0'); // keeps what follows aligned
    Append(body, nodes.data(), nodes.size());
    Append(body, edges.data(), edges.size());
    Append(body, trie_->root_bmp_.data(), trie_->root_bmp_.size());
    Append(body, singles.data(), singles.size());
    hd.checksum = SnapshotChecksum(hd, body.data(), body.size());

    // Written under a private name and renamed into place, so that a reader
    // never sees half a file and concurrent writers leave one whole file.
    char suffix[64];
#ifdef _WIN32
    long pid = 0;
#else
    long pid = long(getpid());
#endif
    snprintf(suffix, sizeof(suffix), ".tmp-%ld", pid);
    string tmp = path + suffix;
    FILE* f = fopen(tmp.c_str(), "wb");
    if (f == NULL) {
      return false;
    }
    bool ok = fwrite(&hd, sizeof(hd), 1, f) == 1 && fwrite(body.data(), 1, body.size(), f) == body.size();
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp.c_str(), path.c_str()) != 0) {
      remove(tmp.c_str());
      return false;
    }
    return true;
  }

  // SnapshotView points into a snapshot's body: one typed array after the
  // other, each checked to lie inside the body.
  struct SnapshotView {
    const char* p;
    size_t left;
    template <class T>
    bool Take(const T*& out, uint64_t n) {
      if (n > left / sizeof(T)) {
        return false;
      }
      out = reinterpret_cast<const T*>(p);
      p += n * sizeof(T);
      left -= n * sizeof(T);
      return true;
    }
  };

  // MappedFile is a read-only private mapping of a whole file.
  struct MappedFile {
    MappedFile(): data(NULL), size(0) {
    }
#ifdef _WIN32
    bool Open(const string&) {
      return false;
    }
#else
    ~MappedFile() {
      if (data != NULL) {
        munmap(const_cast<char*>(data), size);
      }
    }
    bool Open(const string& path) {
      int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        return false;
      }
      struct stat st;
      if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 || uint64_t(st.st_size) > (uint64_t(1) << 32)) {
        close(fd);
        return false;
      }
      int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
      // Linux: map the (cached) pages at once instead of faulting them in
      // one by one.
      flags |= MAP_POPULATE;
#endif
      void* m = mmap(NULL, size_t(st.st_size), PROT_READ, flags, fd, 0);
      close(fd);
      if (m == MAP_FAILED) {
        return false;
      }
      data = static_cast<const char*>(m);
      size = size_t(st.st_size);
      return true;
    }
#endif
    const char* data;
    size_t size;
   private:
    MappedFile(const MappedFile&);
    MappedFile& operator=(const MappedFile&);
  };

  static uint64_t Pad8(uint64_t n) {
    return (n + 7) & ~uint64_t(7);
  }

  // SnapshotIsTree checks that the nodes form a tree under the root (no node
  // reached twice) and that every node holding a unit is reached by exactly
  // that unit's runes: the segmenters take a word's length from its unit,
  // so a unit at the wrong depth would send them past the end of the text.
  static bool SnapshotIsTree(const SnapshotHeader& hd, const SnapshotUnit* units, const Rune* runes,
        const SnapshotNode* nodes, const Trie::Edge* edges, const uint32_t* root_bmp) {
    const size_t kMaxDepth = 1 << 16;
    vector<bool> seen(hd.nodes, false);
    vector<Rune> path;
    struct Step {
      uint32_t node, depth;
      Rune rune;
    };
    vector<Step> stack;
    for (uint32_t r = 0; r < Trie::kRootDirect; r++) {
      if (root_bmp[r] != Trie::kNone) {
        Step st = {root_bmp[r], 1, r};
        stack.push_back(st);
      }
    }
    for (uint32_t j = nodes[Trie::kRoot].off; j < nodes[Trie::kRoot].off + nodes[Trie::kRoot].n; j++) {
      Step st = {edges[j].child, 1, edges[j].rune};
      stack.push_back(st);
    }
    seen[Trie::kRoot] = true;
    while (!stack.empty()) {
      Step st = stack.back();
      stack.pop_back();
      if (seen[st.node] || st.depth > kMaxDepth) {
        return false;
      }
      seen[st.node] = true;
      path.resize(st.depth);
      path[st.depth - 1] = st.rune;
      const SnapshotNode& nd = nodes[st.node];
      if (nd.unit != Trie::kNone) {
        const SnapshotUnit& u = units[nd.unit];
        if (u.rune_len != st.depth || memcmp(runes + u.rune_off, path.data(), st.depth * sizeof(Rune)) != 0) {
          return false;
        }
      }
      for (uint32_t j = nd.off; j < nd.off + nd.n; j++) {
        Step next = {edges[j].child, st.depth + 1, edges[j].rune};
        stack.push_back(next);
      }
    }
    return true;
  }

  bool LoadSnapshot(const string& path, UserWordWeightOption user_word_weight_opt) {
    MappedFile file;
    if (!file.Open(path) || file.size < sizeof(SnapshotHeader)) {
      return false;
    }
    SnapshotHeader hd;
    memcpy(&hd, file.data, sizeof(hd));
    if (memcmp(hd.magic, SnapshotMagic(), sizeof(hd.magic)) != 0 || hd.version != kSnapshotVersion ||
        hd.order != kSnapshotOrder) {
      return false;
    }
    if (hd.units == 0 || hd.nodes == 0 || hd.units > kSnapshotMaxCount || hd.runes > kSnapshotMaxCount ||
        hd.tag_bytes > kSnapshotMaxCount || hd.nodes > kSnapshotMaxCount || hd.edges > kSnapshotMaxCount ||
        hd.singles > kSnapshotMaxCount) {
      return false;
    }
    uint64_t body_size = hd.units * sizeof(SnapshotUnit) + hd.runes * sizeof(Rune) + Pad8(hd.tag_bytes) +
        hd.nodes * sizeof(SnapshotNode) + hd.edges * sizeof(Trie::Edge) + uint64_t(Trie::kRootDirect) * sizeof(uint32_t) +
        hd.singles * sizeof(Rune);
    const char* body = file.data + sizeof(hd);
    if (file.size - sizeof(hd) != body_size || SnapshotChecksum(hd, body, body_size) != hd.checksum) {
      return false;
    }

    SnapshotView rd = {body, size_t(body_size)};
    const SnapshotUnit* units;
    const Rune* runes;
    const char* tags;
    const char* tag_pad;
    const SnapshotNode* nodes;
    const Trie::Edge* edges;
    const uint32_t* root_bmp;
    const Rune* singles;
    if (!rd.Take(units, hd.units) || !rd.Take(runes, hd.runes) || !rd.Take(tags, hd.tag_bytes) ||
        !rd.Take(tag_pad, Pad8(hd.tag_bytes) - hd.tag_bytes) || !rd.Take(nodes, hd.nodes) ||
        !rd.Take(edges, hd.edges) || !rd.Take(root_bmp, Trie::kRootDirect) || !rd.Take(singles, hd.singles)) {
      return false;
    }
    for (size_t i = 0; i < hd.units; i++) {
      const SnapshotUnit& u = units[i];
      if (u.rune_len == 0 || uint64_t(u.rune_off) + u.rune_len > hd.runes ||
          uint64_t(u.tag_off) + u.tag_len > hd.tag_bytes) {
        return false;
      }
    }
    for (size_t i = 0; i < hd.nodes; i++) {
      const SnapshotNode& nd = nodes[i];
      if ((nd.unit != Trie::kNone && nd.unit >= hd.units) || uint64_t(nd.off) + nd.n > hd.edges) {
        return false;
      }
      for (uint32_t j = nd.off; j < nd.off + nd.n; j++) {
        if (edges[j].child == Trie::kRoot || edges[j].child >= hd.nodes ||
            (j > nd.off && edges[j - 1].rune >= edges[j].rune) || (i == Trie::kRoot && edges[j].rune < Trie::kRootDirect)) {
          return false;
        }
      }
    }
    for (size_t r = 0; r < Trie::kRootDirect; r++) {
      if (root_bmp[r] != Trie::kNone && (root_bmp[r] == Trie::kRoot || root_bmp[r] >= hd.nodes)) {
        return false;
      }
    }
    if (nodes[Trie::kRoot].unit != Trie::kNone || !SnapshotIsTree(hd, units, runes, nodes, edges, root_bmp)) {
      return false;
    }

    static_node_infos_.resize(hd.units);
    for (size_t i = 0; i < hd.units; i++) {
      DictUnit& du = static_node_infos_[i];
      const SnapshotUnit& u = units[i];
      du.word.reserve(u.rune_len);
      for (uint32_t j = 0; j < u.rune_len; j++) {
        du.word.push_back(runes[u.rune_off + j]);
      }
      du.weight = u.weight;
      du.tag.assign(tags + u.tag_off, u.tag_len);
    }
    trie_ = new Trie(vector<Unicode>(), vector<const DictUnit*>());
    vector<Trie::Node>& tn = trie_->nodes_;
    tn.resize(hd.nodes);
    for (size_t i = 0; i < hd.nodes; i++) {
      tn[i].value = nodes[i].unit == Trie::kNone ? NULL : &static_node_infos_[nodes[i].unit];
      tn[i].off = nodes[i].off;
      tn[i].n = nodes[i].n;
      tn[i].cap = nodes[i].n;
    }
    trie_->edges_.assign(edges, edges + hd.edges);
    trie_->root_bmp_.assign(root_bmp, root_bmp + Trie::kRootDirect);
    user_dict_single_chinese_word_.insert(singles, singles + hd.singles);
    freq_sum_ = hd.freq_sum;
    min_weight_ = hd.min_weight;
    max_weight_ = hd.max_weight;
    median_weight_ = hd.median_weight;
    SetUserWordDefaultWeight(user_word_weight_opt);
    return true;
  }

  vector<DictUnit> static_node_infos_;
  deque<DictUnit> active_node_infos_; // must not be vector
  Trie * trie_;
  bool from_snapshot_;

  double freq_sum_;
  double min_weight_;
  double max_weight_;
  double median_weight_;
  double user_word_default_weight_;
  unordered_set<Rune> user_dict_single_chinese_word_;
};
}

#endif
