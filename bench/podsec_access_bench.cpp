// SPDX-License-Identifier: Apache-2.0
// Benchmark of the access model (spec/access.md): generates NS namespaces (enforce levels
// mixed), ROLES Roles, BINDINGS RoleBindings and ClusterRoleBindings (to the generated
// Roles and to the built-in admin/edit/view), service accounts and Deployments that mount
// their tokens, then measures in process (read + model + risks, best of RUNS) and the
// `podsec access --format json` command (wall time, peak RSS). Numbers are printed, never
// asserted.
//
//   podsec_access_bench [--bindings 10000] [--roles 2000] [--namespaces 200] [--runs 3]
//                       [--dir DIR] [--podsec PATH] [--extra PATH]
//
// --extra adds a file or folder to the input (e.g. ../shared/reference/rbac-bootstrap).
#include "access/accessmodel.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace PodSec;

namespace {

std::string generate(int bindings, int roles, int namespaces)
{
    std::ostringstream o;
    static const char *const Levels[] = {"privileged", "baseline", "restricted"};
    for (int n = 0; n < namespaces; ++n) {
        o << "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-" << n
          << "\n  labels:\n    pod-security.kubernetes.io/enforce: " << Levels[n % 3] << '\n';
        for (int s = 0; s < 5; ++s)
            o << "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa-" << s
              << ", namespace: ns-" << n << "}\n";
        o << "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app, namespace: ns-" << n
          << "}\nspec:\n  template:\n    spec:\n      serviceAccountName: sa-" << n % 5
          << "\n      containers: [{name: c, image: nginx}]\n";
    }
    static const char *const Rules[] = {
        "  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [get, list]\n",
        "  - apiGroups: [\"\"]\n    resources: [pods, configmaps]\n    verbs: [get, list, watch]\n",
        "  - apiGroups: [apps]\n    resources: [deployments, \"deployments/scale\"]\n    verbs: "
        "[create, update, patch]\n",
        "  - apiGroups: [\"\"]\n    resources: [serviceaccounts/token]\n    verbs: [create]\n    "
        "resourceNames: [sa-1]\n",
        "  - apiGroups: [\"\"]\n    resources: [namespaces]\n    verbs: [patch]\n",
    };
    for (int r = 0; r < roles; ++r) {
        o << "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: role-"
          << r << ", namespace: ns-" << r % namespaces << "}\nrules:\n";
        for (int k = 0; k < 3; ++k)
            o << Rules[(r + k) % 5];
    }
    static const char *const Builtin[] = {"view", "edit", "admin"};
    for (int b = 0; b < bindings; ++b) {
        const int ns = b % namespaces;
        const bool cluster = b % 50 == 0;
        o << "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: "
          << (cluster ? "ClusterRoleBinding" : "RoleBinding") << "\nmetadata: {name: binding-" << b;
        if (!cluster)
            o << ", namespace: ns-" << ns;
        o << "}\nroleRef: {apiGroup: rbac.authorization.k8s.io, ";
        if (cluster || b % 3 == 0)
            o << "kind: ClusterRole, name: " << Builtin[b % 3] << "}\n";
        else
            o << "kind: Role, name: role-" << (ns + namespaces * (b % (roles / namespaces))) % roles
              << "}\n";
        o << "subjects:\n";
        switch (b % 4) {
        case 0:
            o << "- {kind: ServiceAccount, name: sa-" << b % 5 << ", namespace: ns-" << ns << "}\n";
            break;
        case 1:
            o << "- {kind: User, name: user-" << b % 1000 << "}\n";
            break;
        case 2:
            o << "- {kind: Group, name: team-" << b % 100 << "}\n";
            break;
        default:
            o << "- {kind: ServiceAccount, name: sa-" << (b + 1) % 5
              << "}\n- {kind: User, name: user-" << b % 997 << "}\n";
        }
    }
    return o.str();
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

} // namespace

int main(int argc, char **argv)
{
    int bindings = 10000, roles = 2000, namespaces = 200, runs = 3;
    std::string dir = "/tmp/podsec-access-bench", podsec = PODSEC_CLI_PATH, extra;
    const auto usage = [](bool help) {
        std::fprintf(help ? stdout : stderr,
                     "usage: podsec_access_bench [--bindings N] [--roles N] [--namespaces N] "
                     "[--runs N] [--dir D] [--podsec PATH] [--extra ARGS]\n"
                     "Generates an RBAC workspace and times `podsec access` on it; prints wall "
                     "time and peak RSS per run. Nothing is asserted.\n");
        return help ? 0 : 2;
    };
    for (int i = 1; i < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h")
            return usage(true);
        if (i + 1 == argc)
            return usage(false);
        if (a == "--bindings")
            bindings = std::atoi(argv[i + 1]);
        else if (a == "--roles")
            roles = std::atoi(argv[i + 1]);
        else if (a == "--namespaces")
            namespaces = std::atoi(argv[i + 1]);
        else if (a == "--runs")
            runs = std::atoi(argv[i + 1]);
        else if (a == "--dir")
            dir = argv[i + 1];
        else if (a == "--podsec")
            podsec = argv[i + 1];
        else if (a == "--extra")
            extra = argv[i + 1];
        else
            return usage(false);
    }
    if (roles < namespaces)
        roles = namespaces;
    std::system(("mkdir -p '" + dir + "'").c_str());
    const std::string file = dir + "/rbac.yaml";
    const std::string text = generate(bindings, roles, namespaces);
    std::ofstream(file) << text;
    std::printf("input: %d bindings, %d roles, %d namespaces, %.1f MiB (%s)%s%s\n", bindings, roles,
                namespaces, double(text.size()) / (1 << 20), file.c_str(),
                extra.empty() ? "" : " + ", extra.c_str());

    double best = 1e9;
    std::size_t subjects = 0, risks = 0;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        auto input = Access::readAccessInput({{file, text, false}});
        Access::AccessModel model(std::move(input));
        const auto all = Access::evaluateRisks(model);
        best = std::min(best, seconds(start));
        subjects = all.size();
        risks = 0;
        for (const auto &s : all)
            risks += s.risks.size();
    }
    std::printf("in process (read, model, risks): best of %d: %.3f s; %zu subjects, %zu risks\n",
                runs, best, subjects, risks);

    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        std::fflush(stdout);
        const pid_t pid = fork();
        if (pid == 0) {
            if (!std::freopen("/dev/null", "w", stdout))
                _exit(127);
            if (extra.empty())
                execl(podsec.c_str(), "podsec", "access", "--format", "json", file.c_str(),
                      nullptr);
            else
                execl(podsec.c_str(), "podsec", "access", "--format", "json", extra.c_str(),
                      file.c_str(), nullptr);
            _exit(127);
        }
        int status = 0;
        struct rusage usage = {};
        wait4(pid, &status, 0, &usage);
        std::printf("podsec access --format json: %.3f s, peak RSS %.0f MiB, exit %d\n",
                    seconds(start), double(usage.ru_maxrss) / 1024, WEXITSTATUS(status));
    }
    return 0;
}
