#include "textstats.h"

#include <ctype.h>

size_t count_words(const char *text)
{
    size_t words = 0;
    int in_word = 0;
    for (const char *p = text; *p; ++p) {
        if (isspace((unsigned char)*p)) {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            ++words;
        }
    }
    return words;
}

size_t count_lines(const char *text)
{
    size_t lines = 0;
    const char *p = text;
    for (; *p; ++p)
        if (*p == '\n')
            ++lines;
    if (p != text && p[-1] != '\n')
        ++lines;
    return lines;
}
