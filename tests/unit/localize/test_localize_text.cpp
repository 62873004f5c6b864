// Pure text rules of localization: .gitignore patterns, language names, the
// tokenizer and stemmer, the token estimator and the ctags JSON reader.
#include "localize/FlatJson.h"
#include "localize/GitignoreMatcher.h"
#include "localize/GitignorePattern.h"
#include "localize/LanguageDetector.h"
#include "localize/Query.h"
#include "localize/Stemmer.h"
#include "localize/TokenEstimator.h"
#include "localize/Tokenizer.h"

#include <QTest>

using namespace builder::localize;

class TestLocalizeText : public QObject
{
    Q_OBJECT

private slots:
    void gitignore_data();
    void gitignore();
    void gitignoreLayers();
    void language_data();
    void language();
    void tokenizer_data();
    void tokenizer();
    void stemmer_data();
    void stemmer();
    void queryTerms();
    void tokenEstimate_data();
    void tokenEstimate();
    void flatJson();
};

void TestLocalizeText::gitignore_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isDirectory");
    QTest::addColumn<bool>("ignored");

    QTest::newRow("name anywhere") << "*.o"
                                   << "src/deep/a.o" << false << true;
    QTest::newRow("name not suffix") << "*.o"
                                     << "src/a.oo" << false << false;
    QTest::newRow("plain name any depth") << "build"
                                          << "a/b/build" << true << true;
    QTest::newRow("plain name file") << "build"
                                     << "a/build" << false << true;
    QTest::newRow("dir only matches dir") << "build/"
                                          << "build" << true << true;
    QTest::newRow("dir only skips file") << "build/"
                                         << "build" << false << false;
    QTest::newRow("anchored leading slash") << "/notes.txt"
                                            << "notes.txt" << false << true;
    QTest::newRow("anchored not deeper") << "/notes.txt"
                                         << "sub/notes.txt" << false << false;
    QTest::newRow("middle slash anchors") << "doc/frotz"
                                          << "doc/frotz" << true << true;
    QTest::newRow("middle slash not deeper") << "doc/frotz"
                                             << "a/doc/frotz" << true << false;
    QTest::newRow("leading double star") << "**/foo"
                                         << "a/b/foo" << false << true;
    QTest::newRow("leading double star top") << "**/foo"
                                             << "foo" << false << true;
    QTest::newRow("trailing double star") << "abc/**"
                                          << "abc/x/y" << false << true;
    QTest::newRow("trailing double star not dir itself") << "abc/**"
                                                         << "abc" << true << false;
    QTest::newRow("middle double star zero") << "a/**/b"
                                             << "a/b" << false << true;
    QTest::newRow("middle double star many") << "a/**/b"
                                             << "a/x/y/b" << false << true;
    QTest::newRow("star stops at slash") << "a/*.c"
                                         << "a/x/y.c" << false << false;
    QTest::newRow("star within segment") << "a/*.c"
                                         << "a/y.c" << false << true;
    QTest::newRow("question mark") << "file?.txt"
                                   << "file1.txt" << false << true;
    QTest::newRow("question not slash") << "a?b"
                                        << "a/b" << false << false;
    QTest::newRow("class range") << "log[0-9].txt"
                                 << "log7.txt" << false << true;
    QTest::newRow("class range miss") << "log[0-9].txt"
                                      << "logx.txt" << false << false;
    QTest::newRow("class negated") << "log[!0-9].txt"
                                   << "logx.txt" << false << true;
    QTest::newRow("escaped hash") << "\\#notes"
                                  << "#notes" << false << true;
    QTest::newRow("escaped bang") << "\\!important"
                                  << "!important" << false << true;
    QTest::newRow("escaped star literal") << "a\\*b"
                                          << "axb" << false << false;
    QTest::newRow("trailing spaces dropped") << "secret.txt   "
                                             << "secret.txt" << false << true;
    QTest::newRow("double star in name acts as star") << "a**b"
                                                      << "axxb" << false << true;
}

void TestLocalizeText::gitignore()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, isDirectory);
    QFETCH(bool, ignored);
    GitignoreMatcher matcher;
    matcher.add("", pattern.toStdString());
    QCOMPARE(matcher.matches(path.toStdString(), isDirectory), ignored);
}

