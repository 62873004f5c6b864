#include "JUnitParser.h"

#include "Utf8Sanitizer.h"

#include <QXmlStreamReader>

namespace builder::executor {

namespace {

std::string bounded(const QString& text)
{
    std::string utf8 = text.trimmed().toStdString();
    if (utf8.size() > JUnitParser::kMaxMessageBytes) {
        std::size_t cut = JUnitParser::kMaxMessageBytes;
        while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80)
            --cut;
        utf8.resize(cut);
        utf8 += "…";
    }
    return utf8;
}

} // namespace

common::Result<JUnitParser::Summary> JUnitParser::parse(std::string_view xml)
{
    Summary summary;
    QXmlStreamReader reader(QByteArray(xml.data(), static_cast<qsizetype>(xml.size())));
    std::vector<QString> suites;
    bool sawRoot = false;
    // The test case being read.
    bool inCase = false;
    TestFailure current;
    bool caseFailed = false;
    bool caseSkipped = false;
    QString failureText;
    int failureDepth = 0;
    QString systemOut; // a failing ctest case says only "Failed"; its output says why
    bool inSystemOut = false;

    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = reader.name();
            if (!sawRoot) {
                sawRoot = true;
                if (name != u"testsuites" && name != u"testsuite")
                    return common::Error::invalid("junit", "xml.root",
                                                  "not a JUnit report (root element <" +
                                                      name.toString().toStdString() + ">)");
            }
            if (name == u"testsuite") {
                suites.push_back(reader.attributes().value("name").toString());
            } else if (name == u"testcase" && !inCase) {
                inCase = true;
                caseFailed = false;
                caseSkipped = false;
                systemOut.clear();
                const auto attributes = reader.attributes();
                const QString classname = attributes.value("classname").toString();
                current = TestFailure{
                    (classname.isEmpty() ? (suites.empty() ? QString() : suites.back()) : classname)
                        .toStdString(),
                    attributes.value("name").toString().toStdString(), std::string()};
                const auto status = attributes.value("status");
                if (status == u"fail" || status == u"failed")
                    caseFailed = true;
                else if (status == u"notrun" || status == u"disabled" || status == u"skipped")
                    caseSkipped = true;
            } else if (inCase && (name == u"failure" || name == u"error")) {
                caseFailed = true;
                const QString message = reader.attributes().value("message").toString();
                if (current.message.empty())
                    current.message = bounded(message);
                failureDepth = 1;
                failureText.clear();
            } else if (inCase && name == u"skipped") {
                caseSkipped = true;
            } else if (inCase && (name == u"system-out" || name == u"system-err")) {
                inSystemOut = true;
            } else if (failureDepth > 0) {
                ++failureDepth;
            }
        } else if (token == QXmlStreamReader::Characters ||
                   token == QXmlStreamReader::EntityReference) {
            if (failureDepth > 0 && failureText.size() < static_cast<qsizetype>(kMaxMessageBytes))
                failureText += reader.text();
            if (inSystemOut) {
                systemOut += reader.text();
                if (systemOut.size() > static_cast<qsizetype>(2 * kMaxMessageBytes))
                    systemOut = systemOut.right(static_cast<qsizetype>(kMaxMessageBytes));
            }
        } else if (token == QXmlStreamReader::EndElement) {
            const auto name = reader.name();
            if (failureDepth > 0) {
                if (--failureDepth == 0 && current.message.empty())
                    current.message = bounded(failureText);
            } else if (inSystemOut && (name == u"system-out" || name == u"system-err")) {
                inSystemOut = false;
            } else if (name == u"testcase" && inCase) {
                inCase = false;
                ++summary.total;
                if (caseFailed && (current.message.empty() || current.message == "Failed") &&
                    !systemOut.trimmed().isEmpty())
                    current.message =
                        bounded(systemOut.right(static_cast<qsizetype>(kMaxMessageBytes / 2)));
                if (caseFailed) {
                    ++summary.failed;
                    current.suite = Utf8Sanitizer::sanitize(current.suite);
                    current.name = Utf8Sanitizer::sanitize(current.name);
                    summary.failures.push_back(current);
                } else if (caseSkipped) {
                    ++summary.skipped;
                }
            } else if (name == u"testsuite" && !suites.empty()) {
                suites.pop_back();
            }
        }
    }
    if (reader.hasError())
        return common::Error::invalid("junit", "xml.well_formed",
                                      "malformed JUnit XML at line " +
                                          std::to_string(reader.lineNumber()) + ": " +
                                          reader.errorString().toStdString());
    if (!sawRoot)
        return common::Error::invalid("junit", "xml.root", "empty JUnit report");
    return summary;
}

void JUnitParser::merge(Summary& into, const Summary& from)
{
    into.total += from.total;
    into.failed += from.failed;
    into.skipped += from.skipped;
    into.failures.insert(into.failures.end(), from.failures.begin(), from.failures.end());
}

} // namespace builder::executor
