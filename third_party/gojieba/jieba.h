#ifndef CJIEBA_JIEBA_H
#define CJIEBA_JIEBA_H

#include <stdlib.h>
#include "util.h"

typedef void* Jieba;

typedef struct {
  size_t offset;
  size_t len;
} Word;

typedef enum {
  DefaultMode = 0,
  SearchMode = 1,
} TokenizeMode;

Jieba NewJieba(const char* dict_path,
      const char* hmm_path, 
      const char* user_dict,
      const char* idf_path,
      const char* stop_words_path);
// budgetdoc: NewJieba keeping the built dictionary trie in a snapshot file
// (cppjieba's DictTrie), and whether it was loaded from there.
Jieba NewJiebaSnapshot(const char* dict_path,
      const char* hmm_path,
      const char* user_dict,
      const char* idf_path,
      const char* stop_words_path,
      const char* snapshot_path);
int JiebaFromSnapshot(Jieba);
void FreeJieba(Jieba);

char** Cut(Jieba handle, const char* sentence, int is_hmm_used);
char** CutAll(Jieba handle, const char* sentence);
char** CutForSearch(Jieba handle, const char* sentence, int is_hmm_used);
char** Tag(Jieba handle, const char* sentence);
void AddWord(Jieba handle, const char* word);
void AddWordEx(Jieba handle, const char* word, int freq, const char* tag);
void RemoveWord(Jieba handle, const char* word);

Word* Tokenize(Jieba x, const char* sentence, TokenizeMode mode, int is_hmm_used);

// budgetdoc: TokenizeTagged is Tokenize in DefaultMode that also gives each
// word's part-of-speech tag from the dictionary: tag points to the tag of
// the word's dictionary entry (valid as long as the Jieba), or is NULL when
// the word is not in the dictionary or its entry has no tag, where Tag
// applies its rule for unknown words instead. The list ends with len 0.
typedef struct {
  size_t offset;
  size_t len;
  const char* tag;
  size_t tag_len;
} TaggedWord;
TaggedWord* TokenizeTagged(Jieba x, const char* sentence, int is_hmm_used);

struct CWordWeight {
  char* word;
  double weight;
};

char** Extract(Jieba handle, const char* sentence, int top_k);
struct CWordWeight* ExtractWithWeight(Jieba handle, const char* sentence, int top_k);
void FreeWordWeights(struct CWordWeight* wws);

#endif // CJIEBA_JIEBA_H
