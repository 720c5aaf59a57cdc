// SPDX-License-Identifier: Apache-2.0
#include "engine/factscache.h"

#include "common/bytecodec.h"
#include "engine/enginefingerprint.h"
#include "engine/snapshotentries.h"
#include "engine/workspacesnapshot.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace PodSec::Engine {

namespace {

constexpr char Magic[] = "PODSECF1";
constexpr std::size_t MagicSize = 8;
constexpr std::size_t ChecksumSize = 32; // BLAKE2b-256
constexpr auto Algorithm = QCryptographicHash::Blake2b_256;
/// A path no file has: a file without a record is not taken from the previous snapshot.
constexpr char NotCached[] = "\x01 not in the re-open cache";

QByteArray hashOf(std::string_view bytes)
{
    return QCryptographicHash::hash(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                    Algorithm);
}

/// What a file's facts and findings depend on besides its path and bytes.
std::string readingKey(const SnapshotOptions &o)
{
    const auto &a = o.admissionConfig;
    std::string key = o.defaultNamespace + '\n' + (o.checklist ? "checklist" : "-") + '\n' +
                      a.defaults.enforce.toString() + ' ' + a.defaults.audit.toString() + ' ' +
                      a.defaults.warn.toString() + '\n';
    for (const auto *list : {&a.exemptUsernames, &a.exemptNamespaces, &a.exemptRuntimeClasses}) {
        for (const auto &item : *list)
            key += item + '\t';
        key += '\n';
    }
    return key;
}

/// Whether file i may have a record: read, not a rendering (its fields point at other files).
bool cacheable(const WorkspaceSnapshot &s, const SnapshotOptions &o, std::size_t i)
{
    if (!s.files[i].readError.empty() || s.files[i].path.rfind("cluster:", 0) == 0)
        return false;
    return std::none_of(o.roots.begin(), o.roots.end(),
                        [&](const RootEntry &r) { return r.file == static_cast<int>(i); });
}

void writeField(ByteWriter &w, const Policy::InspectedField &f)
{
    w.str(f.path);
    w.flag(f.present);
    w.str(f.value);
    w.flag(f.allowed);
    w.u32(f.offset);
    w.u32(f.endOffset);
    w.u32(f.line);
    w.u32(f.column);
    w.str(f.file);
}

void writeFindings(ByteWriter &w, const std::vector<Finding> &findings)
{
    w.u32(static_cast<std::uint32_t>(findings.size()));
    for (const auto &f : findings) {
        w.str(f.rule ? f.rule->id : std::string_view());
        w.flag(f.allowed);
        w.str(f.reason);
        w.str(f.detail);
        w.u32(static_cast<std::uint32_t>(f.fields.size()));
        for (const auto &field : f.fields)
            writeField(w, field);
        w.u8(f.severityOverride ? static_cast<std::uint8_t>(*f.severityOverride) : 0xff);
    }
}

std::vector<Finding> readFindings(ByteReader &r)
{
    const RuleSet *checklist = findRuleSet("checklist");
    std::vector<Finding> out(r.count(15));
    for (auto &f : out) {
        const auto id = r.view();
        if (!id.empty() && checklist) {
            const auto &rules = checklist->rules();
            const auto rule = std::find_if(rules.begin(), rules.end(), [&](const Rule &candidate) {
                return candidate.id == id;
            });
            f.rule = rule == rules.end() ? nullptr : &*rule;
        }
        if (!id.empty() && !f.rule)
            r.fail(); // a rule this engine does not have
        f.allowed = r.flag();
        f.reason = r.str();
        f.detail = r.str();
        f.fields.resize(r.count(27));
        for (auto &field : f.fields) {
            field.path = r.str();
            field.present = r.flag();
            field.value = r.str();
            field.allowed = r.flag();
            field.offset = r.u32();
            field.endOffset = r.u32();
            field.line = r.u32();
            field.column = r.u32();
            field.file = r.str();
        }
        const auto severity = r.u8();
        if (severity != 0xff && severity > static_cast<std::uint8_t>(Severity::Info))
            r.fail();
        else if (severity != 0xff)
            f.severityOverride = static_cast<Severity>(severity);
    }
    return out;
}

void writePlace(ByteWriter &w, int document, int item, std::uint32_t line, std::uint32_t column,
                std::uint32_t offset, std::uint32_t endOffset)
{
    w.i32(document);
    w.i32(item);
    w.u32(line);
    w.u32(column);
    w.u32(offset);
    w.u32(endOffset);
}

template <typename Entry> void readPlace(ByteReader &r, Entry &e)
{
    e.document = r.i32();
    e.item = r.i32();
    e.line = r.u32();
    e.column = r.u32();
    e.offset = r.u32();
    e.endOffset = r.u32();
}

void writeWorkload(ByteWriter &w, const WorkloadFacts &facts)
{
    const WorkloadIdentity &b = facts.base;
    writePlace(w, b.document, b.item, b.line, b.column, b.offset, b.endOffset);
    for (const auto *s : {&b.kind, &b.name, &b.namespaceName, &b.podSpecPath, &b.podMetadataPath,
                          &b.uid, &b.controller.kind, &b.controller.name, &b.controller.uid})
        w.str(*s);
    w.flag(b.namespaceWritten);
    w.flag(b.hasTemplate);
    w.u32(static_cast<std::uint32_t>(b.containers.size()));
    for (const auto &c : b.containers) {
        w.str(c.name);
        w.u8(static_cast<std::uint8_t>(c.type));
        w.str(c.path);
        w.u32(c.line);
    }
    writeFindings(w, b.checklist);
    w.flag(facts.subject.isPod);
    w.flag(facts.subject.hasTemplate);
    w.str(facts.subject.namespaceName);
    w.str(facts.subject.runtimeClassName);
    w.str(facts.serviceAccount);
    w.u8(facts.automount ? (*facts.automount ? 2 : 1) : 0);
    facts.checks.write(w);
}

std::shared_ptr<const WorkloadFacts> readWorkload(ByteReader &r, int file)
{
    auto facts = std::make_shared<WorkloadFacts>();
    WorkloadIdentity &b = facts->base;
    b.file = file;
    readPlace(r, b);
    for (auto *s : {&b.kind, &b.name, &b.namespaceName, &b.podSpecPath, &b.podMetadataPath, &b.uid,
                    &b.controller.kind, &b.controller.name, &b.controller.uid})
        *s = r.str();
    b.namespaceWritten = r.flag();
    b.hasTemplate = r.flag();
    b.containers.resize(r.count(13));
    for (auto &c : b.containers) {
        c.name = r.str();
        const auto type = r.u8();
        if (type > static_cast<std::uint8_t>(K8s::ContainerType::Ephemeral))
            r.fail();
        c.type = static_cast<K8s::ContainerType>(type);
        c.path = r.str();
        c.line = r.u32();
    }
    b.checklist = readFindings(r);
    facts->subject.isPod = r.flag();
    facts->subject.hasTemplate = r.flag();
    facts->subject.namespaceName = r.str();
    facts->subject.runtimeClassName = r.str();
    facts->serviceAccount = r.str();
    switch (r.u8()) {
    case 0:
        break;
    case 1:
        facts->automount = false;
        break;
    case 2:
        facts->automount = true;
        break;
    default:
        r.fail();
    }
    if (!facts->checks.read(r))
        r.fail();
    return r.ok() ? facts : nullptr;
}

/// A record's parts, read back.
struct Record
{
    std::vector<WorkloadEntry> workloads;
    std::vector<ObjectEntry> objects;
    std::vector<std::string> otherNamespaces;
    std::vector<Diagnostic> problems;
};

/// A record's start: this engine's magic and fingerprint. A reader of what follows them, or
/// nullopt when bytes do not start so (another engine's record, or not a record).
std::optional<ByteReader> afterHeader(std::string_view bytes)
{
    if (bytes.size() < MagicSize || bytes.substr(0, MagicSize) != Magic)
        return std::nullopt;
    ByteReader r(bytes.substr(MagicSize));
    if (r.view() != engineFingerprint() || !r.ok())
        return std::nullopt;
    return r;
}

/// The record at path starts with this engine's fingerprint (its header only is read).
bool fromThisEngine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // unreadable: left to the size bound
    const std::string_view ours = engineFingerprint();
    const QByteArray head = file.read(qint64(MagicSize) + 4 + qint64(ours.size()));
    return afterHeader(std::string_view(head.constData(), std::size_t(head.size()))).has_value();
}

