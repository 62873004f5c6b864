#include "textstats.h"

#include <stdio.h>

static int failures = 0;
static int checks = 0;

#define CHECK_EQ(actual, expected)                                                       \
    do {                                                                                 \
        ++checks;                                                                        \
        size_t a_ = (actual), e_ = (expected);                                           \
        if (a_ != e_) {                                                                  \
            ++failures;                                                                  \
            printf("FAIL %s:%d: %s is %zu, expected %zu\n", __FILE__, __LINE__, #actual, \
                   a_, e_);                                                              \
        }                                                                                \
    } while (0)

static void test_count_words(void)
{
    CHECK_EQ(count_words(""), 0);
    CHECK_EQ(count_words("hello"), 1);
    CHECK_EQ(count_words("  hello   big\tworld \n"), 3);
}

static void test_count_lines(void)
{
    CHECK_EQ(count_lines(""), 0);
    CHECK_EQ(count_lines("one"), 1);
    CHECK_EQ(count_lines("one\ntwo\n"), 2);
    CHECK_EQ(count_lines("one\ntwo"), 2);
}

int main(void)
{
    test_count_words();
    test_count_lines();
    printf("%d tests completed, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
