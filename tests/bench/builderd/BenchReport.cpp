#include "BenchReport.h"

#include <cstdio>
#include <iostream>

namespace builder::bench {

std::string BenchReport::format(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string BenchReport::targetText(const Figure& f)
{
    switch (f.goal) {
    case Goal::AtLeast:
        return "target >= " + format(f.target, 0);
    case Goal::AtMost:
        return "target <= " + format(f.target, 0);
    case Goal::None:
        break;
    }
    return {};
}

bool BenchReport::met(const Figure& f)
{
    switch (f.goal) {
    case Goal::AtLeast:
        return f.value >= f.target;
    case Goal::AtMost:
        return f.value <= f.target;
    case Goal::None:
        break;
    }
    return true;
}

void BenchReport::add(Figure figure)
{
    std::string line = figure.name + " " + format(figure.value, figure.decimals);
    std::string extra = targetText(figure);
    if (figure.pingRatio)
        extra += (extra.empty() ? "" : ", ") + format(*figure.pingRatio, 2) + "x ping";
    if (!figure.note.empty())
        extra += (extra.empty() ? "" : ", ") + figure.note;
    if (!extra.empty())
        line += " (" + extra + ")";
    if (figure.goal != Goal::None && !met(figure))
        line += "  <-- MISSED";
    std::cout << line << std::endl;
    m_figures.push_back(std::move(figure));
}

void BenchReport::info(const std::string& text)
{
    std::cout << "# " << text << std::endl;
}

void BenchReport::section(const std::string& title)
{
    std::cout << "\n== " << title << " ==" << std::endl;
}

void BenchReport::fail(const std::string& what)
{
    std::cout << "ERROR: " << what << std::endl;
    m_failures.push_back(what);
}

void BenchReport::printSummary() const
{
    std::cout << "\n== summary ==\n";
    char line[256];
    std::snprintf(line, sizeof line, "%-42s %14s  %-14s %s\n", "figure", "value", "target",
                  "status");
    std::cout << line;
    int met = 0, missed = 0;
    for (const auto& f : m_figures) {
        std::string status = "-";
        if (f.goal != Goal::None) {
            const bool ok = BenchReport::met(f);
            status = ok ? "met" : "MISSED";
            (ok ? met : missed)++;
        } else if (!f.note.empty()) {
            status = f.note;
        }
        std::string target = targetText(f);
        if (target.rfind("target ", 0) == 0)
            target = target.substr(7);
        std::snprintf(line, sizeof line, "%-42s %14s  %-14s %s\n", f.name.c_str(),
                      format(f.value, f.decimals).c_str(), target.c_str(), status.c_str());
        std::cout << line;
    }
    std::cout << "targets met: " << met << ", missed: " << missed;
    if (!m_failures.empty()) {
        std::cout << "\nbenchmark errors: " << m_failures.size();
        for (const auto& f : m_failures)
            std::cout << "\n  - " << f;
    }
    std::cout << std::endl;
}

} // namespace builder::bench