std::optional<Record> readRecord(std::string_view bytes, const QByteArray &factsKeyHash, int file)
{
    // The magic, the fingerprint and the facts key, then the parts; a checksum of it all last.
    if (bytes.size() < MagicSize + ChecksumSize)
        return std::nullopt;
    const auto body = bytes.substr(0, bytes.size() - ChecksumSize);
    const QByteArray sum = hashOf(body);
    if (std::string_view(sum.constData(), ChecksumSize) != bytes.substr(body.size()))
        return std::nullopt;
    auto reader = afterHeader(body);
    if (!reader || reader->view() !=
                       std::string_view(factsKeyHash.constData(), std::size_t(factsKeyHash.size())))
        return std::nullopt;
    ByteReader &r = *reader;
    Record out;
    out.workloads.resize(r.count(60));
    for (auto &w : out.workloads) {
        w.file = file;
        w.setFacts(readWorkload(r, file));
    }
    out.objects.resize(r.count(40));
    for (auto &o : out.objects) {
        o.file = file;
        readPlace(r, o);
        o.kind = r.str();
        o.name = r.str();
        o.namespaceName = r.str();
        o.checklist = readFindings(r);
    }
    out.otherNamespaces.resize(r.count(4));
    for (auto &ns : out.otherNamespaces)
        ns = r.str();
    out.problems.resize(r.count(17));
    for (auto &d : out.problems) {
        d.offset = r.u32();
        d.line = r.u32();
        d.column = r.u32();
        d.message = r.str();
        d.warning = r.flag();
    }
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return out;
}

} // namespace

