// SPDX-License-Identifier: MIT
#include "DiagramWriter.h"

#include "AtomicFile.h"
#include "DiagramReader.h"
#include "JsonTextWriter.h"
#include "NoteJson.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace mls {

namespace {

/// Whole numbers are written without ".0" (the format's coordinates are usually integral).
Json number(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
        return Json(static_cast<long long>(v));
    return Json(v);
}

void appendExtra(Json &obj, const Json &extra)
{
    // Only the known fields written before can clash (extra keys are unique): search those,
    // then append, so 100,000 unknown fields cost no linear search each.
    auto &members = obj.get_ref<Json::object_t &>();
    const size_t known = members.size();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        const bool clash = std::any_of(members.begin(), members.begin() + qsizetype(known),
                                       [&](const auto &m) { return m.first == it.key(); });
        if (!clash)
            members.emplace_back(it.key(), it.value());
    }
}

/// The streaming form of appendExtra: [@p written, @p writtenEnd) are the known keys already
/// written.
void writeExtra(JsonTextWriter &w, const Json &extra, const char *const *written,
                const char *const *writtenEnd)
{
    if (!extra.is_object())
        return;
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        const std::string &k = it.key();
        const bool clash =
            std::any_of(written, writtenEnd, [&](const char *known) { return k == known; });
        if (!clash) {
            w.key(k);
            w.value(it.value());
        }
    }
}

// Each element's fields are listed once (the write* templates below) and written through one
// of two outputs with the same calls: TreeOut into a Json object (toJson, the reference and
// the clipboard), TextOut straight into the file text (save). Both skip an unknown field that
// has the name of a known field written before it.

/// Members of one JSON object in a tree.
class TreeOut
{
public:
    explicit TreeOut(Json &obj) : m_obj(obj) {}
    void text(const char *key, const QString &s) { m_obj[key] = toStd(s); }
    void number(const char *key, double v) { m_obj[key] = mls::number(v); }
    void value(const char *key, Json v) { m_obj[key] = std::move(v); }
    void texts(const char *key, const QStringList &items)
    {
        Json array = Json::array();
        for (const QString &s : items)
            array.push_back(toStd(s));
        m_obj[key] = std::move(array);
    }
    /// An array of objects, each written by @p write.
    template <typename Items, typename Write>
    void objects(const char *key, const Items &items, Write write)
    {
        Json array = Json::array();
        for (const auto &item : items) {
            Json o = Json::object();
            TreeOut out(o);
            write(out, item);
            array.push_back(std::move(o));
        }
        m_obj[key] = std::move(array);
    }
    void extra(const Json &extra) { appendExtra(m_obj, extra); }

private:
    Json &m_obj;
};

/// Members of one JSON object in the file text.
class TextOut
{
public:
    explicit TextOut(JsonTextWriter &w) : m_w(w) {}
    void text(const char *key, const QString &s)
    {
        name(key);
        m_w.value(s);
    }
    void number(const char *key, double v)
    {
        name(key);
        m_w.number(v);
    }
    void value(const char *key, const Json &v)
    {
        name(key);
        m_w.value(v);
    }
    void texts(const char *key, const QStringList &items)
    {
        name(key);
        m_w.beginArray();
        for (const QString &s : items)
            m_w.value(s);
        m_w.endArray();
    }
    template <typename Items, typename Write>
    void objects(const char *key, const Items &items, Write write)
    {
        name(key);
        m_w.beginArray();
        for (const auto &item : items) {
            m_w.beginObject();
            TextOut out(m_w);
            write(out, item);
            m_w.endObject();
        }
        m_w.endArray();
    }
    void extra(const Json &extra) { writeExtra(m_w, extra, m_written, m_written + m_count); }

private:
    void name(const char *key)
    {
        m_w.key(key);
        Q_ASSERT(m_count < std::size(m_written));
        m_written[m_count++] = key;
    }

    JsonTextWriter &m_w;
    const char *m_written[8] = {}; ///< the known keys written so far (an element has at most 8)
    size_t m_count = 0;
};

template <typename Out> void writeWaiver(Out &o, const Waiver &w)
{
    o.text("rule", w.rule);
    o.text("reason", w.reason);
    o.extra(w.extra);
}

template <typename Out> void writeMeta(Out &o, const Meta &m)
{
    o.text("title", m.title);
    o.number("latency_budget_ms", m.latencyBudgetMs);
    o.text("notes", m.notes);
    o.extra(m.extra);
}

template <typename Out> void writeComponent(Out &o, const Component &c)
{
    o.text("id", c.id);
    o.text("kind", c.kind);
    o.text("label", c.label);
    o.number("x", c.pos.x()); // the card's centre: two fields of the file, one of the model
    o.number("y", c.pos.y());
    static const Json noProps = Json::object();
    o.value("props", c.props.is_object() ? c.props : noProps);
    o.text("notes", c.notes);
    o.objects("waivers", c.waivers, writeWaiver<Out>);
    o.extra(c.extra);
}

template <typename Out> void writeConnection(Out &o, const Connection &c)
{
    o.text("id", c.id);
    o.text("from", c.from);
    o.text("to", c.to);
    o.text("flow", c.flow);
    o.text("label", c.label);
    if (!c.waivers.isEmpty())
        o.objects("waivers", c.waivers, writeWaiver<Out>);
    if (!c.route.isEmpty())
        o.value("route", c.route.toJson());
    o.extra(c.extra);
}

