#ifndef CJIEBA_UTIL_H
#define CJIEBA_UTIL_H

void FreeWords(char** words);

#endif // CJIEBA_UTIL_H
