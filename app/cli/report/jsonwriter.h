// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concepts>
#include <string>
#include <string_view>
#include <vector>

namespace PodSec::Cli {

/// Writes compact JSON in the order it is told (QJsonDocument would sort the keys), for the
/// JSON and SARIF reports. Commas are placed by the writer. At the top level it writes a
/// comma-separated sequence of values, which is what a report fragment is: one or more
/// array items that the report joins into its document with rawItem().
///
/// A report document is written across several calls (begin, one rawItem() per fragment,
/// end): take() hands over what was written so far and keeps the nesting state.
class JsonWriter
{
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    /// The key of the next value in the current object.
    JsonWriter &key(std::string_view name);

    JsonWriter &value(std::string_view s);
    JsonWriter &value(const char *s) { return value(std::string_view(s)); }
    JsonWriter &value(const std::string &s) { return value(std::string_view(s)); }
    JsonWriter &value(bool b);
    template <std::integral T>
    requires(!std::same_as<T, bool>) JsonWriter &value(T n) { return rawValue(std::to_string(n)); }
    JsonWriter &null();
    /// A value that is already JSON text.
    JsonWriter &rawValue(std::string_view json);
    /// Already written items (a fragment: one or more comma-separated values) as the next
    /// item(s) of the current array or sequence; nothing at all when json is empty.
    JsonWriter &rawItem(std::string_view json);

    /// A line break (and indent) before the next item, after its comma: the reports put
    /// each object, check and result on its own line.
    JsonWriter &lineBreak(std::string_view indent = {});
    /// Text after the document (its final newline).
    JsonWriter &trailer(std::string_view text);

    /// What was written since the last take(); the nesting carries on.
    std::string take();

private:
    /// Writes the comma and pending line break due before the next item.
    void separate();
    void flushBreak();

    struct Level
    {
        bool any = false; // an item (or key) was written at this level
    };
    std::string m_out;
    std::vector<Level> m_levels{Level{}}; // the top level is a sequence
    std::string m_pendingBreak;
    bool m_hasPendingBreak = false;
    bool m_afterKey = false;
};

} // namespace PodSec::Cli