FactsCache::FactsCache(std::string folder, std::uint64_t maxBytes)
    : m_folder(std::move(folder)), m_maxBytes(maxBytes)
{}

std::string FactsCache::recordPath(const WorkspaceSnapshot &s, const SnapshotOptions &options,
                                   std::size_t file) const
{
    QCryptographicHash key(Algorithm);
    const std::string head = std::string(Magic) + '\n' + engineFingerprint() + '\n' +
                             readingKey(options) + s.files[file].path + '\n';
    key.addData(QByteArrayView(head.data(), qsizetype(head.size())));
    key.addData(hashOf(s.files[file].text()));
    return m_folder + '/' + key.result().toHex().toStdString() + ".facts";
}

std::optional<WorkspaceSnapshot> FactsCache::previousFor(const WorkspaceSnapshot &now,
                                                         const SnapshotOptions &options) const
{
    WorkspaceSnapshot previous;
    previous.files = now.files;
    previous.factsKey = now.factsKey;
    previous.factsOptionsKey = now.factsOptionsKey;
    previous.optionsKey = NotCached; // no real options: every cached file is judged again
    const QByteArray factsKeyHash = hashOf(now.factsKey);
    bool any = false;
    for (std::size_t f = 0; f < now.files.size(); ++f) {
        std::optional<Record> record;
        if (cacheable(now, options, f)) {
            const QString path = QString::fromStdString(recordPath(now, options, f));
            QFile file(path);
            if (file.open(QIODevice::ReadOnly) && file.size() > 0) {
                const qint64 size = file.size();
                if (const uchar *bytes = file.map(0, size)) {
                    record = readRecord(
                        std::string_view(reinterpret_cast<const char *>(bytes), std::size_t(size)),
                        factsKeyHash, static_cast<int>(f));
                    file.unmap(const_cast<uchar *>(bytes));
                }
                file.close();
                std::error_code ignored;
                if (!record)
                    std::filesystem::remove(path.toStdString(), ignored); // damaged or stale
                else // used now: the last to go when the folder is trimmed
                    std::filesystem::last_write_time(
                        path.toStdString(), std::filesystem::file_time_type::clock::now(), ignored);
            }
            ++(record ? m_hits : m_misses);
        }
        if (!record) {
            previous.files[f].path = NotCached;
            continue;
        }
        any = true;
        previous.workloads.append(
            std::make_shared<const WorkloadList::Block>(std::move(record->workloads)));
        for (auto &o : record->objects)
            previous.objects.push_back(std::move(o));
        for (auto &ns : record->otherNamespaces)
            previous.otherNamespaces.emplace_back(static_cast<int>(f), std::move(ns));
        for (auto &d : record->problems)
            previous.problems.push_back({static_cast<int>(f), std::move(d), {}});
    }
    if (!any)
        return std::nullopt;
    return previous;
}

