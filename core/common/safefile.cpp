// SPDX-License-Identifier: Apache-2.0
#include "common/safefile.h"

#include "common/fileinput.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace PodSec {

namespace {

std::string errnoText(const std::string &what, int err)
{
    return what + ": " + std::strerror(err);
}

std::string folderOf(const std::string &path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string nameOf(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// Writes all of data; false with errno set.
bool writeAll(int fd, std::string_view data)
{
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

/// The path with symbolic links resolved; empty (errno set) when that fails.
std::string resolved(const std::string &path)
{
    char *real = ::realpath(path.c_str(), nullptr);
    if (!real)
        return {};
    std::string out(real);
    std::free(real);
    return out;
}

std::string octal(std::uint32_t mode)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04o", mode & 07777);
    return buf;
}

} // namespace

SafeWriter::~SafeWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_temporary.empty())
        ::unlink(m_temporary.c_str());
}

bool SafeWriter::open(const std::string &path, std::string &error)
{
    m_target = path;
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno != ENOENT) {
            error = errnoText("cannot write", errno);
            return false;
        }
        return openAtomic(path, false, error);
    }
    if (S_ISLNK(st.st_mode)) {
        m_target = resolved(path);
        if (m_target.empty() && errno == ENOENT) {
            // A dangling link: create what it points to, through it.
            m_target = path;
            m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
            if (m_fd < 0)
                error = errnoText("cannot write", errno);
            return m_fd >= 0;
        }
        if (m_target.empty() || ::stat(m_target.c_str(), &st) != 0) {
            error = errnoText("cannot write", errno);
            return false;
        }
    }
    if (S_ISDIR(st.st_mode)) {
        error = "cannot write: is a folder";
        return false;
    }
    if (S_ISREG(st.st_mode) && st.st_nlink == 1) {
        m_keep = true;
        m_uid = st.st_uid;
        m_gid = st.st_gid;
        m_mode = st.st_mode & 07777;
        return openAtomic(m_target, true, error);
    }
    // A file with several hard links is written in place so that they stay one file; a
    // device, FIFO or terminal is written through (O_TRUNC does nothing to those).
    m_fd = ::open(m_target.c_str(),
                  O_WRONLY | O_CLOEXEC | O_NOCTTY | (S_ISREG(st.st_mode) ? O_TRUNC : 0));
    if (m_fd < 0)
        error = errnoText("cannot write", errno);
    return m_fd >= 0;
}

bool SafeWriter::openAtomic(const std::string &target, bool exists, std::string &error)
{
    std::string name = folderOf(target) + "/." + nameOf(target) + ".podsec-XXXXXX";
    std::vector<char> buffer(name.begin(), name.end());
    buffer.push_back('\0');
    m_fd = ::mkstemp(buffer.data());
    if (m_fd < 0) {
        error = errnoText("cannot create a temporary file in " + folderOf(target), errno);
        return false;
    }
    m_temporary = buffer.data();
    if (exists)
        return keepOwnerAndMode(error);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(m_fd, 0666 & ~mask) != 0) {
        error = errnoText("cannot set the mode of " + m_temporary, errno);
        return false;
    }
    return true;
}

bool SafeWriter::keepOwnerAndMode(std::string &error)
{
    struct stat st;
    if (::fstat(m_fd, &st) != 0) {
        error = errnoText("cannot write", errno);
        return false;
    }
    if ((st.st_uid != m_uid || st.st_gid != m_gid) && ::fchown(m_fd, m_uid, m_gid) != 0) {
        error = errnoText("cannot keep its owner and group (uid " + std::to_string(m_uid) +
                              ", gid " + std::to_string(m_gid) + "); not written",
                          errno);
        return false;
    }
    // After fchown, which clears the setuid and setgid bits.
    if (::fchmod(m_fd, m_mode) != 0 || ::fstat(m_fd, &st) != 0) {
        error = errnoText("cannot keep its mode " + octal(m_mode) + "; not written", errno);
        return false;
    }
    if ((st.st_mode & 07777) != m_mode || st.st_uid != m_uid || st.st_gid != m_gid) {
        // The kernel drops setgid for a group the writer is not in: refuse, do not degrade.
        error = "cannot keep its mode " + octal(m_mode) + " (would become " + octal(st.st_mode) +
                "); not written";
        return false;
    }
    return true;
}

