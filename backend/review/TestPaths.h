#pragma once

#include <string_view>

namespace builder::review {

// Whether a path is a test file by the usual conventions of each ecosystem:
// folders test/, tests/, spec/, __tests__/, testing/; names test_*.py, *_test.go,
// *_test.py, *.test.ts, *.spec.js, *Test.java, *Tests.cs, tst_*.cpp, test_*.cpp, *_spec.rb.
class TestPaths
{
public:
    static bool isTest(std::string_view path);
};

} // namespace builder::review
