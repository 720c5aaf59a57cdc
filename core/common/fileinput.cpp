// SPDX-License-Identifier: Apache-2.0
#include "common/fileinput.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace PodSec {

namespace fs = std::filesystem;

namespace {

std::string overLimit(std::uint64_t maxSize)
{
    return "larger than the size limit of " + sizeText(maxSize);
}

/// Reads fd to its end into text, failing once more than maxSize bytes arrived.
bool readAllBounded(int fd, std::uint64_t maxSize, std::uint64_t expected, std::string &text,
                    std::string &error)
{
    text.clear();
    if (expected > 0)
        text.reserve(static_cast<std::size_t>(std::min(expected, maxSize)));
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error = std::string("cannot read: ") + std::strerror(errno);
            return false;
        }
        if (n == 0)
            return true;
        if (text.size() + static_cast<std::uint64_t>(n) > maxSize) {
            text.clear();
            text.shrink_to_fit();
            error = overLimit(maxSize);
            return false;
        }
        text.append(buffer, static_cast<std::size_t>(n));
    }
}

const char *typeName(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISDIR(mode))
        return "a folder";
    return "not a regular file";
}

bool hasManifestExtension(const fs::path &p)
{
    const auto ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

class Walker
{
public:
    explicit Walker(WalkResult &result) : m_result(result) {}

    void walkFolder(const fs::path &folder)
    {
        struct stat st;
        if (::stat(folder.c_str(), &st) != 0) {
            problem(folder, std::string("cannot read folder: ") + std::strerror(errno));
            return;
        }
        const std::pair<dev_t, ino_t> id{st.st_dev, st.st_ino};
        if (std::find(m_open.begin(), m_open.end(), id) != m_open.end()) {
            problem(folder, "symbolic link loop: leads back into a folder being searched");
            return;
        }
        std::error_code ec;
        fs::directory_iterator it(folder, ec);
        if (ec) {
            problem(folder, "cannot read folder: " + ec.message());
            return;
        }
        m_open.push_back(id);
        m_result.folders.push_back(folder.string());
        std::vector<fs::path> files;
        std::vector<fs::path> folders;
        for (; !ec && it != fs::directory_iterator(); it.increment(ec))
            classify(it->path(), files, folders);
        if (ec)
            problem(folder, "cannot read folder: " + ec.message());
        for (const auto &f : files)
            m_result.files.push_back(f.string());
        for (const auto &sub : folders)
            walkFolder(sub);
        m_open.pop_back();
    }

private:
    void classify(const fs::path &entry, std::vector<fs::path> &files,
                  std::vector<fs::path> &folders)
    {
        const std::string name = entry.filename().string();
        const bool hidden = !name.empty() && name[0] == '.';
        struct stat lst;
        if (::lstat(entry.c_str(), &lst) != 0) {
            problem(entry, std::string("cannot read: ") + std::strerror(errno));
            return;
        }
        struct stat st = lst;
        if (S_ISLNK(lst.st_mode) && ::stat(entry.c_str(), &st) != 0) {
            const int err = errno;
            if (hidden)
                return;
            if (err == ENOENT)
                problem(entry, "dangling symbolic link (its target does not exist)");
            else if (err == ELOOP)
                problem(entry, "symbolic link loop");
            else
                problem(entry, std::string("cannot follow symbolic link: ") + std::strerror(err));
            return;
        }
        if (S_ISDIR(st.st_mode)) {
            if (!hidden)
                folders.push_back(entry);
            return;
        }
        if (!hasManifestExtension(entry))
            return;
        if (S_ISREG(st.st_mode))
            files.push_back(entry);
        else
            problem(entry, std::string("not read: ") + typeName(st.st_mode));
    }

    void problem(const fs::path &p, std::string message)
    {
        m_result.problems.push_back({p.string(), std::move(message)});
    }

    WalkResult &m_result;
    std::vector<std::pair<dev_t, ino_t>> m_open; ///< the folders being walked, outermost first
};

} // namespace

