#include "LexerFactory.h"

#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexercmake.h>
#include <Qsci/qscilexercpp.h>
#include <Qsci/qscilexercsharp.h>
#include <Qsci/qscilexercss.h>
#include <Qsci/qscilexerdiff.h>
#include <Qsci/qscilexerhtml.h>
#include <Qsci/qscilexerjava.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerlua.h>
#include <Qsci/qscilexermakefile.h>
#include <Qsci/qscilexermarkdown.h>
#include <Qsci/qscilexerperl.h>
#include <Qsci/qscilexerproperties.h>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexerruby.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qscilexerxml.h>
#include <Qsci/qscilexeryaml.h>

#include <QFileInfo>

namespace builder::editor {

namespace {

enum class Language
{
    Text,
    Cpp,
    CSharp,
    Java,
    JavaScript,
    Python,
    Bash,
    CMake,
    Make,
    Json,
    Yaml,
    Markdown,
    Html,
    Xml,
    Css,
    Sql,
    Ruby,
    Perl,
    Lua,
    Properties,
    Diff
};

Language languageOf(const QString& path)
{
    const QFileInfo info(path);
    const QString name = info.fileName().toLower();
    const QString ext = info.suffix().toLower();
    if (name == "cmakelists.txt" || ext == "cmake")
        return Language::CMake;
    if (name == "makefile" || name == "gnumakefile" || ext == "mk")
        return Language::Make;
    static const QStringList cpp = {"c",   "cc", "cpp", "cxx", "h",  "hh",    "hpp", "hxx",
                                    "ipp", "m",  "mm",  "go",  "rs", "swift", "kt",  "proto"};
    if (cpp.contains(ext))
        return Language::Cpp;
    if (ext == "cs")
        return Language::CSharp;
    if (ext == "java" || ext == "scala")
        return Language::Java;
    if (ext == "js" || ext == "jsx" || ext == "ts" || ext == "tsx" || ext == "mjs")
        return Language::JavaScript;
    if (ext == "py" || ext == "pyi")
        return Language::Python;
    if (ext == "sh" || ext == "bash" || ext == "zsh")
        return Language::Bash;
    if (ext == "json")
        return Language::Json;
    if (ext == "yml" || ext == "yaml")
        return Language::Yaml;
    if (ext == "md" || ext == "markdown")
        return Language::Markdown;
    if (ext == "html" || ext == "htm" || ext == "vue")
        return Language::Html;
    if (ext == "xml" || ext == "svg" || ext == "qrc" || ext == "ui" || ext == "ts")
        return Language::Xml;
    if (ext == "css" || ext == "scss")
        return Language::Css;
    if (ext == "sql")
        return Language::Sql;
    if (ext == "rb")
        return Language::Ruby;
    if (ext == "pl" || ext == "pm")
        return Language::Perl;
    if (ext == "lua")
        return Language::Lua;
    if (ext == "ini" || ext == "toml" || ext == "cfg" || ext == "conf" || ext == "properties")
        return Language::Properties;
    if (ext == "diff" || ext == "patch")
        return Language::Diff;
    return Language::Text;
}

} // namespace

QsciLexer* LexerFactory::forPath(const QString& path, QObject* parent)
{
    switch (languageOf(path)) {
    case Language::Cpp:
        return new QsciLexerCPP(parent);
    case Language::CSharp:
        return new QsciLexerCSharp(parent);
    case Language::Java:
        return new QsciLexerJava(parent);
    case Language::JavaScript:
        return new QsciLexerJavaScript(parent);
    case Language::Python:
        return new QsciLexerPython(parent);
    case Language::Bash:
        return new QsciLexerBash(parent);
    case Language::CMake:
        return new QsciLexerCMake(parent);
    case Language::Make:
        return new QsciLexerMakefile(parent);
    case Language::Json:
        return new QsciLexerJSON(parent);
    case Language::Yaml:
        return new QsciLexerYAML(parent);
    case Language::Markdown:
        return new QsciLexerMarkdown(parent);
    case Language::Html:
        return new QsciLexerHTML(parent);
    case Language::Xml:
        return new QsciLexerXML(parent);
    case Language::Css:
        return new QsciLexerCSS(parent);
    case Language::Sql:
        return new QsciLexerSQL(parent);
    case Language::Ruby:
        return new QsciLexerRuby(parent);
    case Language::Perl:
        return new QsciLexerPerl(parent);
    case Language::Lua:
        return new QsciLexerLua(parent);
    case Language::Properties:
        return new QsciLexerProperties(parent);
    case Language::Diff:
        return new QsciLexerDiff(parent);
    case Language::Text:
        break;
    }
    return nullptr;
}

QString LexerFactory::languageName(const QString& path)
{
    QObject scratch;
    const QsciLexer* lexer = forPath(path, &scratch);
    return lexer ? QString::fromLatin1(lexer->language()) : QStringLiteral("Text");
}

} // namespace builder::editor
