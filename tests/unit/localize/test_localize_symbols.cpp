// Symbol extraction: the built-in extractor per language, and ctags when it is
// installed (skipped with the reason otherwise).
#include "localize/BuiltinSymbolExtractor.h"
#include "localize/CtagsExtractor.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace builder::localize;

Q_DECLARE_METATYPE(builder::localize::Language)

class TestLocalizeSymbols : public QObject
{
    Q_OBJECT

private slots:
    void builtin_data();
    void builtin();
    void lineNumbers();
    void unsupportedLanguage();
    void ctags();
};

void TestLocalizeSymbols::builtin_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expected"); // "kind name" in line order
    QTest::addColumn<QStringList>("absent");   // names that must not appear

    QTest::newRow("cpp") << Language::Cpp
                         << "#define MAX_SIZE 10\n"
                            "namespace net {\n"
                            "class BUILDER_API RateLimiter : public Base {\n"
                            "public:\n"
                            "    bool allowRequest(const std::string& client);\n"
                            "    static constexpr int kLimit = 3;\n"
                            "};\n"
                            "struct Bucket {\n"
                            "enum class Mode : int { A, B };\n"
                            "using Clock = std::chrono::steady_clock;\n"
                            "typedef int (*Handler)(int);\n"
                            "constexpr int kBurst = 5;\n"
                            "bool RateLimiter::allowRequest(const std::string& client)\n"
                            "{\n"
                            "    if (check(client)) {\n"
                            "        return refill(client);\n"
                            "    }\n"
                            "    int value = compute(3);\n"
                            "}\n"
                            "class Forward;\n"
                            "/* void commented(int x) {\n"
                            "   void alsoCommented(); */\n"
                            "static void helper(int x) {\n"
                            "}\n"
                         << QStringList{"macro MAX_SIZE",    "namespace net",
                                        "class RateLimiter", "method allowRequest",
                                        "struct Bucket",     "enum Mode",
                                        "type Clock",        "type Handler",
                                        "constant kBurst",   "method allowRequest",
                                        "function helper"}
                         << QStringList{"check",     "refill",        "compute", "Forward",
                                        "commented", "alsoCommented", "value"};
    QTest::newRow("c") << Language::C
                       << "struct stat st;\n"
                          "typedef struct node node_t;\n"
                          "int main(int argc, char** argv)\n"
                          "{\n"
                          "    printf(\"%d\", argc);\n"
                          "}\n"
                       << QStringList{"type node_t", "function main"}
                       << QStringList{"stat", "printf"};
    QTest::newRow("go")
        << Language::Go
        << "package limiter\n"
           "type Bucket struct {\n"
           "type Store interface {\n"
           "type ID string\n"
           "const MaxTokens = 10\n"
           "const (\n"
           "\tdefaultRate = 5\n"
           ")\n"
           "func NewBucket(rate int) *Bucket {\n"
           "func (b *Bucket) Allow() bool {\n"
        << QStringList{"struct Bucket",      "interface Store",      "type ID",
                       "constant MaxTokens", "constant defaultRate", "function NewBucket",
                       "method Allow"}
        << QStringList{"limiter"};
    QTest::newRow("python") << Language::Python
                            << "MAX_RETRIES = 3\n"
                               "class RateLimiter(Base):\n"
                               "    \"\"\"Limits.\n"
                               "    def not_a_method(self):\n"
                               "    \"\"\"\n"
                               "    def allow(self, client):\n"
                               "        return True\n"
                               "async def fetch(url):\n"
                               "value = compute()\n"
                            << QStringList{"constant MAX_RETRIES", "class RateLimiter",
                                           "method allow", "function fetch"}
                            << QStringList{"not_a_method", "value", "compute"};
    QTest::newRow("javascript") << Language::JavaScript
                                << "export function createLimiter(opts) {\n"
                                   "export default class Limiter {\n"
                                   "  async allow(client) {\n"
                                   "    if (x) {\n"
                                   "  }\n"
                                   "const handler = (req) => next(req);\n"
                                   "const LIMIT = 10;\n"
                                   "let counter = 0;\n"
                                << QStringList{"function createLimiter", "class Limiter",
                                               "method allow", "function handler", "constant LIMIT"}
                                << QStringList{"counter", "if"};
    QTest::newRow("typescript") << Language::TypeScript
                                << "export interface LimiterOptions {\n"
                                   "export type ClientId = string;\n"
                                   "export enum Mode {\n"
                                   "export abstract class Base<T> {\n"
                                   "  private refill(now: number): void {\n"
                                << QStringList{"interface LimiterOptions", "type ClientId",
                                               "enum Mode", "class Base", "method refill"}
                                << QStringList{};
    QTest::newRow("java") << Language::Java
                          << "package com.acme;\n"
                             "@Service\n"
                             "public final class RateLimiter implements Limiter {\n"
                             "    @Override\n"
                             "    public boolean allowRequest(String clientId) {\n"
                             "        return bucket.take(clientId);\n"
                             "    }\n"
                             "    private static final int LIMIT = 3;\n"
                             "    public interface Listener {\n"
                             "    enum State { OPEN, CLOSED }\n"
                             "    public record Config(int capacity) {}\n"
                          << QStringList{"class RateLimiter", "method allowRequest",
                                         "interface Listener", "enum State", "class Config"}
                          << QStringList{"take"};
    QTest::newRow("rust") << Language::Rust
                          << "pub struct Bucket {\n"
                             "pub(crate) enum Mode {\n"
                             "pub trait Limiter {\n"
                             "impl Limiter for Bucket {\n"
                             "    pub async fn allow(&mut self) -> bool {\n"
                             "        refill(self);\n"
                             "pub const MAX: u32 = 5;\n"
                             "static mut COUNTER: u32 = 0;\n"
                             "type Result<T> = std::result::Result<T, Error>;\n"
                             "mod tests {\n"
                             "macro_rules! limit {\n"
                             "fn main() {\n"
                          << QStringList{"struct Bucket", "enum Mode",    "interface Limiter",
                                         "method allow",  "constant MAX", "variable COUNTER",
                                         "type Result",   "module tests", "macro limit",
                                         "function main"}
                          << QStringList{"refill"};
    QTest::newRow("ruby") << Language::Ruby
                          << "module Gateway\n  class Limiter\n    def allow?(client)\n"
                          << QStringList{"module Gateway", "class Limiter", "method allow"}
                          << QStringList{};
    QTest::newRow("shell") << Language::Shell << "#!/bin/sh\nsetup() {\nfunction teardown {\n"
                           << QStringList{"function setup", "function teardown"} << QStringList{};
    QTest::newRow("cmake") << Language::CMake
                           << "function(builder_add_test name)\nadd_library(core STATIC a.c)\n"
                           << QStringList{"function builder_add_test", "module core"}
                           << QStringList{};
    QTest::newRow("protobuf") << Language::Protobuf
                              << "message LimitRequest {\nservice Limits {\n  rpc Check(A) "
                                 "returns (B);\nenum Kind {\n"
                              << QStringList{"struct LimitRequest", "interface Limits",
                                             "method Check", "enum Kind"}
                              << QStringList{};
    QTest::newRow("kotlin") << Language::Kotlin
                            << "data class Config(val capacity: Int)\nfun String.slug(): String "
                               "{\nobject Registry {\nconst val LIMIT = 3\n"
                            << QStringList{"class Config", "function slug", "class Registry",
                                           "constant LIMIT"}
                            << QStringList{};
    QTest::newRow("csharp") << Language::CSharp
                            << "namespace Acme.Gateway\n[ApiController]\npublic sealed class "
                               "Limiter : Base\n    public async Task<bool> AllowAsync(string "
                               "id)\n"
                            << QStringList{"namespace Acme", "class Limiter", "method AllowAsync"}
                            << QStringList{};
}