void FactsCache::store(const WorkspaceSnapshot &s, const SnapshotOptions &options) const
{
    if (!QDir().mkpath(QString::fromStdString(m_folder)))
        return;
    const QByteArray factsKeyHash = hashOf(s.factsKey);
    // Each file's objects, other namespaces and problems, found in one pass over each list.
    const std::size_t files = s.files.size();
    std::vector<std::vector<const ObjectEntry *>> objectsOf(files);
    std::vector<std::vector<const std::string *>> othersOf(files);
    std::vector<std::vector<const Diagnostic *>> problemsOf(files);
    const auto in = [files](int file) {
        return file >= 0 && static_cast<std::size_t>(file) < files;
    };
    for (const auto &o : s.objects) {
        if (in(o.file))
            objectsOf[static_cast<std::size_t>(o.file)].push_back(&o);
    }
    for (const auto &[file, ns] : s.otherNamespaces) {
        if (in(file))
            othersOf[static_cast<std::size_t>(file)].push_back(&ns);
    }
    for (const auto &p : s.problems) {
        if (in(p.file))
            problemsOf[static_cast<std::size_t>(p.file)].push_back(&p.diagnostic);
    }
    bool wrote = false;
    std::size_t w = 0;
    for (std::size_t f = 0; f < s.files.size(); ++f) {
        const std::size_t first = w;
        while (w < s.workloads.size() && s.workloads[w].file == static_cast<int>(f))
            ++w;
        if (!cacheable(s, options, f))
            continue;
        const QString path = QString::fromStdString(recordPath(s, options, f));
        if (QFileInfo::exists(path))
            continue;
        bool complete = true;
        for (std::size_t i = first; i < w; ++i)
            complete = complete && s.workloads[i].facts;
        if (!complete)
            continue;
        // Written a piece at a time, the checksum kept as it goes: a 10,000-workload file's
        // record is never whole in memory.
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            continue;
        QCryptographicHash sum(Algorithm);
        std::string buffer = Magic;
        ByteWriter b(buffer);
        const auto flush = [&](bool always) {
            if (!always && buffer.size() < (std::size_t(1) << 20))
                return;
            sum.addData(QByteArrayView(buffer.data(), qsizetype(buffer.size())));
            out.write(buffer.data(), qint64(buffer.size()));
            buffer.clear();
        };
        b.str(engineFingerprint());
        b.str(std::string_view(factsKeyHash.constData(), std::size_t(factsKeyHash.size())));
        b.u32(static_cast<std::uint32_t>(w - first));
        for (std::size_t i = first; i < w; ++i) {
            writeWorkload(b, *s.workloads[i].facts);
            flush(false);
        }
        const auto &objects = objectsOf[f];
        b.u32(static_cast<std::uint32_t>(objects.size()));
        for (const auto *o : objects) {
            writePlace(b, o->document, o->item, o->line, o->column, o->offset, o->endOffset);
            b.str(o->kind);
            b.str(o->name);
            b.str(o->namespaceName);
            writeFindings(b, o->checklist);
        }
        const auto &others = othersOf[f];
        b.u32(static_cast<std::uint32_t>(others.size()));
        for (const auto *ns : others)
            b.str(*ns);
        const auto &problems = problemsOf[f];
        b.u32(static_cast<std::uint32_t>(problems.size()));
        for (const auto *d : problems) {
            b.u32(d->offset);
            b.u32(d->line);
            b.u32(d->column);
            b.str(d->message);
            b.flag(d->warning);
        }
        flush(true);
        const QByteArray checksum = sum.result();
        out.write(checksum);
        if (out.commit()) {
            ++m_stored;
            wrote = true;
        }
    }
    if (wrote)
        trim();
}

void FactsCache::trim() const
{
    QDir dir(QString::fromStdString(m_folder));
    const auto records =
        dir.entryInfoList({QStringLiteral("*.facts")}, QDir::Files, QDir::Time | QDir::Reversed);
    // What a writer that never finished left behind (QSaveFile's temporary files), an hour on.
    const auto hourAgo = QDateTime::currentDateTime().addSecs(-3600);
    for (const auto &left : dir.entryInfoList({QStringLiteral("*.facts.*")}, QDir::Files)) {
        if (left.lastModified() < hourAgo)
            QFile::remove(left.filePath());
    }
    // Another engine's records are never read (the key holds the fingerprint): once unused
    // for a day, they go. Not at once: two builds used in turn would delete each other's.
    const auto dayAgo = QDateTime::currentDateTime().addDays(-1);
    std::uint64_t total = 0;
    QFileInfoList kept;
    for (const auto &r : records) {
        if (r.lastModified() < dayAgo && !fromThisEngine(r.filePath())) {
            QFile::remove(r.filePath());
            continue;
        }
        total += std::uint64_t(r.size());
        kept << r;
    }
    // Oldest first: delete until the rest fits.
    for (const auto &r : std::as_const(kept)) {
        if (total <= m_maxBytes)
            break;
        total -= std::uint64_t(r.size());
        QFile::remove(r.filePath());
    }
}

} // namespace PodSec::Engine