template <typename Out> void writeGroup(Out &o, const Group &g)
{
    o.text("id", g.id);
    o.text("label", g.label);
    o.texts("members", g.members);
    o.extra(g.extra);
}

/// One element as a JSON object, written by @p write.
template <typename T> Json toObject(const T &element, void (*write)(TreeOut &, const T &))
{
    Json o = Json::object();
    TreeOut out(o);
    write(out, element);
    return o;
}

} // namespace

namespace {

/// The file text of @p d appended to @p out; returns its shape (JsonTextWriter::Shape).
JsonTextWriter::Shape writeDiagram(const Diagram &d, QByteArray &out, int indent)
{
    // Room for the usual file at once (it is then written once, not copied while growing).
    out.reserve(out.size() + 4096 + qsizetype(d.components().size()) * 320 +
                qsizetype(d.connections().size()) * 200);
    JsonTextWriter w(out, indent);
    w.beginObject();
    w.key("format");
    w.value(std::string("mlsketch"));
    w.key("version");
    w.value(static_cast<long long>(DiagramReader::currentVersion));

    w.key("meta");
    w.beginObject();
    TextOut meta(w);
    writeMeta(meta, d.meta());
    w.endObject();

    TextOut top(w); // the sections, written through the same element writers as toJson
    top.objects("components", d.components(), writeComponent<TextOut>);
    top.objects("connections", d.connections(), writeConnection<TextOut>);
    top.objects("groups", d.groups(), writeGroup<TextOut>);
    if (!d.notes().empty()) { // absent when empty: files without notes stay as they were
        w.key("notes");
        w.beginArray();
        for (const Note &n : d.notes())
            w.value(NoteJson::noteToJson(n));
        w.endArray();
    }
    // Further top-level sections go here, before the unknown fields (and into the list below).
    static constexpr const char *sections[] = {"format",      "version", "meta", "components",
                                               "connections", "groups",  "notes"};
    writeExtra(w, d.extra(), std::begin(sections), std::end(sections));
    w.endObject();
    w.flush();
    return w.shape();
}

/// True when @p shape proves that the reader's structure check passes on a text of @p bytes
/// bytes: a string escapes to at most 6 bytes per byte (\u00XX), and nothing else this writer
/// writes can fail it. When it cannot tell, the text itself is checked.
bool surelyReadable(const JsonTextWriter::Shape &shape, qint64 bytes, const Limits &limits)
{
    return bytes <= limits.maxFileBytes && shape.depth <= limits.maxDepth &&
           shape.values <= limits.maxJsonValues && shape.longestString * 6 <= limits.maxStringBytes;
}

} // namespace

void DiagramWriter::writeText(const Diagram &d, QByteArray &out, int indent)
{
    writeDiagram(d, out, indent);
}

Json DiagramWriter::componentToJson(const Component &c)
{
    return toObject(c, writeComponent<TreeOut>);
}

Json DiagramWriter::connectionToJson(const Connection &c)
{
    return toObject(c, writeConnection<TreeOut>);
}

Json DiagramWriter::groupToJson(const Group &g)
{
    return toObject(g, writeGroup<TreeOut>);
}

Json DiagramWriter::toJson(const Diagram &d)
{
    Json root = Json::object();
    root["format"] = "mlsketch";
    root["version"] = DiagramReader::currentVersion;

    root["meta"] = toObject(d.meta(), writeMeta<TreeOut>);
    TreeOut top(root);
    top.objects("components", d.components(), writeComponent<TreeOut>);
    top.objects("connections", d.connections(), writeConnection<TreeOut>);
    top.objects("groups", d.groups(), writeGroup<TreeOut>);

    if (!d.notes().empty()) { // absent when empty: files without notes stay as they were
        Json notes = Json::array();
        for (const Note &n : d.notes())
            notes.push_back(NoteJson::noteToJson(n));
        root["notes"] = std::move(notes);
    }

    appendExtra(root, d.extra());
    return root;
}

QByteArray DiagramWriter::write(const Diagram &d)
{
    return write(d, nullptr);
}

QByteArray DiagramWriter::write(const Diagram &d, QString *error, const Limits &limits)
{
    // Never write what the reader refuses (issue 17). Pretty-printing indents every level, so
    // deeply nested props can grow past the file-size cap: then the file is written compactly
    // (one line, still valid and read the same way); what no form fits is refused.
    QString why;
    for (const int indent : {2, -1}) {
        QByteArray bytes;
        const JsonTextWriter::Shape shape = writeDiagram(d, bytes, indent);
        bytes.append('\n');
        why = surelyReadable(shape, bytes.size(), limits)
                  ? QString()
                  : DiagramReader::checkStructure(bytes, limits);
        if (why.isEmpty())
            return bytes;
        if (qint64(bytes.size()) <= limits.maxFileBytes)
            break; // not a size problem: compact text would be refused the same way
    }
    if (error)
        *error = why;
    return {};
}

bool DiagramWriter::save(const Diagram &d, const QString &path, QString *error)
{
    QString why;
    const QByteArray bytes = write(d, &why);
    if (bytes.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: not saved: %2").arg(path, why);
        return false;
    }
    return AtomicFile::write(path, bytes, error);
}

} // namespace mls
