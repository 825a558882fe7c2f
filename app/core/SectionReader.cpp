// SPDX-License-Identifier: MIT
#include "SectionReader.h"

#include <climits>

namespace mls {

SectionReader::SectionReader(const ReadLimits &limits, QStringList &warnings, Diagram &d)
    : m_limits(limits), m_d(d), m_elements(limits, warnings, d)
{}

bool SectionReader::sectionOpened(Section s)
{
    m_streamed[s] = s == Components || (s == Connections && m_complete[Components]) ||
                    (s == Groups && m_complete[Components] && m_complete[Connections]);
    return m_streamed[s];
}

bool SectionReader::element(Section s, size_t index, Json &v)
{
    m_count[s] = index + 1;
    if (s == Groups)
        noteGroupId(v);
    if (m_deferred || index >= size_t(cap(s)))
        return true; // reported in finish(): the first error, or the size over the cap
    try {
        convert(s, index, v);
    } catch (const ReferenceError &e) {
        m_deferred = std::make_unique<ReadError>(e);
        m_deferredReference = std::make_unique<QString>(e.id);
    } catch (const ReadError &e) {
        m_deferred = std::make_unique<ReadError>(e);
    }
    return true;
}

void SectionReader::finish(Json &root)
{
    if (!root.is_object())
        throw ReadError{QStringLiteral("top level"),
                        QStringLiteral("expected an object, found %1").arg(jsonTypeName(root))};
    checkFormat(root);
    m_d.setExtra(ElementReader::unknownFields(
        root, {"format", "version", "meta", "components", "connections", "groups", "notes"}));
    if (auto it = root.find("meta"); it != root.end())
        m_d.setMeta(m_elements.parseMeta(*it));

    Json *arrays[SectionCount];
    for (int s = 0; s < SectionCount; ++s)
        arrays[s] = &arrayField(root, Section(s));
    const Json &groups = *arrays[Groups];
    for (const Json &g : groups)
        noteGroupId(g);
    if (m_deferred) {
        ReadError e = *m_deferred;
        if (m_deferredReference)
            e.what = m_elements.notAComponent(*m_deferredReference);
        throw e;
    }
    if (!arrays[Components]->empty() || !arrays[Connections]->empty())
        m_d.reserve(int(m_d.components().size() + arrays[Components]->size()),
                    int(m_d.connections().size() + arrays[Connections]->size()));
    for (int s = 0; s < SectionCount; ++s) {
        Json &elements = *arrays[s];
        for (size_t i = 0; i < elements.size(); ++i)
            convert(Section(s), i, elements[i]);
    }
    const Json &notes = notesField(root);
    for (size_t i = 0; i < notes.size(); ++i)
        m_d.insertNote(int(i), m_elements.parseNote(notes[i], ElementPath("notes", i)));
}

int SectionReader::cap(Section s) const
{
    return s == Components    ? m_limits.maxComponents
           : s == Connections ? m_limits.maxConnections
                              : m_limits.maxGroups;
}

void SectionReader::convert(Section s, size_t i, Json &v)
{
    const ElementPath p(sectionKeys[s], i);
    switch (s) {
    case Components:
        m_d.insertComponent(int(i), m_elements.parseComponent(v, p));
        break;
    case Connections:
        if (i == 0) // every component is in: size their adjacency once
            m_d.reserve(int(m_d.components().size()), 0);
        m_d.insertConnection(int(i), m_elements.parseConnection(v, p));
        break;
    default:
        m_d.insertGroup(int(i), m_elements.parseGroup(v, p));
    }
}

void SectionReader::noteGroupId(const Json &g)
{
    auto id = g.is_object() ? g.find("id") : g.end();
    if (g.is_object() && id != g.end() && id->is_string())
        m_elements.addZoneId(toQt(id->get_ref<const std::string &>()));
}

void SectionReader::checkFormat(const Json &root)
{
    auto format = root.find("format");
    if (format == root.end())
        throw ReadError{QStringLiteral("format"),
                        QStringLiteral("missing \"format\": this is not an mlsketch file")};
    if (!format->is_string() || format->get<std::string>() != "mlsketch")
        throw ReadError{QStringLiteral("format"),
                        QStringLiteral("\"format\" is %1, expected \"mlsketch\": this is not "
                                       "an mlsketch file")
                            .arg(toQt(dumpJson(*format, -1)).left(80))};
    auto version = root.find("version");
    if (version == root.end())
        throw ReadError{QStringLiteral("version"), QStringLiteral("missing \"version\"")};
    if (!version->is_number_integer())
        throw ReadError{QStringLiteral("version"),
                        QStringLiteral("expected a whole number, found %1")
                            .arg(toQt(dumpJson(*version, -1)).left(80))};
    if (version->is_number_unsigned() &&
        version->get<Json::number_unsigned_t>() > Json::number_unsigned_t(LLONG_MAX))
        throw ReadError{QStringLiteral("version"),
                        QStringLiteral("the file is version %1, newer than this mlsketch "
                                       "reads (version %2); update mlsketch to open it")
                            .arg(toQt(dumpJson(*version, -1)))
                            .arg(DiagramReader::currentVersion)};
    const auto v = version->get<long long>();
    if (v > DiagramReader::currentVersion)
        throw ReadError{QStringLiteral("version"),
                        QStringLiteral("the file is version %1, newer than this mlsketch "
                                       "reads (version %2); update mlsketch to open it")
                            .arg(v)
                            .arg(DiagramReader::currentVersion)};
    if (v < 1)
        throw ReadError{QStringLiteral("version"),
                        QStringLiteral("version %1 is not a valid version").arg(v)};
}

Json &SectionReader::arrayField(Json &root, Section s)
{
    static Json empty = Json::array(); // never changed: an empty array has no members
    const char *key = sectionKeys[s];
    auto it = root.find(key);
    if (it == root.end())
        return empty;
    if (!it->is_array())
        throw ReadError{QLatin1String(key),
                        QStringLiteral("expected an array, found %1").arg(jsonTypeName(*it))};
    const size_t count = m_streamed[s] ? m_count[s] : it->size();
    if (count > size_t(cap(s)))
        throw ReadError{
            QLatin1String(key),
            QStringLiteral("%1 entries, more than the limit of %2").arg(count).arg(cap(s))};
    return *it;
}

const Json &SectionReader::notesField(const Json &root) const
{
    static const Json empty = Json::array();
    auto it = root.find("notes");
    if (it == root.end())
        return empty;
    if (!it->is_array())
        throw ReadError{QStringLiteral("notes"),
                        QStringLiteral("expected an array, found %1").arg(jsonTypeName(*it))};
    if (it->size() > size_t(m_limits.maxNotes))
        throw ReadError{QStringLiteral("notes"),
                        QStringLiteral("%1 entries, more than the limit of %2")
                            .arg(it->size())
                            .arg(m_limits.maxNotes)};
    return *it;
}

} // namespace mls