void TestLocalizeText::gitignoreLayers()
{
    QVERIFY(!GitignorePattern::parse("# comment").has_value());
    QVERIFY(!GitignorePattern::parse("   ").has_value());
    QVERIFY(GitignorePattern::parse("!keep.log")->negated());

    GitignoreMatcher matcher;
    matcher.add("", "*.log\n!keep.log\nout/\n");
    matcher.add("sub", "!*.log\nkeep.log\n");
    QVERIFY(matcher.matches("a.log", false));
    QVERIFY(!matcher.matches("keep.log", false));      // later negation wins
    QVERIFY(matcher.matches("sub/keep.log", false));   // deeper file wins
    QVERIFY(!matcher.matches("sub/other.log", false)); // re-included below
    QVERIFY(matcher.ignored("out/x/keep.c", false));   // a parent folder is ignored
    QVERIFY(!matcher.matches("out/x/keep.c", false));  // the path alone is not
    QVERIFY(!matcher.matches("subx/keep.log", false)); // "sub" is not a prefix of "subx"
    matcher.remove("sub");
    QVERIFY(!matcher.matches("sub/keep.log", false));
    QCOMPARE(matcher.fileCount(), std::size_t{1});
}

void TestLocalizeText::language_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("language");
    const QList<QPair<QString, QString>> rows = {
        {"src/main.c", "c"},
        {"include/x.h", "c"},
        {"a/b.cpp", "cpp"},
        {"a/b.hpp", "cpp"},
        {"a/B.CC", "cpp"},
        {"x.go", "go"},
        {"x.py", "python"},
        {"x.js", "javascript"},
        {"x.mjs", "javascript"},
        {"x.ts", "typescript"},
        {"x.tsx", "typescript"},
        {"X.java", "java"},
        {"x.rs", "rust"},
        {"x.cs", "csharp"},
        {"x.rb", "ruby"},
        {"x.php", "php"},
        {"x.kt", "kotlin"},
        {"x.swift", "swift"},
        {"run.sh", "shell"},
        {"CMakeLists.txt", "cmake"},
        {"cmake/x.cmake", "cmake"},
        {"Makefile", "make"},
        {"sub/GNUmakefile", "make"},
        {"README.md", "markdown"},
        {"x.json", "json"},
        {"x.yml", "yaml"},
        {"x.yaml", "yaml"},
        {"Cargo.toml", "toml"},
        {"api.proto", "protobuf"},
        {"Dockerfile", "dockerfile"},
        {"Dockerfile.dev", "dockerfile"},
        {"notes.txt", "text"},
        {"image.png", "other"},
        {"noextension", "other"},
        {".env", "other"},
        {"trailing.", "other"},
    };
    for (const auto& [path, language] : rows)
        QTest::newRow(qPrintable(path)) << path << language;
}

void TestLocalizeText::language()
{
    QFETCH(QString, path);
    QFETCH(QString, language);
    QCOMPARE(QString::fromUtf8(languageName(LanguageDetector::detect(path.toStdString())).data()),
             language);
}

void TestLocalizeText::tokenizer_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("compounds");
    QTest::addColumn<QStringList>("terms");

    QTest::newRow("camelCase") << "parseHttpRequest" << false
                               << QStringList{"pars", "http", "request"};
    QTest::newRow("capital run") << "HTTPServer" << false << QStringList{"http", "server"};
    QTest::newRow("snake_case") << "max_retry_count" << false
                                << QStringList{"max", "retry", "count"};
    QTest::newRow("kebab-case") << "rate-limiter" << false << QStringList{"rate", "limiter"};
    QTest::newRow("path segments") << "backend/http/RateLimiter.cpp" << false
                                   << QStringList{"backend", "http", "rate", "limiter", "cpp"};
    QTest::newRow("compound") << "RateLimiter" << true
                              << QStringList{"rate", "limiter", "ratelimiter"};
    QTest::newRow("snake compound")
        << "rate_limiter" << true << QStringList{"rate", "limiter", "ratelimiter"};
    QTest::newRow("digits stay") << "utf8Decode sha256" << false
                                 << QStringList{"utf8", "decod", "sha256"};
    QTest::newRow("numbers and singles dropped") << "x = 42 + y" << false << QStringList{};
    QTest::newRow("stop words dropped in identifier mode")
        << "the user should be able to log in" << true << QStringList{"user", "log"};
    QTest::newRow("content mode keeps stop words")
        << "the user" << false << QStringList{"the", "user"};
    QTest::newRow("plurals meet") << "caches cached caching cache" << false
                                  << QStringList{"cach", "cach", "cach", "cach"};
    QTest::newRow("long runs are data") << QString(150, 'a') << false << QStringList{};
}