bool readBoundedFile(const std::string &path, std::uint64_t maxSize, std::string &text,
                     std::string &error)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below).
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        error = std::string("cannot read file: ") + std::strerror(errno);
        return false;
    }
    struct stat st;
    bool ok = ::fstat(fd, &st) == 0;
    if (!ok) {
        error = std::string("cannot read file: ") + std::strerror(errno);
    } else if (S_ISFIFO(st.st_mode) || S_ISDIR(st.st_mode) || S_ISSOCK(st.st_mode)) {
        error = std::string("not read: ") + typeName(st.st_mode) +
                (S_ISFIFO(st.st_mode) ? "; to read a pipe, give '-' and redirect it to "
                                        "standard input"
                                      : "");
        ok = false;
    } else if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > maxSize) {
        error = "file is " + sizeText(static_cast<std::uint64_t>(st.st_size)) + ", " +
                overLimit(maxSize);
        ok = false;
    } else {
        const int flags = ::fcntl(fd, F_GETFL);
        if (flags >= 0)
            ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
        ok = readAllBounded(fd, maxSize,
                            S_ISREG(st.st_mode) ? static_cast<std::uint64_t>(st.st_size) : 0, text,
                            error);
    }
    ::close(fd);
    return ok;
}

bool readBoundedStdin(std::uint64_t maxSize, std::string &text, std::string &error)
{
    return readAllBounded(STDIN_FILENO, maxSize, 0, text, error);
}

bool readManifestInput(const std::string &path, std::uint64_t maxSize, std::string &text,
                       std::string &error)
{
    const bool ok = path == "-" ? readBoundedStdin(maxSize, text, error)
                                : readBoundedFile(path, maxSize, text, error);
    if (!ok && error.find("size limit") != std::string::npos)
        error += " (raise it with --max-file-size)";
    return ok;
}

std::string sizeText(std::uint64_t bytes)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024)
        return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    double value = double(bytes) / 1024;
    int unit = 0;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    char buf[32];
    if (value == double(static_cast<std::uint64_t>(value)))
        std::snprintf(buf, sizeof buf, "%llu %s", static_cast<unsigned long long>(value),
                      units[unit]);
    else
        std::snprintf(buf, sizeof buf, "%.1f %s", value, units[unit]);
    return buf;
}

bool parseSize(const std::string &text, std::uint64_t &bytes)
{
    std::size_t i = 0;
    std::uint64_t n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (n > (UINT64_MAX - 9) / 10)
            return false;
        n = n * 10 + std::uint64_t(text[i] - '0');
        ++i;
    }
    if (i == 0)
        return false;
    std::string unit = text.substr(i);
    for (auto &c : unit)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    if (unit.size() > 1 && unit.back() == 'B')
        unit.pop_back();
    if (unit.size() == 2 && unit[1] == 'I')
        unit.pop_back();
    int shift = 0;
    if (unit == "K")
        shift = 10;
    else if (unit == "M")
        shift = 20;
    else if (unit == "G")
        shift = 30;
    else if (unit == "T")
        shift = 40;
    else if (!unit.empty() && unit != "B")
        return false;
    if (n == 0 || (shift && n > (UINT64_MAX >> shift)))
        return false;
    bytes = n << shift;
    return true;
}

WalkResult walkPaths(const std::vector<std::string> &paths)
{
    WalkResult result;
    Walker walker(result);
    for (const auto &p : paths) {
        if (p == "-") {
            result.files.push_back(p);
            continue;
        }
        struct stat st;
        if (::stat(p.c_str(), &st) != 0) {
            const int err = errno;
            struct stat lst;
            if (err == ENOENT && ::lstat(p.c_str(), &lst) == 0)
                result.problems.push_back(
                    {p, "dangling symbolic link (its target does not exist)"});
            else if (err == ENOENT)
                result.problems.push_back({p, "no such file or directory"});
            else
                result.problems.push_back({p, std::string("cannot read: ") + std::strerror(err)});
            continue;
        }
        if (!S_ISDIR(st.st_mode)) {
            result.files.push_back(p); // read (or refused) by the reader, which says why
            continue;
        }
        // A folder's files, its subfolders' included, sorted by path as one list.
        const std::size_t before = result.files.size();
        walker.walkFolder(p);
        std::sort(result.files.begin() + static_cast<long>(before), result.files.end());
    }
    return result;
}

} // namespace PodSec
