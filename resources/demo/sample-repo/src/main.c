#include "textstats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_all(FILE *in)
{
    size_t size = 0, capacity = 4096;
    char *text = malloc(capacity);
    if (!text)
        return NULL;
    size_t got;
    while ((got = fread(text + size, 1, capacity - size - 1, in)) > 0) {
        size += got;
        if (capacity - size < 2) {
            char *bigger = realloc(text, capacity * 2);
            if (!bigger) {
                free(text);
                return NULL;
            }
            text = bigger;
            capacity *= 2;
        }
    }
    text[size] = '\0';
    return text;
}

int main(int argc, char **argv)
{
    int words = 1, lines = 1;
    if (argc > 1 && strcmp(argv[1], "-w") == 0)
        lines = 0;
    else if (argc > 1 && strcmp(argv[1], "-l") == 0)
        words = 0;
    char *text = read_all(stdin);
    if (!text) {
        fprintf(stderr, "textstats: out of memory\n");
        return 1;
    }
    if (words)
        printf("words: %zu\n", count_words(text));
    if (lines)
        printf("lines: %zu\n", count_lines(text));
    free(text);
    return 0;
}