void TestLocalizeText::tokenizer()
{
    QFETCH(QString, text);
    QFETCH(bool, compounds);
    QFETCH(QStringList, terms);
    QStringList actual;
    for (const auto& term : Tokenizer::terms(text.toStdString(), compounds))
        actual << QString::fromStdString(term);
    QCOMPARE(actual, terms);
}

void TestLocalizeText::stemmer_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("stem");
    const QList<QPair<QString, QString>> rows = {
        {"files", "file"},       {"file", "file"},     {"policies", "policy"}, {"classes", "class"},
        {"class", "class"},      {"status", "status"}, {"running", "run"},     {"added", "add"},
        {"limited", "limit"},    {"limits", "limit"},  {"parsing", "pars"},    {"parse", "pars"},
        {"committed", "commit"}, {"string", "string"}, {"box", "box"},
    };
    for (const auto& [word, stem] : rows)
        QTest::newRow(qPrintable(word)) << word << stem;
}

void TestLocalizeText::stemmer()
{
    QFETCH(QString, word);
    QFETCH(QString, stem);
    std::string buffer = word.toStdString();
    buffer.resize(Stemmer::stem(buffer.data(), buffer.size()));
    QCOMPARE(QString::fromStdString(buffer), stem);
}

void TestLocalizeText::queryTerms()
{
    const Query query = Query::parse("Add rate limiting: the RateLimiter limits rate per client");
    QStringList texts;
    for (const auto& term : query.terms())
        texts << QString::fromStdString(term.text);
    QCOMPARE(texts,
             (QStringList{"add", "rate", "limit", "limiter", "ratelimiter", "per", "client"}));
    QCOMPARE(query.terms()[1].count, 3u); // rate, Rate(Limiter), rate
    QVERIFY(query.terms()[1].weight > query.terms()[6].weight);
    QCOMPARE(query.indexOf(query.terms()[4].hash), 4);
    QCOMPARE(query.indexOf(termHash("absent")), -1);
    QVERIFY(Query::parse("the and of to").empty());
}

void TestLocalizeText::tokenEstimate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("tokens");
    QTest::newRow("empty") << "" << 0;
    QTest::newRow("word") << "hello" << 1;
    QTest::newRow("long word in pieces") << "internationalization" << 4;
    QTest::newRow("camel parts") << "getOffset" << 2;
    QTest::newRow("statement") << "return x + 1;" << 5;
    QTest::newRow("line break with indent") << "a\n        b" << 3;
    QTest::newRow("punctuation pairs") << "a::b" << 3;
    QTest::newRow("non-ascii per character") << "é€" << 2;
}

void TestLocalizeText::tokenEstimate()
{
    QFETCH(QString, text);
    QFETCH(int, tokens);
    QCOMPARE(TokenEstimator::estimate(text.toStdString()), static_cast<std::uint64_t>(tokens));
}

void TestLocalizeText::flatJson()
{
    const auto tag = FlatJson::parseObject("{\"_type\": \"tag\", \"name\": \"Ra\\\"te\\u00e9\", "
                                           "\"line\": 12, \"scope\": {\"a\": [1, \"}\"]}, "
                                           "\"ok\": true}");
    QVERIFY(tag.has_value());
    QCOMPARE(QString::fromStdString(tag->at("name")), QString::fromUtf8("Ra\"teé"));
    QCOMPARE(QString::fromStdString(tag->at("line")), QString("12"));
    QCOMPARE(QString::fromStdString(tag->at("ok")), QString("true"));
    QVERIFY(tag->find("scope") == tag->end());
    QVERIFY(!FlatJson::parseObject("{\"name\": \"unterminated").has_value());
    QVERIFY(!FlatJson::parseObject("not json").has_value());
}

QTEST_GUILESS_MAIN(TestLocalizeText)
#include "test_localize_text.moc"
