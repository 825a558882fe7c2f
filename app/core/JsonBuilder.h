// SPDX-License-Identifier: MIT
#pragma once

#include "Json.h"
#include "ReadError.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace mls {

/// Takes the elements of the top-level arrays (Section) while the file is being parsed, so
/// that the whole file never has to be held as one JSON value.
class ElementSink
{
public:
    /// The top-level arrays whose elements the reader converts one by one while parsing, in
    /// the order the format converts them (components before the connections that refer to
    /// them).
    enum Section
    {
        Components,
        Connections,
        Groups,
        SectionCount
    };
    static constexpr const char *sectionKeys[SectionCount] = {"components", "connections",
                                                              "groups"};

    virtual ~ElementSink() = default;
    /// The array of @p section opens: true to be handed its elements one by one.
    virtual bool sectionOpened(Section section) = 0;
    virtual void sectionClosed(Section section) = 0;
    /// Element @p index, complete: true when taken (the builder then drops it), false to keep
    /// it in the tree.
    virtual bool element(Section section, size_t index, Json &value) = 0;
};

/// Builds the JSON value from nlohmann's SAX events. ordered_json's own parser searches an
/// object's keys linearly for every key it adds (100,000 props keys: quadratic); here keys are
/// appended in file order and repeats are found with a hash set, and a repeated key is
/// refused with its place instead of silently keeping the last copy. The value is built into
/// a root the caller owns, so a failure (even out of memory) never destroys it mid-unwind.
/// With a sink, each element of a top-level section the sink asks for is handed over as soon
/// as it is complete and then dropped (the section's array stays in the tree, empty).
class JsonBuilder
{
public:
    explicit JsonBuilder(Json &root, ElementSink *sink = nullptr) : m_root(root), m_sink(sink) {}

    /// Parses @p bytes into the root, handing the sink its elements on the way; a syntax error
    /// throws a ReadError naming its line and column.
    void parse(const QByteArray &bytes);
    /// Parses the characters from @p first to @p last (input iterators: read once) as parse()
    /// does, but only says whether they parsed: a caller that needs the error reads the bytes
    /// again and calls parse() for its line, column and wording.
    template <class InputIterator> bool parseRange(InputIterator first, InputIterator last)
    {
        return Json::sax_parse(std::move(first), std::move(last), this);
    }

    // nlohmann's SAX interface, called by parse().

    bool null() { return scalar(Json(nullptr)); }
    bool boolean(bool v) { return scalar(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return scalar(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return scalar(Json(v)); }
    bool number_float(Json::number_float_t v, const Json::string_t &) { return scalar(Json(v)); }
    bool string(Json::string_t &v) { return scalar(Json(std::move(v))); }
    bool binary(Json::binary_t &) { return scalar(Json()); } // never in JSON text
    bool start_object(std::size_t)
    {
        const bool element = !m_open.empty() && m_open.back().streamed;
        Json *object = put(Json::object());
        if (element) // an element's fields: grown once, not 1, 2, 4, 8
            object->get_ref<Json::object_t &>().reserve(8);
        m_open.push_back(Open{object, {}});
        return true;
    }
    bool key(Json::string_t &k)
    {
        Open &o = m_open.back();
        const auto &members = o.value->get_ref<const Json::object_t &>();
        constexpr size_t linear = 16; // small objects: a scan is cheaper than a hash set
        bool repeated = false;
        if (members.size() < linear) {
            for (const auto &m : members)
                repeated = repeated || m.first == k;
        } else {
            if (o.keys.empty()) {
                for (const auto &m : members)
                    o.keys.insert(m.first);
            }
            repeated = !o.keys.insert(k).second;
        }
        if (repeated)
            throw ReadError{path(),
                            QStringLiteral("the key \"%1\" appears twice in the same object; "
                                           "a file may hold each key once")
                                .arg(toQt(k).left(200))};
        m_key = std::move(k);
        return true;
    }
    bool end_object()
    {
        m_open.pop_back();
        elementDone();
        return true;
    }
    bool start_array(std::size_t)
    {
        Open open{put(Json::array()), {}};
        if (m_sink && m_open.size() == 1 && m_open[0].value->is_object()) {
            const std::string &k = m_open[0].value->get_ref<Json::object_t &>().back().first;
            for (int s = 0; s < ElementSink::SectionCount; ++s) {
                if (k == ElementSink::sectionKeys[s]) {
                    open.section = ElementSink::Section(s);
                    open.streamed = m_sink->sectionOpened(open.section);
                }
            }
        }
        m_open.push_back(std::move(open));
        return true;
    }
    bool end_array()
    {
        const ElementSink::Section section = m_open.back().section;
        m_open.pop_back();
        if (section != ElementSink::SectionCount)
            m_sink->sectionClosed(section);
        elementDone();
        return true;
    }
    bool parse_error(std::size_t position, const std::string &,
                     const nlohmann::detail::exception &e)
    {
        m_errorAt = position;
        m_errorId = e.id;
        m_error = QString::fromUtf8(e.what());
        return false;
    }

private:
    struct Open
    {
        Json *value;
        std::unordered_set<std::string> keys; ///< filled once an object has many keys
        size_t count = 0;                     ///< an array's elements so far
        ElementSink::Section section = ElementSink::SectionCount; ///< a top-level section's array
        bool streamed = false;                                    ///< its elements go to the sink
    };

    bool scalar(Json &&v)
    {
        put(std::move(v));
        elementDone();
        return true;
    }

    /// Adds @p v to the open container (or makes it the root); pointers to open containers
    /// stay valid, as a container only grows once its last child is closed.
    Json *put(Json &&v)
    {
        if (m_open.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        Open &open = m_open.back();
        Json *parent = open.value;
        if (parent->is_array()) {
            auto &items = parent->get_ref<Json::array_t &>();
            items.push_back(std::move(v));
            ++open.count;
            return &items.back();
        }
        auto &members = parent->get_ref<Json::object_t &>();
        members.emplace_back(std::move(m_key), std::move(v));
        return &members.back().second;
    }

    /// A value was completed: hand it over when it is an element of a streamed section.
    void elementDone()
    {
        if (m_open.empty() || !m_open.back().streamed)
            return;
        const Open &open = m_open.back();
        auto &items = open.value->get_ref<Json::array_t &>();
        if (m_sink->element(open.section, open.count - 1, items.back()))
            items.pop_back();
    }

    /// JSON path of the innermost open object, e.g. "components[3].props".
    QString path() const;

    Json &m_root;
    ElementSink *m_sink;
    std::vector<Open> m_open;
    std::string m_key;
    std::size_t m_errorAt = 0;
    int m_errorId = 0;
    QString m_error;
};

/// Empties @p v without allocating: nlohmann's destructor flattens a nested value onto a
/// heap-allocated stack, which throws from a noexcept destructor (terminate) when memory has
/// run out. Removing leaves one by one, descending from the root each time, needs none; the
/// depth is bounded by scanStructure, so this is linear in the number of values.
void releaseWithoutAllocating(Json &v) noexcept;

} // namespace mls
