#pragma once

#include <optional>
#include <string>
#include <vector>

namespace builder::bench {

// Collects the figures of a run, prints each as it is measured and a summary
// table at the end. Missing a target is reported, never an error; only a
// benchmark that could not run (fail()) makes the exit code non-zero.
class BenchReport
{
public:
    enum class Goal
    {
        None,
        AtLeast,
        AtMost
    };

    struct Figure
    {
        std::string name;
        double value = 0;
        int decimals = 0;
        Goal goal = Goal::None;
        double target = 0;
        std::optional<double> pingRatio; // value / ping baseline, for throughputs
        std::string note;                // printed after the target, e.g. "baseline"
    };

    void add(Figure figure);
    // A line of context (sizes, setup times, CPU cost); printed with a "# " prefix.
    void info(const std::string& text);
    void section(const std::string& title);
    // The benchmark itself could not run as asked (server failed, RPC errors).
    void fail(const std::string& what);

    bool failed() const { return !m_failures.empty(); }
    void printSummary() const;
    int exitCode() const { return failed() ? 1 : 0; }

    static bool met(const Figure& f);

private:
    static std::string format(double value, int decimals);
    static std::string targetText(const Figure& f);

    std::vector<Figure> m_figures;
    std::vector<std::string> m_failures;
};

} // namespace builder::bench
