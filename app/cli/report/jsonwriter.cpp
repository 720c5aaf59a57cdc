// SPDX-License-Identifier: Apache-2.0
#include "jsonwriter.h"

#include "common/textescape.h"

namespace PodSec::Cli {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.back().any)
        m_out += ',';
    m_levels.back().any = true;
    flushBreak();
}

void JsonWriter::flushBreak()
{
    if (!m_hasPendingBreak)
        return;
    m_out += '\n';
    m_out += m_pendingBreak;
    m_hasPendingBreak = false;
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_levels.push_back({});
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    flushBreak();
    m_levels.pop_back();
    m_out += '}';
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_levels.push_back({});
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    flushBreak();
    m_levels.pop_back();
    m_out += ']';
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    separate();
    appendJsonString(m_out, name);
    m_out += ':';
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(std::string_view s)
{
    separate();
    appendJsonString(m_out, s);
    return *this;
}

JsonWriter &JsonWriter::value(bool b)
{
    return rawValue(b ? "true" : "false");
}

JsonWriter &JsonWriter::null()
{
    return rawValue("null");
}

JsonWriter &JsonWriter::rawValue(std::string_view json)
{
    separate();
    m_out += json;
    return *this;
}

JsonWriter &JsonWriter::rawItem(std::string_view json)
{
    return json.empty() ? *this : rawValue(json);
}

JsonWriter &JsonWriter::lineBreak(std::string_view indent)
{
    m_pendingBreak = indent;
    m_hasPendingBreak = true;
    return *this;
}

JsonWriter &JsonWriter::trailer(std::string_view text)
{
    m_out += text;
    return *this;
}

std::string JsonWriter::take()
{
    std::string out;
    out.swap(m_out);
    return out;
}

} // namespace PodSec::Cli
