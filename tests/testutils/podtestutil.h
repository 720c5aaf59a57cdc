// SPDX-License-Identifier: Apache-2.0
// Helpers for core tests: parse YAML text and evaluate its first pod-bearing object.
#pragma once

#include "k8s/object.h"
#include "k8s/podspec.h"
#include "policy/evaluator.h"
#include "policy/registry.h"
#include "yaml/sourcefile.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>

namespace PodSec::TestUtil {

/// A parsed file with its objects; keeps everything alive for the views into it.
struct ParsedPod
{
    std::unique_ptr<Yaml::SourceFile> file;
    std::vector<K8s::Object> objects; ///< objects of the first document
    const K8s::Object &object(std::size_t i = 0) const { return objects.at(i); }
};

ParsedPod parse(const std::string &yaml);

/// Evaluates the first object of the YAML text at level:version ("restricted", "v1.25").
Policy::Evaluation evaluate(const std::string &yaml, const char *level, const char *version);

/// The result of one check in an evaluation; nullptr when the check did not run.
const Policy::CheckResult *findResult(const Policy::Evaluation &e, std::string_view id);

/// The policy a golden fix case (tests/data/fix/cases) is fixed at, from its file name:
/// "<check>--<style>.in.yaml" at restricted:latest, "<check>--<style>--<level>.in.yaml" at
/// <level>:latest and "<check>--<style>--<level>-v1.N.in.yaml" at <level>:v1.N. nullopt when
/// a third part is there but does not name a policy. The .out.* file reads the same.
std::optional<Policy::LevelVersion> goldenPolicy(const QString &fileName);

/// Absolute path of a file under ../shared (PODSEC_SHARED_DIR).
QString sharedPath(const QString &relative);
/// Absolute path of a file under tests/data.
QString testDataPath(const QString &relative);
/// Every *.yaml, *.yml and *.json file below root, sorted as the CLI reads a folder.
QStringList manifestPaths(const QString &root);

/// What a program run to its end said: exit status (-1 when it crashed or hung), stdout,
/// stderr.
struct ProcessRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
/// Runs program with args, standard input closed, for at most two minutes.
ProcessRun runProcess(const QString &program, const QStringList &args);
/// Copies every file below from to the same relative place below to (folders made as
/// needed); false when a file could not be read or written.
bool copyTree(const QString &from, const QString &to);

} // namespace PodSec::TestUtil
