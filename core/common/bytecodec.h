// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace PodSec {

/// Appends numbers (little-endian, fixed width) and length-prefixed strings to a buffer: the
/// re-open cache's records (engine/factscache.h).
class ByteWriter
{
public:
    explicit ByteWriter(std::string &out) : m_out(out) {}
    void u8(std::uint8_t v) { m_out.push_back(static_cast<char>(v)); }
    void flag(bool v) { u8(v ? 1 : 0); }
    void u32(std::uint32_t v)
    {
        for (int i = 0; i < 4; ++i)
            u8(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
    void u64(std::uint64_t v)
    {
        u32(static_cast<std::uint32_t>(v));
        u32(static_cast<std::uint32_t>(v >> 32));
    }
    void str(std::string_view s)
    {
        u32(static_cast<std::uint32_t>(s.size()));
        m_out.append(s.data(), s.size());
    }

private:
    std::string &m_out;
};

/// Reads what ByteWriter wrote. Reading past the end, or a string longer than what is left,
/// makes it fail for good (ok() false) and gives zeros and empty strings: a damaged record
/// is noticed, never read out of bounds.
class ByteReader
{
public:
    explicit ByteReader(std::string_view in) : m_in(in) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_in.size(); }
    /// Marks the input as damaged (a value out of its range).
    void fail() { m_ok = false; }
    std::uint8_t u8()
    {
        if (!m_ok || m_pos >= m_in.size()) {
            m_ok = false;
            return 0;
        }
        return static_cast<std::uint8_t>(m_in[m_pos++]);
    }
    bool flag()
    {
        const auto v = u8();
        if (v > 1)
            m_ok = false;
        return v == 1;
    }
    std::uint32_t u32()
    {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v |= std::uint32_t(u8()) << (8 * i);
        return v;
    }
    std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
    std::uint64_t u64()
    {
        const std::uint64_t low = u32();
        return low | (std::uint64_t(u32()) << 32);
    }
    std::string_view view()
    {
        const std::uint32_t n = u32();
        if (!m_ok || n > m_in.size() - m_pos) {
            m_ok = false;
            return {};
        }
        const auto s = m_in.substr(m_pos, n);
        m_pos += n;
        return s;
    }
    std::string str() { return std::string(view()); }
    /// A count of items each at least minBytes long: more than what is left fails (a damaged
    /// count never makes the reader reserve gigabytes).
    std::uint32_t count(std::size_t minBytes = 1)
    {
        const std::uint32_t n = u32();
        if (!m_ok || std::uint64_t(n) * (minBytes ? minBytes : 1) > m_in.size() - m_pos) {
            m_ok = false;
            return 0;
        }
        return n;
    }

private:
    std::string_view m_in;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

} // namespace PodSec