bool SafeWriter::write(std::string_view data)
{
    if (m_fd < 0 || !m_ok)
        return false;
    if (!writeAll(m_fd, data)) {
        m_ok = false;
        m_writeError = errno;
    }
    return m_ok;
}

bool SafeWriter::commit(std::string &error)
{
    if (m_fd < 0) {
        error = "cannot write: not open";
        return false;
    }
    if (!m_ok) {
        error = errnoText("cannot write", m_writeError);
        return false;
    }
    const bool atomic = !m_temporary.empty();
    if (atomic && ::fsync(m_fd) != 0) {
        error = errnoText("cannot write", errno);
        return false;
    }
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0 && atomic) {
        error = errnoText("cannot write", errno);
        return false;
    }
    if (atomic) {
        if (::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
            error = errnoText("cannot replace the file", errno);
            return false;
        }
        m_temporary.clear();
    }
    return true;
}

bool writeFileSafely(const std::string &path, std::string_view data, std::string &error)
{
    SafeWriter writer;
    if (!writer.open(path, error))
        return false;
    writer.write(data); // a failed write makes commit() fail with its message
    return writer.commit(error);
}

bool replaceFileContent(const std::string &path, std::string_view original, std::string_view text,
                        const std::string &backupPath, std::uint64_t maxSize, std::string &error)
{
    const std::string target = resolved(path);
    struct stat st;
    if (target.empty() || ::stat(target.c_str(), &st) != 0) {
        error = errnoText("cannot write", errno);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        error = "cannot write: not a regular file";
        return false;
    }
    SafeWriter writer;
    const bool inPlace = st.st_nlink > 1; // hard links stay one file
    if (!inPlace) {
        writer.m_target = target;
        writer.m_keep = true;
        writer.m_uid = st.st_uid;
        writer.m_gid = st.st_gid;
        writer.m_mode = st.st_mode & 07777;
        if (!writer.openAtomic(target, true, error) || !writer.write(text)) {
            if (error.empty())
                error = errnoText("cannot write", writer.m_writeError);
            return false;
        }
    }
    bool backupMade = false;
    auto dropBackup = [&] {
        if (backupMade)
            ::unlink(backupPath.c_str());
    };
    if (!backupPath.empty()) {
        // O_EXCL: an existing backup (perhaps of an earlier original) is never replaced.
        const int fd =
            ::open(backupPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0) {
            error = errno == EEXIST ? "backup " + backupPath +
                                          " already exists; not overwritten (move it away or "
                                          "choose another --backup suffix); file not written"
                                    : errnoText("cannot write backup " + backupPath, errno);
            return false;
        }
        backupMade = true;
        // The original's owner, group and mode; when the owner cannot be kept, at most the
        // original's owner bits, so the backup is never readable by more people.
        const bool owned = ::fchown(fd, st.st_uid, st.st_gid) == 0;
        const bool ok = ::fchmod(fd, owned ? (st.st_mode & 07777) : (st.st_mode & 0700)) == 0 &&
                        writeAll(fd, original) && ::fsync(fd) == 0;
        const int err = errno;
        if (::close(fd) != 0 || !ok) {
            error = errnoText("cannot write backup " + backupPath, ok ? errno : err);
            dropBackup();
            return false;
        }
    }
    // Last look: was the file edited (or replaced) since it was read?
    std::string now;
    std::string readError;
    struct stat again;
    if (!readBoundedFile(target, maxSize, now, readError) || now != original ||
        ::stat(target.c_str(), &again) != 0 || again.st_dev != st.st_dev ||
        again.st_ino != st.st_ino) {
        error = "changed since it was read; not written (run podsec fix again)";
        dropBackup();
        return false;
    }
    if (!inPlace)
        return writer.commit(error);
    const int fd = ::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) {
        error = errnoText("cannot write", errno);
        dropBackup();
        return false;
    }
    const bool ok = writeAll(fd, text) && ::fsync(fd) == 0;
    const int err = errno;
    if (::close(fd) != 0 || !ok) {
        error = errnoText("written only in part (it has several hard links, so it is written in "
                          "place)",
                          ok ? errno : err);
        return false;
    }
    return true;
}

} // namespace PodSec
