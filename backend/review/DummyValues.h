#pragma once

#include <string_view>

namespace builder::review {

// The allow-lists of the secret scanner: values that documentation, templates
// and examples use instead of real credentials, and paths whose content is
// test data by convention. See shared/docs/review.md for the lists.
class DummyValues
{
public:
    // AKIAIOSFODNN7EXAMPLE, "xxxx…", "<your-token>", "${VAR}", "{{ var }}", "$VAR",
    // "changeme", runs of one character, "abcdefgh"/"12345678" sequences, ...
    static bool isDummy(std::string_view value);
    // Words a generic `password = "..."` assignment uses without being a secret.
    static bool isCommonWord(std::string_view value);
    // testdata/, fixtures/, __fixtures__/, __mocks__/, __snapshots__/ folders and
    // *.example / *.sample / *.template files (".env.example").
    static bool isFixturePath(std::string_view path);
    // Files that hold only checksums (go.sum): never scanned for secrets.
    static bool isChecksumFile(std::string_view path);
    // 8-4-4-4-12 hex.
    static bool isUuid(std::string_view value);
};

} // namespace builder::review