void TestLocalizeSymbols::builtin()
{
    QFETCH(Language, language);
    QFETCH(QString, source);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    const std::string text = source.toStdString();
    QStringList actual;
    for (const auto& symbol : BuiltinSymbolExtractor::extract(language, text))
        actual << QString::fromUtf8(symbolKindName(symbol.kind).data()) + " " +
                      QString::fromStdString(symbol.name);
    QCOMPARE(actual, expected);
    for (const auto& name : absent) {
        for (const auto& entry : actual)
            QVERIFY2(!entry.endsWith(" " + name), qPrintable(name + " should not be a symbol"));
    }
}

void TestLocalizeSymbols::lineNumbers()
{
    const auto symbols =
        BuiltinSymbolExtractor::extract(Language::Python, "\n\nclass A:\n    def b(self):\n");
    QCOMPARE(symbols.size(), std::size_t{2});
    QCOMPARE(symbols[0].line, 3u);
    QCOMPARE(symbols[1].line, 4u);
}

void TestLocalizeSymbols::unsupportedLanguage()
{
    QVERIFY(BuiltinSymbolExtractor::extract(Language::Markdown, "# def title\nclass x\n").empty());
    QVERIFY(!BuiltinSymbolExtractor::supports(Language::Json));
}

void TestLocalizeSymbols::ctags()
{
    if (!CtagsExtractor::available())
        QSKIP("universal-ctags is not installed (no 'ctags' on PATH reporting Universal Ctags "
              "with JSON output)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkpath("src");
    QFile cpp(dir.filePath("src/limiter.cpp"));
    QVERIFY(cpp.open(QIODevice::WriteOnly));
    cpp.write("class RateLimiter {\npublic:\n  bool allow(int client);\n};\n"
              "bool RateLimiter::allow(int client) { return true; }\n");
    cpp.close();
    QFile py(dir.filePath("tool.py"));
    QVERIFY(py.open(QIODevice::WriteOnly));
    py.write("def refill_bucket(x):\n    return x\n");
    py.close();

    auto result = CtagsExtractor::extract(dir.path().toStdString(), {"src/limiter.cpp", "tool.py"});
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
    const auto& cppSymbols = result->at("src/limiter.cpp");
    bool sawClass = false;
    bool sawMethod = false;
    for (const auto& symbol : cppSymbols) {
        sawClass = sawClass || (symbol.name == "RateLimiter" && symbol.kind == SymbolKind::Class &&
                                symbol.line == 1);
        sawMethod = sawMethod || symbol.name == "allow";
    }
    QVERIFY(sawClass);
    QVERIFY(sawMethod);
    const auto& pySymbols = result->at("tool.py");
    QCOMPARE(pySymbols.size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(pySymbols[0].name), QString("refill_bucket"));
    QCOMPARE(pySymbols[0].kind, SymbolKind::Function);
}

QTEST_GUILESS_MAIN(TestLocalizeSymbols)
#include "test_localize_symbols.moc"
