#include "SandboxHarness.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <dirent.h>
#include <fstream>
#include <sstream>

namespace builder::tests {

SandboxHarness::SandboxHarness(executor::ExecutorConfig config)
{
    m_workspace = std::filesystem::path(m_dir.path().toStdString()) / "workspace";
    std::filesystem::create_directories(m_workspace);
    std::filesystem::copy_file(probePath(), m_workspace / "sandbox_probe");
    auto sandbox = executor::BubblewrapSandbox::create(config);
    if (sandbox.ok())
        m_sandbox = std::move(sandbox).value();
    else
        m_setupError = sandbox.error().message();
}

std::string SandboxHarness::probePath()
{
    return SANDBOX_PROBE_PATH;
}

SandboxHarness::Run SandboxHarness::probe(const std::vector<std::string>& args,
                                          std::chrono::milliseconds timeout,
                                          const executor::ResourceLimits& limits, bool allowNetwork,
                                          const common::CancelToken& cancel)
{
    std::vector<std::string> argv = {"/workspace/sandbox_probe"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, timeout, limits, allowNetwork, cancel);
}

SandboxHarness::Run SandboxHarness::shell(const std::string& script,
                                          std::chrono::milliseconds timeout)
{
    return run({"/bin/sh", "-c", script}, timeout, {}, false, {});
}

SandboxHarness::Run SandboxHarness::run(std::vector<std::string> argv,
                                        std::chrono::milliseconds timeout,
                                        const executor::ResourceLimits& limits, bool allowNetwork,
                                        const common::CancelToken& cancel)
{
    Run run;
    executor::SandboxSpec spec;
    spec.argv = std::move(argv);
    spec.workspace = m_workspace;
    spec.timeout = timeout;
    spec.limits = limits;
    spec.allowNetwork = allowNetwork;
    auto result = m_sandbox->run(
        spec,
        [&run](const executor::OutputChunk& chunk) {
            (chunk.stream == "system" ? run.system : run.output) += chunk.text;
        },
        cancel);
    run.ok = result.ok();
    if (result.ok())
        run.result = *result;
    else
        run.error = result.error().message();
    return run;
}

std::string SandboxHarness::control(const std::vector<std::string>& args)
{
    QProcess process;
    QStringList list;
    for (const auto& arg : args)
        list << QString::fromStdString(arg);
    process.start(QString::fromStdString(probePath()), list);
    process.waitForFinished(20000);
    return process.readAllStandardOutput().toStdString();
}

int SandboxHarness::countProcesses(const std::string& marker)
{
    int count = 0;
    DIR* proc = opendir("/proc");
    while (dirent* entry = readdir(proc)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        std::ifstream in(std::string("/proc/") + entry->d_name + "/cmdline", std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        if (text.str().find(marker) != std::string::npos)
            ++count;
    }
    closedir(proc);
    return count;
}

int SandboxHarness::countByComm(const std::string& comm)
{
    int count = 0;
    DIR* proc = opendir("/proc");
    while (dirent* entry = readdir(proc)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        std::ifstream in(std::string("/proc/") + entry->d_name + "/comm");
        std::string name;
        std::getline(in, name);
        if (name == comm)
            ++count;
    }
    closedir(proc);
    return count;
}

std::string SandboxHarness::value(const std::string& output, const std::string& kind,
                                  const std::string& key)
{
    std::istringstream lines(output);
    std::string line;
    const std::string prefix = kind + " " + key + " ";
    while (std::getline(lines, line))
        if (line.rfind(prefix, 0) == 0)
            return line.substr(prefix.size());
    return {};
}

} // namespace builder::tests
