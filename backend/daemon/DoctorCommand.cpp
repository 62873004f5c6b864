#include "DoctorCommand.h"

#include "executor/ExecutorConfig.h"
#include "executor/SandboxDoctor.h"

#include <iostream>
#include <map>

namespace builder::daemon {

int DoctorCommand::run(const std::vector<std::string>& args)
{
    executor::ExecutorConfig config;
    if (auto status = config.applyEnvironment(); !status.ok()) {
        std::cerr << "error: " << status.error().message() << "\n";
        return 2;
    }
    static const std::map<std::string, std::string> kFlags = {
        {"--sandbox-user", "sandbox_user"},
        {"--bwrap", "sandbox_bwrap"},
        {"--cgroups", "sandbox_cgroups"},
        {"--cgroup-parent", "sandbox_cgroup_parent"}};
    std::map<std::string, std::string> settings;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto flag = kFlags.find(args[i]);
        if (flag == kFlags.end() || i + 1 >= args.size()) {
            std::cerr << "usage: builderd doctor [--sandbox-user USER] [--bwrap PATH] "
                         "[--cgroups auto|require|off] [--cgroup-parent PATH]\n";
            return 2;
        }
        settings[flag->second] = args[++i];
    }
    if (auto status = config.apply(settings); !status.ok()) {
        std::cerr << "error: " << status.error().message() << "\n";
        return 2;
    }
    const auto checks = executor::SandboxDoctor(config).run();
    std::cout << executor::SandboxDoctor::format(checks) << std::flush;
    return executor::SandboxDoctor::usable(checks) ? 0 : 1;
}

} // namespace builder::daemon
