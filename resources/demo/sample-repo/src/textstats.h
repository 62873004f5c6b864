#ifndef TEXTSTATS_H
#define TEXTSTATS_H

#include <stddef.h>

/* Number of words in text: runs of characters separated by whitespace. */
size_t count_words(const char *text);

/* Number of lines in text: newline characters, plus one for a last line
   that does not end in a newline. */
size_t count_lines(const char *text);

#endif
